// Before/after notices for actions that move progress (issue 10 §5).
import { describe, expect, it } from 'vitest';
import type { EffortKeyResultReport, KeyResultReport } from '../../src/core/report/types';
import { keyResultChange, objectiveChange } from '../../src/ui/format/progress-change';

const effort = (done: number, total: number): KeyResultReport =>
  ({ id: 'KR-CRM', type: 'effort', progress: done / total, units: { done, total } }) as unknown as EffortKeyResultReport;

describe('progress change notices', () => {
  it('says before and after, with units and why, when linking work lowers an effort KR', () => {
    expect(keyResultChange(effort(4, 7), effort(4, 8))).toBe('KR-CRM: 57% → 50% done (4 of 7 → 4 of 8 units): the new work adds to its scope, so the same done work is a smaller share.');
  });

  it('says before and after without a reason when it rises, and only the figure when unchanged or unknown', () => {
    expect(keyResultChange(effort(4, 7), effort(5, 8))).toBe('KR-CRM: 57% → 63% done (4 of 7 → 5 of 8 units).');
    expect(keyResultChange(effort(4, 8), effort(4, 8))).toBe('KR-CRM is 50% done.');
    expect(keyResultChange(undefined, effort(4, 8))).toBe('KR-CRM is 50% done.');
  });

  it('says an objective dropped because a new KR starts at 0%', () => {
    expect(objectiveChange('O-LOYAL', 0.47, 0.376)).toBe('O-LOYAL: 47% → 38% done: a new key result starts at 0% and counts in its average.');
    expect(objectiveChange('O-LOYAL', undefined, 0.376)).toBe('O-LOYAL is 38% done.');
  });
});
