import { describe, expect, it } from 'vitest';
import { validateFocus } from '../../../src/ui/forms/focus-kpi-input';

describe('focus-as-KR validation', () => {
  it('needs an objective and a numeric target', () => {
    const out = validateFocus({ objective: ' ', target: 'low', title: '' });
    expect(out.payload).toBeUndefined();
    expect(out.errors.objective).toMatch(/Choose the objective/);
    expect(out.errors.target).toMatch(/must be a number/);
  });
  it('passes a trimmed title only when given', () => {
    expect(validateFocus({ objective: 'O1', target: '7.5', title: '' }).payload).toEqual({ objective: 'O1', target: 7.5 });
    expect(validateFocus({ objective: 'O1', target: '5', title: ' Churn under 5% ' }).payload).toEqual({ objective: 'O1', target: 5, title: 'Churn under 5%' });
  });
});
