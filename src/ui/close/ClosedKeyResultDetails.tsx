// What opens under a KR of a closed period: its frozen numbers, read-only (no check-in, link or
// edit controls: the app would refuse them), its reflection, and the grade form for its owner
// or an admin. Its history stays browsable.
import { BurnUpChart } from '../charts/BurnUpChart';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { withUnit } from '../format/numbers';
import { useLoad } from '../hooks/use-load';
import { mayAdminister, usePermissions } from '../hooks/use-permissions';
import { GradeForm } from './GradeForm';
import { scoreText } from './score-text';

export default function ClosedKeyResultDetails({ kr, onChanged }: { kr: string; onChanged: () => Promise<void> }) {
  const api = useApi();
  const permissions = usePermissions();
  const detail = useLoad(() => api('getKeyResult', { kr }), [api, kr]);
  if (detail.status === 'loading') return <p className="h-subtle">Loading {kr}…</p>;
  if (detail.status === 'error') return <ErrorNotice error={detail.error} onRetry={() => void detail.reload()} />;
  const d = detail.data;
  const report = d.kr;
  const owner = report.owner;
  const mayGrade = mayAdminister(permissions) || (owner !== undefined && permissions?.ownerIds.includes(owner) === true);
  return (
    <div className="h-kr-details" data-kr-details={kr} data-closed="true">
      <div className="h-kr-details-grid">
        <div>
          <h4 className="h-why-heading">Closed with</h4>
          <ul className="h-items">
            <li>Progress {scoreText(report.progress)}</li>
            {report.score !== undefined && <li>Score {scoreText(report.score)}</li>}
            {report.type === 'outcome' && <li>Value {withUnit(report.current, report.unit)}</li>}
            {report.type === 'effort' && !report.countsWithheld && (
              <li>
                {report.units.done} of {report.units.total} items done
              </li>
            )}
          </ul>
          {report.reflection && (
            <>
              <h4 className="h-why-heading">Reflection</h4>
              <p className="h-reflection">{report.reflection}</p>
            </>
          )}
          <p className="h-hint">This quarter is closed: its numbers no longer change. An admin may reopen it.</p>
          {mayGrade && <GradeForm kr={kr} grade={report.grade} reflection={report.reflection} onSaved={async () => void (await Promise.all([detail.reload(), onChanged()]))} />}
        </div>
        <div>
          <h4 className="h-why-heading">{report.type === 'effort' ? 'Burn-up' : 'Progress over time'}</h4>
          <BurnUpChart title={`${report.id} ${report.title}`} history={d.history} />
        </div>
      </div>
    </div>
  );
}
