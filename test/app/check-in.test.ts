import { describe, expect, it } from 'vitest';
import { dumpStore, harness } from './harness';

describe('checkIn', () => {
  it('records a value with confidence and note; progress follows (SPEC §2 outcome rule)', async () => {
    const h = await harness();
    const kr = await h.call('checkIn', { kr: 'KR-RETENTION', value: 74.5, confidence: 0.8, note: ' renewals signed ' });
    expect(kr.type === 'outcome' && [kr.current, kr.currentFrom, kr.currentAt, kr.confidence]).toEqual([74.5, 'check-in', h.clock.today, 0.8]);
    expect(kr.progress).toBeCloseTo(0.75, 10);
    const detail = await h.call('getKeyResult', { kr: 'KR-RETENTION' });
    // Cadence: the entry also carries its author and what correcting it names.
    expect(detail.checkIns.at(-1)).toEqual({ at: h.clock.today, value: 74.5, confidence: 0.8, note: 'renewals signed', by: 'ada', id: expect.any(String) as unknown, version: expect.any(String) as unknown });
    const exported = await h.exported();
    const stored = exported.objectives[1]?.keyResults[0];
    expect(stored?.type === 'outcome' && stored.checkIns?.length).toBe(3);
  });

  it('reaches done when the target is met', async () => {
    const h = await harness();
    const kr = await h.call('checkIn', { kr: 'KR-LEADTIME', value: 3.4 });
    expect(kr.progress).toBe(1);
    expect(kr.status).toBe('done');
  });

  it('refuses a value that is not a number, with nothing stored', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const error = await h.fail('checkIn', { kr: 'KR-RETENTION', value: 'seventy-four' });
    expect(error.code).toBe('invalid-input');
    expect(error.problems).toEqual([{ path: 'value', message: 'expected a number, got string "seventy-four"' }]);
    expect((await h.fail('checkIn', { kr: 'KR-RETENTION' })).problems).toEqual([{ path: 'value', message: 'required' }]);
    expect((await h.fail('checkIn', { kr: 'KR-RETENTION', value: 74, confidence: 1.5 })).problems?.[0]?.path).toBe('confidence');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('refuses a check-in on an effort KR, on an unknown KR, and one dated in the future', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const effort = await h.fail('checkIn', { kr: 'KR-CRM', value: 3 });
    expect(effort).toMatchObject({ code: 'invalid-input', problems: [{ path: 'kr' }] });
    expect(effort.message).toContain('linked work items');
    expect((await h.fail('checkIn', { kr: 'KR-GHOST', value: 3 })).code).toBe('not-found');
    expect((await h.fail('checkIn', { kr: 'KR-RETENTION', value: 74, at: '2026-11-16' })).problems?.[0]?.path).toBe('at');
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('records a value on a KR measured by a KPI as a reading of that KPI (SPEC §2 kpiRef)', async () => {
    const h = await harness();
    const kr = await h.call('checkIn', { kr: 'KR-CHURN', value: 9.25, note: 'November estimate' });
    expect(kr.type === 'outcome' && [kr.current, kr.currentFrom]).toEqual([9.25, 'kpi-reading']);
    expect(kr.progress).toBeCloseTo(0.5, 10); // 11 → 7.5, at 9.25
    const { kpis } = await h.call('getKpis', {});
    expect(kpis.find((k) => k.id === 'churn')).toMatchObject({ value: 9.25, valueAt: h.clock.today });
    const exported = await h.exported();
    expect(exported.kpis[0]?.readings?.at(-1)).toEqual({ at: h.clock.today, value: 9.25, note: 'November estimate' });
  });

  it('keeps check-ins in the order they were made, past dates included', async () => {
    const h = await harness();
    await h.call('checkIn', { kr: 'KR-MRR', value: 46, at: '2026-11-10' as never });
    await h.call('checkIn', { kr: 'KR-MRR', value: 45, at: '2026-11-01' as never });
    const detail = await h.call('getKeyResult', { kr: 'KR-MRR' });
    expect(detail.checkIns.map((c) => c.value)).toEqual([44.5, 45, 46]);
    expect(detail.kr.type === 'outcome' && detail.kr.current).toBe(46);
  });
});

describe('checkIn payload hints', () => {
  it('an unknown field in a payload names the field it probably meant', async () => {
    const { parseInput } = await import('../../src/app/validate');
    const { z } = await import('zod');
    const schema = z.strictObject({ kr: z.string(), value: z.number(), confidence: z.number().optional() });
    expect(() => parseInput(schema, { kr: 'KR-1', value: 3, confidnce: 0.5 })).toThrow(/confidnce: unknown field \(did you mean "confidence"\?\)/);
  });
});
