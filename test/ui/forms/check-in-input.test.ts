import { describe, expect, it } from 'vitest';
import { validateCheckIn } from '../../../src/ui/forms/check-in-input';

describe('check-in validation', () => {
  it('accepts a value with confidence in percent and sends 0..1', () => {
    expect(validateCheckIn({ value: ' 74.5 ', confidence: '70', note: ' renewals ahead ', at: '' })).toEqual({
      payload: { value: 74.5, confidence: 0.7, note: 'renewals ahead' },
      errors: {},
    });
  });
  it('accepts a decimal comma and leaves optional fields out', () => {
    expect(validateCheckIn({ value: '7,5', confidence: '', note: '', at: '' }).payload).toEqual({ value: 7.5 });
  });
  it('refuses a missing or non-numeric value, with a message for that field only', () => {
    expect(validateCheckIn({ value: '', confidence: '', note: '', at: '' })).toEqual({ errors: { value: 'Value is required.' } });
    const bad = validateCheckIn({ value: 'seventy', confidence: '', note: '', at: '' });
    expect(bad.payload).toBeUndefined();
    expect(bad.errors.value).toMatch(/must be a number/);
    expect(validateCheckIn({ value: '1e3', confidence: '', note: '', at: '' }).errors.value).toMatch(/must be a number/);
  });
  it('sends the date typed (the form starts at today); refuses one that is not a calendar day', () => {
    expect(validateCheckIn({ value: '3', confidence: '', note: '', at: '2026-11-14' }).payload).toEqual({ value: 3, at: '2026-11-14' });
    expect(validateCheckIn({ value: '3', confidence: '', note: '', at: '2026-02-30' })).toEqual({ errors: { at: 'Date must be a calendar day, such as 2026-11-16.' } });
  });
  it('refuses confidence outside 0–100 and an overlong note', () => {
    const out = validateCheckIn({ value: '3', confidence: '140', note: 'x'.repeat(501), at: '' });
    expect(out.payload).toBeUndefined();
    expect(out.errors.confidence).toMatch(/between 0 and 100/);
    expect(out.errors.note).toMatch(/under 500/);
  });
});
