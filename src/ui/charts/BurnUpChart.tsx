// Burn-up of one KR: scope and done as two lines. The SVG is a picture (role="img" with a
// summary); the same numbers are in a table for screen readers.
import type { SnapshotPoint } from '../../app/api';
import { burnUp, type ChartBox } from './burn-up';
import { percent } from '../format/numbers';
import { polylinePoints } from './scale';

const BOX: ChartBox = { width: 480, height: 200, left: 40, right: 12, top: 12, bottom: 28 };

export function BurnUpChart({ title, history }: { title: string; history: SnapshotPoint[] }) {
  const chart = burnUp(history, BOX);
  if (!chart) return <p className="h-subtle">No history yet: progress is recorded each time it changes.</p>;
  const latest = [...history].sort((a, b) => a.at.localeCompare(b.at)).at(-1);
  const summary =
    chart.kind === 'units'
      ? `Burn-up of ${title} from ${chart.first} to ${chart.last}: ${latest?.done ?? 0} of ${latest?.total ?? 0} units done at the end.`
      : `Progress of ${title} from ${chart.first} to ${chart.last}: ${percent(latest?.progress ?? 0)} at the end.`;
  const baseline = BOX.height - BOX.bottom;
  return (
    <figure className="h-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} className="h-burnup">
        <line className="h-axis" x1={BOX.left} y1={baseline} x2={BOX.width - BOX.right} y2={baseline} />
        <line className="h-axis" x1={BOX.left} y1={BOX.top} x2={BOX.left} y2={baseline} />
        <text className="h-axis-label" x={BOX.left - 6} y={BOX.top + 4} textAnchor="end">
          {chart.kind === 'units' ? chart.yMax : '100%'}
        </text>
        <text className="h-axis-label" x={BOX.left - 6} y={baseline} textAnchor="end">
          0
        </text>
        <text className="h-axis-label" x={BOX.left} y={BOX.height - 8}>
          {chart.first}
        </text>
        <text className="h-axis-label" x={BOX.width - BOX.right} y={BOX.height - 8} textAnchor="end">
          {chart.last}
        </text>
        {chart.scope.length > 0 && <polyline className="h-line-scope" points={polylinePoints(chart.scope)} />}
        <polyline className="h-line-done" points={polylinePoints(chart.done)} />
      </svg>
      <figcaption className="h-legend">
        {chart.kind === 'units' && (
          <span>
            <span className="h-swatch h-swatch-scope" aria-hidden="true" /> Scope (total units)
          </span>
        )}
        <span>
          <span className="h-swatch h-swatch-done" aria-hidden="true" /> {chart.kind === 'units' ? 'Done units' : 'Progress'}
        </span>
      </figcaption>
      {/* Hidden in a box of its own: a table is never narrower than its columns, so hidden by
          itself it would still widen a narrow page. */}
      <div className="h-sr-only">
        <table>
          <caption>History of {title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {chart.kind === 'units' ? (
                <>
                  <th scope="col">Done</th>
                  <th scope="col">Scope</th>
                </>
              ) : (
                <th scope="col">Value</th>
              )}
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {history.map((p) => (
              <tr key={p.at}>
                <td>{p.at}</td>
                {chart.kind === 'units' ? (
                  <>
                    <td>{p.done ?? '—'}</td>
                    <td>{p.total ?? '—'}</td>
                  </>
                ) : (
                  <td>{p.value ?? '—'}</td>
                )}
                <td>{percent(p.progress)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
