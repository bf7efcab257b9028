// A KR's contributing work items: for an effort KR, every unit of its scope with whether it
// counted done, plus what was cancelled or could not be found; for an outcome KR, the linked work.
import { assertNever } from '../../core/model/assert-never';
import type { EffortKeyResultReport, KeyResultReport, OutcomeKeyResultReport } from '../../core/report/types';
import type { WorkItemRef } from '../../core/model/work-item';
import { Pill } from '../components/Pill';
import type { WorkItemHref } from './work-item-href';

function Ref({ refId, href }: { refId: WorkItemRef; href?: WorkItemHref }) {
  const url = href?.(refId);
  return url ? (
    <a className="h-ref" href={url}>
      {refId}
    </a>
  ) : (
    <span className="h-ref">{refId}</span>
  );
}

export function ContributingItems({ kr, href }: { kr: KeyResultReport; href?: WorkItemHref }) {
  switch (kr.type) {
    case 'outcome':
      return <LinkedWork kr={kr} href={href} />;
    case 'effort':
      return <EffortUnits kr={kr} href={href} />;
    default:
      return assertNever(kr);
  }
}

/** An outcome KR's linked work: shown for context, never counted. */
function LinkedWork({ kr, href }: { kr: OutcomeKeyResultReport; href?: WorkItemHref | undefined }) {
  if (kr.links.length === 0) return <p className="h-subtle">No work linked. An outcome KR is moved by check-ins; linked work is shown for context.</p>;
  return (
    <ul className="h-items">
      {kr.links.map((ref) => (
        <li key={ref}>
          <Ref refId={ref} href={href} />
        </li>
      ))}
    </ul>
  );
}

/** An effort KR's scope: every unit, whether it counted done, what was cancelled or not found. */
function EffortUnits({ kr, href }: { kr: EffortKeyResultReport; href?: WorkItemHref | undefined }) {
  const { units, cancelled, unknownLinks } = kr.explanation;
  return (
    <div>
      <p className="h-subtle">Linked: {kr.links.length > 0 ? kr.links.join(', ') : 'nothing yet'}.</p>
      {units.length === 0 ? (
        <p className="h-subtle">No units in scope.</p>
      ) : (
        <table className="h-table">
          <caption className="h-sr-only">Units of {kr.id}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Counts as</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.ref}>
                <td>
                  <Ref refId={u.ref} href={href} />
                </td>
                <td>{u.title ?? ''}</td>
                <td>{u.status}</td>
                <td>
                  <Pill tone={u.done ? 'success' : 'neutral'}>{u.done ? 'Done' : 'Not done'}</Pill>
                  {u.closedBy && <span className="h-subtle"> (closed with {u.closedBy})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cancelled.length > 0 && (
        <p className="h-subtle">
          Cancelled, left out with their children:{' '}
          {cancelled.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <Ref refId={ref} href={href} />
            </span>
          ))}
        </p>
      )}
      {unknownLinks.length > 0 && <p className="h-field-error">Links to unknown or hidden items: {unknownLinks.join(', ')}</p>}
    </div>
  );
}
