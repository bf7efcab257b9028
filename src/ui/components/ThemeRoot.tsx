// The one place a host's look is chosen. Components read only `--h-*` variables; the theme class
// maps them to the host's own variables (Atlassian tokens or Azure DevOps theme variables).
import type { ReactNode } from 'react';

export type HostTheme = 'jira' | 'ado';

export function ThemeRoot({ host, children, className }: { host: HostTheme; children: ReactNode; className?: string }) {
  return <div className={`h-root h-theme-${host}${className ? ` ${className}` : ''}`}>{children}</div>;
}
