// The review's third part: what needs help (SPEC §11.3): at most five KRs, widest gap between
// expected and actual progress first, then breached KPIs that no KR focuses on.
import { OwnerName } from '../authoring/people';
import type { ReviewView } from '../../app/api';
import type { KeyResultReport } from '../../core/report/types';
import { StatusPill } from '../components/StatusPill';
import { percent, withUnit } from '../format/numbers';

export function ReviewSpotlight({ view }: { view: ReviewView }) {
  const krs = new Map<string, { kr: KeyResultReport; objective: string }>();
  for (const o of view.objectives) for (const kr of o.keyResultReports) krs.set(kr.id, { kr, objective: o.title });
  const kpis = new Map(view.kpis.map((k) => [k.id, k]));
  const spotKrs = view.spotlight.keyResults.flatMap((id) => krs.get(id) ?? []);
  const spotKpis = view.spotlight.kpis.flatMap((id) => kpis.get(id) ?? []);
  return (
    <section className="h-review-section" aria-labelledby="h-review-spotlight">
      <h2 id="h-review-spotlight" className="h-section-title">
        3. Spotlight
      </h2>
      {spotKrs.length === 0 && spotKpis.length === 0 && <p className="h-empty">Nothing needs help right now.</p>}
      {spotKrs.length > 0 && (
        <ol className="h-review-spotlight">
          {spotKrs.map(({ kr, objective }) => (
            <li key={kr.id} data-kr={kr.id}>
              <div className="h-review-kr-head">
                <span className="h-review-kr-title">
                  <span className="h-kr-id">{kr.id}</span>
                  <strong>{kr.title}</strong>
                </span>
                <StatusPill status={kr.status} />
              </div>
              <p className="h-meta">
                {percent(kr.progress)} done, {percent(kr.expected)} expected · {objective}
                {kr.owner !== undefined && <> · owner <OwnerName id={kr.owner} /></>}
              </p>
            </li>
          ))}
        </ol>
      )}
      {spotKpis.length > 0 && (
        <ul className="h-review-spotlight-kpis">
          {spotKpis.map((k) => (
            <li key={k.id} data-kpi={k.id}>
              KPI <strong>{k.title}</strong> is breached at {k.value !== undefined ? withUnit(k.value, k.unit) : '–'}
              {k.target !== undefined ? ` (target ${withUnit(k.target, k.unit)})` : ''} and no key result focuses on it.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
