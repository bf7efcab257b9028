// The review's first part: every KPI with value, target, threshold, health and its change since
// the previous reading (SPEC §11.1). A table on a wide page; its wrapper scrolls on its own at
// 400 px so the page itself never scrolls sideways, and on a narrow screen each KPI becomes a
// small card whose cells say what they are (review.css).
import type { ReviewView } from '../../app/api';
import { Pill } from '../components/Pill';
import { withUnit } from '../format/numbers';
import { healthLabel, healthTone } from '../format/status';
import { changeText, changeVerdict } from './change-text';

type Kpi = ReviewView['kpis'][number];

const ORDER = { breached: 0, warning: 1, 'no-data': 2, 'no-target': 3, healthy: 4 } as const;

export function ReviewKpis({ kpis }: { kpis: readonly Kpi[] }) {
  // The CLI lists KPIs in plan order; on screen the breached ones come first so none is missed.
  const sorted = [...kpis].sort((a, b) => ORDER[a.health] - ORDER[b.health]);
  return (
    <section className="h-review-section" aria-labelledby="h-review-kpis">
      <h2 id="h-review-kpis" className="h-section-title">
        1. KPIs
      </h2>
      {sorted.length === 0 ? (
        <p className="h-empty">No KPIs in the plan.</p>
      ) : (
        <div className="h-scroll-x" tabIndex={0} role="region" aria-label="KPI readout table">
          <table className="h-table h-review-kpis">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Value</th>
                <th scope="col">Target</th>
                <th scope="col">Threshold</th>
                <th scope="col">Health</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((k) => (
                <tr key={k.id} data-kpi={k.id} data-health={k.health}>
                  <th scope="row">
                    {k.title} <span className="h-ref h-subtle">{k.id}</span>
                  </th>
                  <td data-label="Value">{measure(k.value, k.unit)}</td>
                  <td data-label="Target">{measure(k.target, k.unit)}</td>
                  <td data-label="Threshold">{measure(k.threshold, k.unit)}</td>
                  <td data-label="Health">
                    <Pill tone={healthTone(k.health)}>{healthLabel(k.health)}</Pill>
                  </td>
                  <td data-label="Change" className={`h-change h-change-${changeVerdict(k)}`}>{changeText(k)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function measure(value: number | undefined, unit: string | undefined): string {
  return value === undefined ? '–' : withUnit(value, unit);
}
