// The run log of one measure: when, as whom, the query, the counts, the value, the requests and
// any error, newest first.
import type { MeasureRun } from '../../app/api';

export function MeasureRunLog({ runs }: { runs: readonly MeasureRun[] }) {
  if (runs.length === 0) return <p className="h-subtle">Not measured yet.</p>;
  return (
    <table className="h-table h-measure-log" aria-label="Measure runs">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">As</th>
          <th scope="col">Matched</th>
          <th scope="col">Value</th>
          <th scope="col">Requests</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={`${r.at}:${r.by}`} data-run-error={r.error !== undefined ? true : undefined}>
            <td>
              {r.at.slice(0, 16).replace('T', ' ')} UTC <span className="h-subtle">({r.trigger})</span>
            </td>
            <td>{r.by}</td>
            <td>{r.matched !== undefined ? `${r.matched}${r.denominator !== undefined ? ` of ${r.denominator}` : ''}` : '–'}</td>
            <td>{r.error !== undefined ? <span className="h-tone-danger">{r.error}</span> : r.value !== undefined ? Number(r.value.toFixed(2)) : (r.noValue ?? '–')}</td>
            <td>{r.requests}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
