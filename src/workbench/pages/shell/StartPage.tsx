// The workbench's start page: every surface, and the demo organisation's linked work items
// (read from the board, so the list is whatever the data holds, not a hard-coded guess).
import type { KeyResultReport } from '../../../core/report/types';
import { useApi } from '../../../ui/client/api-context';
import { ErrorNotice } from '../../../ui/components/ErrorNotice';
import { StatusPill } from '../../../ui/components/StatusPill';
import { percent } from '../../../ui/format/numbers';
import { useLoad } from '../../../ui/hooks/use-load';
import { frameHref } from './refs';

const SURFACES = [
  { href: '/jira/browse/CS-1', title: 'Jira issue panel', text: 'The OKR panel on a Jira epic, where Jira shows app issue panels.' },
  { href: '/ado/workitem/101', title: 'Azure DevOps form group', text: 'The same panel as a group on an ADO work item form.' },
  { href: '/board', title: 'Alignment board', text: 'Team → objective → key result, filters, contributing work, burn-ups and the coach.' },
  { href: '/kpis', title: 'KPI readout', text: 'Health metrics with targets, thresholds and trends; focus a breached one as a KR.' },
  { href: '/review', title: 'Monthly review', text: 'KPIs first, then the objectives and a spotlight on what needs help; copy it as Markdown or print it.' },
  { href: '/plan', title: 'Plan file', text: 'Import a plan file (YAML or JSON) to replace the stored plan, or export it: OKRs as code.' },
];

function DemoItems({ krs }: { krs: KeyResultReport[] }) {
  const withWork = krs.filter((kr) => kr.links.length > 0);
  if (withWork.length === 0) return <p className="h-subtle">No key result has linked work yet.</p>;
  return (
    <table className="wb-demo">
      <caption className="h-sr-only">Key results and the work items linked to them</caption>
      <thead>
        <tr>
          <th scope="col">Key result</th>
          <th scope="col">Progress</th>
          <th scope="col">Open a linked item (or one below it)</th>
        </tr>
      </thead>
      <tbody>
        {withWork.map((kr) => {
          const below = kr.type === 'effort' ? kr.explanation.units.map((u) => u.ref).filter((r) => !kr.links.includes(r)).slice(0, 3) : [];
          return (
            <tr key={kr.id}>
              <td>
                <span className="h-kr-id">{kr.id}</span> {kr.title}
              </td>
              <td>
                {percent(kr.progress)} <StatusPill status={kr.status} />
              </td>
              <td>
                <ul>
                  {[...kr.links, ...below].map((ref) => (
                    <li key={ref}>
                      <a className="h-ref" href={frameHref(ref) ?? '#'}>
                        {ref}
                      </a>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function StartPage() {
  const api = useApi();
  const board = useLoad(() => api('getBoard', {}), [api]);
  return (
    <main className="wb-start">
      <h1>Harmony workbench</h1>
      <p className="h-subtle">
        Every surface of the product against a demo organisation, with no Atlassian or Microsoft account. Jira and Azure DevOps are emulated
        locally; the panels read work items through the real tracker adapters.
      </p>
      <div className="wb-grid">
        {SURFACES.map((s) => (
          <section key={s.href} className="wb-card" aria-labelledby={`surface-${s.href}`}>
            <h2 id={`surface-${s.href}`}>
              <a href={s.href}>{s.title}</a>
            </h2>
            <p>{s.text}</p>
          </section>
        ))}
      </div>
      <h2 className="h-section-title">Demo work items</h2>
      {board.status === 'loading' && <p className="h-subtle">Loading the demo organisation…</p>}
      {board.status === 'error' && <ErrorNotice error={board.error} onRetry={() => void board.reload()} />}
      {board.data && <DemoItems krs={Object.values(board.data.keyResults)} />}
    </main>
  );
}
