// The words after a KR's percentage read right whichever way the KR goes (issue 10: "now 9.8% of
// target 7.5%" for a lower-is-better KR read as a share of the target).
import { describe, expect, it } from 'vitest';
import { progressDetail } from '../../../src/ui/format/progress-detail';
import { evaluateAt, krReport, outcomeKr, planOf } from '../../core/builders';

describe('progressDetail', () => {
  it('names the target beside the current value, for a KR going down as for one going up', () => {
    const plan = planOf([
      outcomeKr('DOWN', { start: 11, target: 7.5, unit: '%', checkIns: [{ at: '2024-07-10', value: 9.8 }] }),
      outcomeKr('UP', { start: 73, target: 75, unit: '%', checkIns: [{ at: '2024-07-10', value: 74.1 }] }),
    ]);
    const report = evaluateAt(plan, '2024-08-01');
    expect(progressDetail(krReport(report, 'DOWN'))).toBe('now 9.8%, target 7.5%');
    expect(progressDetail(krReport(report, 'UP'))).toBe('now 74.1%, target 75%');
  });
});
