import { describe, expect, it } from 'vitest';
import { harness } from './harness';

describe('searchKeyResults', () => {
  it('finds KRs by id, title or objective title, own matches first', async () => {
    const h = await harness();
    const hits = await h.call('searchKeyResults', { text: 'loyal' });
    expect(hits.map((k) => k.id)).toEqual(['KR-RETENTION', 'KR-HEALTHY', 'KR-SUCCESS-PLANS', 'KR-CRM']);
    expect(hits[0]).toEqual({
      id: 'KR-RETENTION',
      title: 'Increase client retention rate from 73% to 75%',
      type: 'outcome',
      objective: 'O-LOYAL',
      objectiveTitle: 'Create wildly loyal customers',
      team: 'company',
      period: '2026-Q4',
    });
    expect((await h.call('searchKeyResults', { text: 'crm' })).map((k) => k.id)).toEqual(['KR-CRM']);
  });

  it('ignores accents and case both ways: "cafe" finds the café KRs, "CAFÉS" too', async () => {
    const h = await harness();
    const ids = async (text: string) => (await h.call('searchKeyResults', { text })).map((k) => k.id).sort();
    const cafe = await ids('cafe');
    expect(cafe.length).toBeGreaterThan(0);
    for (const hit of await h.call('searchKeyResults', { text: 'cafe' })) expect(`${hit.title} ${hit.objectiveTitle}`).toMatch(/caf[eé]/i);
    expect(await ids('CAFÉS')).toEqual(await ids('cafes'));
    expect(await ids('café')).toEqual(cafe);
  });

  it('does not offer KRs of a period that has ended, unless that period is asked for', async () => {
    const h = await harness(); // today 2026-11-15: 2026-Q3 is over, 2026-Q4 runs
    const all = (await h.call('searchKeyResults', { text: '', limit: 100 })).map((k) => k.period);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all)).toEqual(new Set(['2026-Q4']));
    expect((await h.call('searchKeyResults', { text: 'summer' })).map((k) => k.id)).toEqual([]);
    expect((await h.call('searchKeyResults', { text: 'summer', period: '2026-Q3' })).length).toBeGreaterThan(0);
  });

  it('lists KRs of a period when nothing is typed yet, up to the limit', async () => {
    const h = await harness();
    expect((await h.call('searchKeyResults', { text: '', period: '2026-Q3' })).map((k) => k.id)).toEqual(['KR-SUMMER-STORES', 'KR-SUMMER-SKUS', 'KR-SUMMER-SITE']);
    expect(await h.call('searchKeyResults', { text: '', limit: 2 })).toHaveLength(2);
    expect((await h.fail('searchKeyResults', { text: 'x', limit: 0 })).problems?.[0]?.path).toBe('limit');
  });
});

describe('searchWorkItems', () => {
  it('searches the trackers as the viewer: hidden items never come back', async () => {
    const h = await harness({ hidden: ['jira:CS-20'] });
    const hits = await h.call('searchWorkItems', { text: 'cancellation' });
    expect(hits).toEqual([]);
    expect((await h.call('searchWorkItems', { text: 'rollback', limit: 1 })).map((i) => i.ref)).toEqual(['ado:202']);
    expect((await h.fail('searchWorkItems', { text: '  ' })).problems?.[0]?.path).toBe('text');
  });
});
