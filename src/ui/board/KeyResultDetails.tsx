// What opens under a KR on the board: its contributing items, its burn-up, its check-ins, and
// linking more work to it.
import { BurnUpChart } from '../charts/BurnUpChart';
import { useApi } from '../client/api-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { WhyThisNumber } from '../components/WhyThisNumber';
import { historyHeading } from '../format/kind-text';
import { useLoad } from '../hooks/use-load';
import { ContributingItems } from './ContributingItems';
import { MeasureSection } from '../measure/MeasureSection';
import { WorkItemLinker } from './WorkItemLinker';
import { BoardCheckIn } from '../cadence/BoardCheckIn';
import { EntryHistory } from '../cadence/EntryHistory';
import type { WorkItemHref } from './work-item-href';

export function KeyResultDetails({ kr, href, onChanged }: { kr: string; href?: WorkItemHref; onChanged: () => Promise<void> }) {
  const api = useApi();
  const detail = useLoad(() => api('getKeyResult', { kr }), [api, kr]);
  if (detail.status === 'loading') return <p className="h-subtle">Loading {kr}…</p>;
  if (detail.status === 'error') return <ErrorNotice error={detail.error} onRetry={() => void detail.reload()} />;
  const d = detail.data;
  return (
    <div className="h-kr-details" data-kr-details={kr}>
      <div className="h-kr-details-grid">
        <div>
          <h4 className="h-why-heading">Contributing items</h4>
          <ContributingItems kr={d.kr} href={href} />
          {d.kr.type === 'effort' && (
            <WorkItemLinker
              kr={kr}
              before={d.kr}
              onLinked={async () => {
                await Promise.all([detail.reload(), onChanged()]);
              }}
            />
          )}
          {d.kr.type === 'outcome' && <MeasureSection kr={d.kr} onChanged={async () => { await Promise.all([detail.reload(), onChanged()]); }} />}
          <BoardCheckIn kr={d.kr} onDone={async () => { await Promise.all([detail.reload(), onChanged()]); }} />
          <EntryHistory detail={d} onChanged={async () => { await Promise.all([detail.reload(), onChanged()]); }} />
          <WhyThisNumber kr={d.kr} />
        </div>
        <div>
          <h4 className="h-why-heading">{historyHeading(d.kr)}</h4>
          <BurnUpChart title={`${d.kr.id} ${d.kr.title}`} history={d.history} />
        </div>
      </div>
    </div>
  );
}
