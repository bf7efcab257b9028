// The workbench's own strip above each page: where you are, the other surfaces, light or dark.
// It is not part of any host; the frames below it imitate Jira and Azure DevOps.
import { ColorModeToggle } from './ColorModeToggle';

const LINKS = [
  { href: '/', label: 'Start' },
  { href: '/jira/browse/CS-1', label: 'Jira issue' },
  { href: '/ado/workitem/101', label: 'ADO work item' },
  { href: '/board', label: 'Board' },
  { href: '/kpis', label: 'KPIs' },
  { href: '/review', label: 'Review' },
  { href: '/plan', label: 'Plan file' },
];

export function WorkbenchBar({ current }: { current: string }) {
  return (
    <nav className="wb-bar" aria-label="Workbench">
      <span className="wb-brand">Harmony workbench</span>
      <ul className="wb-links">
        {LINKS.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={l.label === current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <ColorModeToggle />
    </nav>
  );
}
