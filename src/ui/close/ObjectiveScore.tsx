// Under an objective of a closed period on the board: its score, the weighted mean of its KRs'
// scores (SPEC §9), beside the progress bar's weighted mean of their progress.
import type { ObjectiveReport } from '../../core/report/types';
import { scoreText } from './score-text';

export function ObjectiveScore({ objective }: { objective: ObjectiveReport }) {
  if (objective.score === undefined) return null;
  return (
    <div className="h-kr-score h-objective-score" data-score={objective.id}>
      <span>
        Score <strong>{scoreText(objective.score)}</strong>
        {objective.closed !== undefined && <span className="h-subtle"> · closed on {objective.closed}</span>}
      </span>
    </div>
  );
}
