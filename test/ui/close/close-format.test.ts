// The close screens' small rules: what a typed grade means, and which period
// "Start the next quarter" suggests.
import { describe, expect, it } from 'vitest';
import { nextPeriod } from '../../../src/ui/close/next-period';
import { parseGrade } from '../../../src/ui/close/score-text';

describe('parseGrade', () => {
  it('takes a score from 0 to 1, a comma as a decimal point, and blank as no grade', () => {
    expect(parseGrade('0.7')).toEqual({ grade: 0.7 });
    expect(parseGrade(' 0,4 ')).toEqual({ grade: 0.4 });
    expect(parseGrade('')).toEqual({ grade: null });
    expect(parseGrade('1')).toEqual({ grade: 1 });
  });

  it('refuses what is not a score, saying what to type', () => {
    expect(parseGrade('7')).toEqual({ error: 'A grade is a score from 0 to 1' });
    expect(parseGrade('-0.1')).toEqual({ error: 'Enter a score from 0 to 1, such as 0.7' });
    expect(parseGrade('seventy')).toEqual({ error: 'Enter a score from 0 to 1, such as 0.7' });
    expect(parseGrade('1e-1')).toEqual({ error: 'Enter a score from 0 to 1, such as 0.7' });
  });
});

describe('nextPeriod', () => {
  it('suggests the next quarter, across a year end', () => {
    expect(nextPeriod({ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' })).toEqual({ id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
    expect(nextPeriod({ id: '2027-Q1', start: '2027-01-01', end: '2027-03-31' })).toEqual({ id: '2027-Q2', start: '2027-04-01', end: '2027-06-30' });
  });

  it('keeps the length of a period that is not a run of whole months', () => {
    expect(nextPeriod({ id: 'sprint-7', start: '2026-11-02', end: '2026-11-15' })).toEqual({ id: 'sprint-7-next', start: '2026-11-16', end: '2026-11-29' });
  });
});
