// "Why this number": the explanation behind a KR's progress (SPEC §2). For an effort KR, which
// units counted done and which did not, and what was cancelled; for an outcome KR, where the
// current value came from. A native <details> keeps it keyboard- and screen-reader-friendly.
import { assertNever } from '../../core/model/assert-never';
import type { EffortKeyResultReport, KeyResultReport, OutcomeKeyResultReport, UnitReport } from '../../core/report/types';
import { decimal, plural, withUnit } from '../format/numbers';

function UnitLine({ unit, weighting }: { unit: UnitReport; weighting: 'count' | 'estimate' }) {
  return (
    <li>
      <span className="h-ref">{unit.ref}</span> {unit.title && <span>{unit.title}</span>}{' '}
      <span className="h-subtle">
        ({unit.status}
        {unit.closedBy ? `, closed with ${unit.closedBy}` : ''}
        {weighting === 'estimate' ? `, weight ${decimal(unit.weight)}${unit.estimated ? ' (mean estimate)' : ''}` : ''})
      </span>
    </li>
  );
}

function EffortWhy({ kr }: { kr: EffortKeyResultReport }) {
  if (kr.countsWithheld) {
    return (
      <div className="h-why-body">
        <p>The tracker did not answer in time, so this is the progress last stored for this key result. Which items count shows again once the tracker answers.</p>
      </div>
    );
  }
  const { units, cancelled, unknownLinks, doneWeight, totalWeight } = kr.explanation;
  const done = units.filter((u) => u.done);
  const open = units.filter((u) => !u.done);
  return (
    <div className="h-why-body">
      <p>
        {kr.weighting === 'estimate'
          ? `Weighted by estimate: ${decimal(doneWeight)} of ${decimal(totalWeight)} points done.`
          : `Counted by item: ${plural(kr.units.done, 'unit')} done of ${kr.units.total}.`}{' '}
        Units are the leaves of the linked items' trees; a done parent closes its children.
      </p>
      <h4 className="h-why-heading">Counted done ({done.length})</h4>
      {done.length > 0 ? <ul className="h-why-list">{done.map((u) => <UnitLine key={u.ref} unit={u} weighting={kr.weighting} />)}</ul> : <p className="h-subtle">None yet.</p>}
      <h4 className="h-why-heading">Not done yet ({open.length})</h4>
      {open.length > 0 ? <ul className="h-why-list">{open.map((u) => <UnitLine key={u.ref} unit={u} weighting={kr.weighting} />)}</ul> : <p className="h-subtle">Nothing left.</p>}
      {cancelled.length > 0 && (
        <>
          <h4 className="h-why-heading">Left out: cancelled ({cancelled.length})</h4>
          <ul className="h-why-list">
            {cancelled.map((ref) => (
              <li key={ref}>
                <span className="h-ref">{ref}</span> <span className="h-subtle">(removed with everything under it)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {unknownLinks.length > 0 && (
        <>
          <h4 className="h-why-heading">Links that name no known item ({unknownLinks.length})</h4>
          <ul className="h-why-list">
            {unknownLinks.map((ref) => (
              <li key={ref}>
                <span className="h-ref">{ref}</span> <span className="h-subtle">(not found, or not visible to you)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function OutcomeWhy({ kr }: { kr: OutcomeKeyResultReport }) {
  const from =
    kr.currentFrom === 'check-in'
      ? `the check-in of ${kr.currentAt ?? 'an earlier date'}`
      : kr.currentFrom === 'kpi-reading'
        ? `the KPI ${kr.kpiRef ?? ''} reading of ${kr.currentAt ?? 'an earlier date'}`
        : 'the start value (no check-in yet)';
  return (
    <div className="h-why-body">
      <p>
        Current value {withUnit(kr.current, kr.unit)} comes from {from}.
        {kr.start !== undefined && kr.target !== undefined
          ? ` Progress = (current − start) / (target − start) = (${decimal(kr.current)} − ${decimal(kr.start)}) / (${decimal(kr.target)} − ${decimal(kr.start)}), kept between 0 and 1.`
          : ' The KR needs both a start and a target before progress can be measured.'}
      </p>
      {kr.links.length > 0 && (
        <p className="h-subtle">Linked work ({kr.links.join(', ')}) is shown for context; it does not count toward an outcome KR.</p>
      )}
    </div>
  );
}

function KindWhy({ kr }: { kr: KeyResultReport }) {
  switch (kr.type) {
    case 'effort':
      return <EffortWhy kr={kr} />;
    case 'outcome':
      return <OutcomeWhy kr={kr} />;
    default:
      return assertNever(kr);
  }
}

export function WhyThisNumber({ kr }: { kr: KeyResultReport }) {
  return (
    <details className="h-why">
      <summary>Why this number?</summary>
      <KindWhy kr={kr} />
    </details>
  );
}
