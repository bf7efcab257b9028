// A KR of a closed period shows its frozen `final`: its scope is not read at all (so a tracker
// that cannot answer makes no stale panel), and its frozen unit counts stay withheld from the
// viewer as a snapshot's are. The stale fallback of open KRs goes through the same core path.
import { describe, expect, it } from 'vitest';
import { closePeriod } from '../../src/core';
import { day } from '../builders';
import { DEMO, harness } from './harness';

const throttled = () => Object.assign(new Error('Jira kept answering 429'), { code: 'jira-rate-limited', status: 429 });

describe('stale panel of a closed period', () => {
  it('shows the frozen numbers and the closed status without reading the scope, whatever the snapshots say', async () => {
    const h = await harness({ plan: closePeriod(DEMO, '2026-Q4', day('2026-11-15')) });
    h.clock.today = day('2026-11-20');
    h.source.descendantsFailure = throttled();
    const panel = await h.call('getPanel', { ref: 'jira:CS-20' });
    // Nothing of a frozen scope is read, so the throttled tracker is never asked for it.
    expect(panel.stale).toBeUndefined();
    const saveFlow = panel.keyResults[0]?.kr;
    expect(saveFlow).toMatchObject({ id: 'KR-SAVE-FLOW', status: 'closed', closed: '2026-11-15' });
    expect(saveFlow?.progress).toBeCloseTo(1 / 3, 10);
    expect(saveFlow?.score).toBeCloseTo(1 / 3, 10);
    // Its frozen counts were taken over the whole scope: withheld from the viewer, like a snapshot's.
    expect(saveFlow).toMatchObject({ units: { done: 0, total: 0 }, countsWithheld: true });
  });
});
