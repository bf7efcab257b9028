// Under a KR on the board: its score once its period is closed, and, for a KR carried from an
// earlier quarter, the scores of the quarters it went through (its lineage), oldest first.
import type { KeyResultReport } from '../../core/report/types';
import { useLineage } from './lineage-context';
import { scoreText } from './score-text';

export function KeyResultScore({ kr }: { kr: KeyResultReport }) {
  const lineage = useLineage(kr.id);
  if (kr.score === undefined && !lineage?.length) return null;
  return (
    <div className="h-kr-score">
      {kr.score !== undefined && (
        <span className="h-score" data-score={kr.id}>
          Score <strong>{scoreText(kr.score)}</strong>
          {kr.grade !== undefined && <span className="h-subtle"> (graded; progress {scoreText(kr.progress)})</span>}
        </span>
      )}
      {lineage?.length ? (
        <span className="h-lineage">
          <span className="h-subtle">Carried from</span>
          <ol className="h-lineage-list" aria-label={`Scores of the quarters ${kr.id} was carried through`} data-lineage={kr.id}>
            {lineage.map((step) => (
              <li key={step.kr}>
                <span className="h-subtle">{step.period}</span> {step.score !== undefined ? scoreText(step.score) : `${scoreText(step.progress)} so far`}
              </li>
            ))}
          </ol>
        </span>
      ) : null}
    </div>
  );
}
