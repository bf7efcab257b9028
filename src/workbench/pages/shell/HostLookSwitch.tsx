// Board and KPIs exist in both hosts; this switch shows them in either look.
import type { HostTheme } from '../../../ui/components/ThemeRoot';
import { withParams } from './host-look';

export function HostLookSwitch({ current, path }: { current: HostTheme; path: string }) {
  const theme = document.documentElement.dataset.colorMode;
  return (
    <p className="wb-looks h-subtle">
      Look:{' '}
      <a href={withParams(path, { host: 'jira', theme })} aria-current={current === 'jira' ? 'true' : undefined}>
        Jira global page
      </a>
      ·
      <a href={withParams(path, { host: 'ado', theme })} aria-current={current === 'ado' ? 'true' : undefined}>
        Azure DevOps hub
      </a>
    </p>
  );
}
