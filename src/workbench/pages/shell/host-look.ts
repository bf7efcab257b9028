// The board and the KPI readout live in both hosts (a Jira global page, an ADO hub); the
// workbench shows them in either look with ?host=jira|ado.
import type { HostTheme } from '../../../ui/components/ThemeRoot';

export function hostLook(): HostTheme {
  return new URLSearchParams(window.location.search).get('host') === 'ado' ? 'ado' : 'jira';
}

export function withParams(path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}
