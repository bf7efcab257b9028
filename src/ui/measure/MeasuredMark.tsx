// The mark on a measured KR or KPI wherever its value shows (board rows, KPI cards): that a
// query measures it, how old the value is, and a link to the tracker's own search for it.
import { useMeasured } from './use-measured';
import { valueAge } from './value-age';

export function MeasuredMark({ id, now = () => Date.now() }: { id: string; now?: () => number }) {
  const entry = useMeasured()?.get(id);
  if (!entry) return null;
  const url = entry.runs[0]?.url;
  const age = entry.lastValueAt ? `measured ${valueAge(entry.lastValueAt, now())}` : 'measured, no value yet';
  const tracker = entry.measure.jql !== undefined ? 'Jira' : 'Azure DevOps';
  return (
    <span className="h-tag h-measured-mark" data-measured={id} title={entry.measure.jql ?? entry.measure.wiql}>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer" aria-label={`${age}: open the query of ${id} in ${tracker}`}>
          {age}
        </a>
      ) : (
        age
      )}
    </span>
  );
}
