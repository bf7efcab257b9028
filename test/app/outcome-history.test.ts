// "Progress over time" of an outcome KR from day one (issue 10 §4): drawn from its check-ins (or
// its KPI's readings), so it is never empty when check-ins exist, even with no snapshot recorded.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY } from '../../src/app/history';
import { outcomeHistory } from '../../src/app/outcome-history';
import { day } from '../builders';
import { harness } from './harness';

describe('outcome KR history', () => {
  it('has a point at each check-in date and at the day viewed, with no snapshot ever recorded', async () => {
    const h = await harness({ history: NO_HISTORY });
    const { history } = await h.call('getKeyResult', { kr: 'KR-RETENTION' });
    // KR-RETENTION goes from 73 to 75; check-ins 73.4 on 10-15 and 74.1 on 11-12; today 11-15.
    expect(history.map((p) => [p.at, p.value])).toEqual([
      ['2026-10-15', 73.4],
      ['2026-11-12', 74.1],
      ['2026-11-15', 74.1],
    ]);
    expect(history[0]?.progress).toBeCloseTo(0.2);
    expect(history[1]?.progress).toBeCloseTo(0.55);
  });

  it('draws a KR focused on a KPI from the KPI readings', async () => {
    const h = await harness({ history: NO_HISTORY });
    const { history, kr } = await h.call('getKeyResult', { kr: 'KR-CHURN' });
    // Churn's five readings (the last before today), then today.
    expect(history.map((p) => p.value)).toEqual([4.6, 6.2, 9.1, 11, 9.8, 9.8]);
    expect(history.at(-1)).toMatchObject({ at: h.clock.today, progress: kr.progress });
  });

  it('shows only what was known on a past day', async () => {
    const h = await harness({ history: NO_HISTORY });
    const { history } = await h.call('getKeyResult', { kr: 'KR-RETENTION', at: day('2026-11-01') });
    expect(history.map((p) => [p.at, p.value])).toEqual([
      ['2026-10-15', 73.4],
      ['2026-11-01', 73.4],
    ]);
  });

  it('is empty without values, and a correction made the same day wins (the later entry)', () => {
    expect(outcomeHistory({ start: 0, target: 10 }, [], day('2026-11-15'))).toEqual([]);
    const points = outcomeHistory({ start: 0, target: 10 }, [{ at: day('2026-11-01'), value: 2 }, { at: day('2026-11-01'), value: 5 }], day('2026-11-01'));
    expect(points).toEqual([{ at: '2026-11-01', progress: 0.5, value: 5 }]);
  });
});
