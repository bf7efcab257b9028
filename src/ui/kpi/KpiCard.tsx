// One KPI: value, target, threshold, health in colour and words, its readings, and on a breached
// KPI that no KR focuses on yet, the action to focus a KR on it.
import { lazy, Suspense, useId, useState } from 'react';
import type { KpiReadout } from '../../app/api';
import { Sparkline } from '../charts/Sparkline';
import { Pill } from '../components/Pill';
import { withUnit } from '../format/numbers';
import { healthLabel, healthTone } from '../format/status';
import { mayEdit, usePermissions } from '../hooks/use-permissions';
import { FocusKpiForm } from './FocusKpiForm';
import { MeasuredMark } from '../measure/MeasuredMark';
import { useMeasured } from '../measure/use-measured';
import { NeedsUpdateFor } from '../cadence/needs-update';
import { KpiReadingAction } from '../cadence/KpiReadingAction';
import { OwnerName } from '../authoring/people';
import { KpiReadings } from '../cadence/KpiReadings';

// Issue 11: "Measure now" and the run log of a measured KPI, loaded on first use.
const KpiMeasure = lazy(() => import('../measure/KpiMeasure'));

type Kpi = KpiReadout['kpis'][number];

export function KpiCard({ kpi, onFocused }: { kpi: Kpi; onFocused: (message: string) => Promise<void> }) {
  const id = useId();
  const [focusing, setFocusing] = useState(false);
  const canEdit = mayEdit(usePermissions());
  const measured = useMeasured()?.has(kpi.id); // issue 11
  const tone = healthTone(kpi.health);
  const fromKr = kpi.source === 'kr';
  const where = kpi.dataSource;
  const better = kpi.direction === 'down' ? 'lower is better' : kpi.direction === 'up' ? 'higher is better' : undefined;
  return (
    <article className={`h-card h-kpi h-kpi-${tone}`} aria-labelledby={`${id}-title`} data-kpi={kpi.id} data-health={kpi.health}>
      <header className="h-card-header">
        <h2 id={`${id}-title`} className="h-card-title">
          {kpi.title}
        </h2>
        <Pill tone={tone}>{healthLabel(kpi.health)}</Pill>
        <MeasuredMark id={kpi.id} />
        <NeedsUpdateFor subject={kpi.id} />
      </header>
      <div className="h-kpi-body">
        <div>
          <p className="h-kpi-value">{kpi.value !== undefined ? withUnit(kpi.value, kpi.unit) : 'No reading'}</p>
          <p className="h-subtle">{kpi.valueAt ? `as of ${kpi.valueAt}` : 'no reading on or before this date'}</p>
        </div>
        <Sparkline name={kpi.title} readings={kpi.trend} target={kpi.target} />
      </div>
      <dl className="h-facts">
        <div>
          <dt>Target</dt>
          <dd>{kpi.target !== undefined ? withUnit(kpi.target, kpi.unit) : 'none'}</dd>
        </div>
        <div>
          <dt>Threshold</dt>
          <dd>{kpi.threshold !== undefined ? withUnit(kpi.threshold, kpi.unit) : 'none'}</dd>
        </div>
        {better && (
          <div>
            <dt>Direction</dt>
            <dd>{better}</dd>
          </div>
        )}
        {kpi.frequency && (
          <div>
            <dt>Measured</dt>
            <dd>{kpi.frequency}</dd>
          </div>
        )}
        {where && (
          <div>
            <dt>Source</dt>
            <dd>{where}</dd>
          </div>
        )}
        <div>
          <dt>Kind</dt>
          <dd>{fromKr ? 'Key result kept as a KPI' : 'Health metric'}</dd>
        </div>
      </dl>
      {kpi.owner && <p className="h-subtle h-kpi-owner">Owner <OwnerName id={kpi.owner} /></p>}
      {kpi.focusedBy.length > 0 && <p className="h-subtle">Focused by {kpi.focusedBy.join(', ')}.</p>}
      {kpi.health === 'breached' && kpi.focusedBy.length === 0 && !fromKr && canEdit && (
        <div className="h-actions">
          <button type="button" className="h-button h-button-primary" aria-expanded={focusing} onClick={() => setFocusing((v) => !v)}>
            Focus as a KR
          </button>
        </div>
      )}
      <KpiReadingAction kpi={kpi} onDone={() => onFocused('')} />
      <Suspense fallback={null}>{measured && <KpiMeasure kpi={kpi} onChanged={() => onFocused('')} />}</Suspense>
      <KpiReadings kpi={kpi} onChanged={() => onFocused('')} />
      {focusing && (
        <FocusKpiForm
          kpi={kpi}
          onCancel={() => setFocusing(false)}
          onDone={async (message) => {
            setFocusing(false);
            await onFocused(message);
          }}
        />
      )}
    </article>
  );
}
