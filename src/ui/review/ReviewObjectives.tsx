// The review's second part: the objectives under review, each with its progress against what the
// period expects by now, its status, and its KRs (SPEC §11.2).
import { OwnerName } from '../authoring/people';
import type { ReviewView } from '../../app/api';
import type { KeyResultReport } from '../../core/report/types';
import { ProgressBar } from '../components/ProgressBar';
import { StatusPill } from '../components/StatusPill';
import { withUnit } from '../format/numbers';
import { statusTone } from '../format/status';

type Objective = ReviewView['objectives'][number];

export function ReviewObjectives({ objectives, teamName }: { objectives: readonly Objective[]; teamName: (id: string) => string }) {
  return (
    <section className="h-review-section" aria-labelledby="h-review-objectives">
      <h2 id="h-review-objectives" className="h-section-title">
        2. Objectives
      </h2>
      {objectives.length === 0 && <p className="h-empty">No objectives in the periods under review.</p>}
      <ul className="h-review-objectives">
        {objectives.map((o) => (
          <li key={o.id} className="h-card h-review-objective" data-objective={o.id}>
            <header className="h-card-header">
              <h3 className="h-card-title">
                {o.title} <span className="h-ref h-subtle">{o.id}</span>
              </h3>
              <StatusPill status={o.status} />
            </header>
            <p className="h-meta">
              {teamName(o.team)} · {o.period}
              {o.owner !== undefined && <> · owner <OwnerName id={o.owner} /></>}
            </p>
            <ProgressBar value={o.progress} expected={o.expected} label={o.title} tone={statusTone(o.status)} />
            <ul className="h-review-krs">
              {o.keyResultReports.map((k) => (
                <li key={k.id} className="h-review-kr" data-kr={k.id}>
                  <div className="h-review-kr-head">
                    <span className="h-review-kr-title">
                      <span className="h-kr-id">{k.id}</span>
                      {k.title}
                    </span>
                    <StatusPill status={k.status} />
                  </div>
                  <ProgressBar value={k.progress} expected={k.expected} label={k.title} detail={detail(k)} tone={statusTone(k.status)} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function detail(k: KeyResultReport): string {
  switch (k.type) {
    case 'outcome':
      return `${withUnit(k.current, k.unit)} now${k.target !== undefined ? `, target ${withUnit(k.target, k.unit)}` : ''}`;
    case 'effort':
      return k.countsWithheld ? 'unit counts withheld' : `${k.units.done} of ${k.units.total} done`;
  }
}
