import { describe, expect, it } from 'vitest';
import { dumpStore, harness } from './harness';

describe('getKpis', () => {
  it('reads out every KPI and every KR marked as a KPI, with health and trend (SPEC §2 KPI health)', async () => {
    const h = await harness();
    const { kpis, lints, at } = await h.call('getKpis', {});
    expect(at).toBe(h.clock.today);
    expect(kpis.map((k) => [k.id, k.source, k.health])).toEqual([
      ['churn', 'kpi', 'breached'],
      ['deploy-frequency', 'kpi', 'healthy'],
      ['lead-time', 'kpi', 'warning'],
      ['mttr', 'kpi', 'healthy'],
      ['change-failure-rate', 'kpi', 'breached'],
      ['KR-RETENTION', 'kr', expect.any(String)],
      ['KR-HEALTHY', 'kr', expect.any(String)],
    ]);
    const churn = kpis[0];
    expect(churn).toMatchObject({ value: 9.8, target: 5, threshold: 7.5, frequency: 'monthly', dataSource: 'Billing export', team: 'cs', focusedBy: ['KR-CHURN'] });
    expect(churn?.trend.map((t) => t.value)).toEqual([4.6, 6.2, 9.1, 11, 9.8]);
    expect(kpis.find((k) => k.id === 'KR-RETENTION')?.team).toBe('company');
    // Change failure rate breached and no KR focuses on it: the coach suggests one.
    expect(lints.map((l) => [l.code, l.subject])).toContainEqual(['kpi-breached', 'change-failure-rate']);
    expect(lints.every((l) => l.code.startsWith('kpi') || l.code.includes('kpi'))).toBe(true);
  });

  it('names each KPI\'s owner, so the readout can show the person (issue 10)', async () => {
    const h = await harness();
    const { kpis } = await h.call('getKpis', {});
    const exported = await h.exported();
    const owners = new Map(exported.kpis.map((k) => [k.id, k.owner]));
    expect(owners.get('churn')).toBe('jon');
    for (const k of kpis) expect(k.owner).toBe(k.source === 'kpi' ? owners.get(k.id) : undefined);
  });

  it('filters by team, the team\'s branch included', async () => {
    const h = await harness();
    const { kpis } = await h.call('getKpis', { team: 'eng' });
    expect(kpis.map((k) => k.id)).toEqual(['deploy-frequency', 'lead-time', 'mttr', 'change-failure-rate']);
  });
});

describe('recordReading', () => {
  it('records a reading and answers the KPI\'s new health', async () => {
    const h = await harness();
    const report = await h.call('recordReading', { kpi: 'change-failure-rate', value: 14, note: 'flaky tests fixed' });
    expect(report).toMatchObject({ id: 'change-failure-rate', value: 14, valueAt: h.clock.today, health: 'healthy' });
    expect(report.trend.at(-1)).toEqual({ at: h.clock.today, value: 14 });
  });

  it('refuses a non-number, an unknown KPI and a future date; nothing stored', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    expect((await h.fail('recordReading', { kpi: 'churn', value: '9%' })).problems?.[0]?.path).toBe('value');
    expect((await h.fail('recordReading', { kpi: 'nps', value: 9 })).code).toBe('not-found');
    expect((await h.fail('recordReading', { kpi: 'churn', value: 9, at: '2027-01-01' })).problems?.[0]?.path).toBe('at');
    expect(await dumpStore(h.store)).toEqual(before);
  });
});

describe('focusKpi (seed 002: a breached KPI becomes a key result)', () => {
  it('creates an outcome KR that takes its value from the KPI, starting at its latest reading', async () => {
    const h = await harness();
    const kr = await h.call('focusKpi', { kpi: 'change-failure-rate', objective: 'O-BORING-DEPLOYS', target: 15 });
    expect(kr).toMatchObject({
      objective: 'O-BORING-DEPLOYS',
      type: 'outcome',
      kpiRef: 'change-failure-rate',
      start: 23,
      target: 15,
      unit: '%',
      current: 23,
      currentFrom: 'kpi-reading',
      progress: 0,
    });
    expect(kr.title).toBe('Reduce change failure rate (DORA) from 23% to 15%');
    const { kpis, lints } = await h.call('getKpis', {});
    expect(kpis.find((k) => k.id === 'change-failure-rate')?.focusedBy).toEqual([kr.id]);
    expect(lints.some((l) => l.code === 'kpi-breached' && l.subject === 'change-failure-rate')).toBe(false);

    // A new reading moves the KR: the team and the readout show one number.
    await h.call('recordReading', { kpi: 'change-failure-rate', value: 19 });
    const detail = await h.call('getKeyResult', { kr: kr.id });
    expect(detail.kr.progress).toBeCloseTo(0.5, 10);
    expect(detail.checkIns.at(-1)?.value).toBe(19);
    const exported = await h.exported();
    expect(exported.objectives.find((o) => o.id === 'O-BORING-DEPLOYS')?.keyResults.at(-1)).toMatchObject({ id: kr.id, kpiRef: 'change-failure-rate' });
  });

  it('takes a given title and start', async () => {
    const h = await harness();
    const kr = await h.call('focusKpi', { kpi: 'lead-time', objective: 'O-VELOCITY', target: 3, start: 5, title: 'Cut lead time to 3 days' });
    expect(kr).toMatchObject({ title: 'Cut lead time to 3 days', start: 5, target: 3 });
    expect(kr.type === 'outcome' && kr.current).toBe(4.6);
  });

  it('refuses a target on the wrong side, a KPI focused twice, unknown ids; nothing stored', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const wrong = await h.fail('focusKpi', { kpi: 'churn', objective: 'O-LOYAL', target: 12 });
    expect(wrong.problems).toEqual([{ path: 'target', message: 'lower Monthly churn rate is better: the target must be below the start (9.8)' }]);
    const twice = await h.fail('focusKpi', { kpi: 'churn', objective: 'O-WINBACK', target: 7 });
    expect(twice.problems?.[0]).toMatchObject({ path: 'kpi', message: expect.stringContaining('KR-CHURN') as string });
    expect((await h.fail('focusKpi', { kpi: 'nps', objective: 'O-LOYAL', target: 50 })).code).toBe('not-found');
    expect((await h.fail('focusKpi', { kpi: 'churn', objective: 'O-NOPE', target: 5 })).code).toBe('not-found');
    expect((await h.fail('focusKpi', { kpi: 'churn', objective: 'O-LOYAL', target: 'low' })).problems?.[0]?.path).toBe('target');
    expect(await dumpStore(h.store)).toEqual(before);
  });
});

describe('saveKpi', () => {
  it('creates a KPI with an id from its title and updates it with its version', async () => {
    const h = await harness();
    const created = await h.call('saveKpi', { kpi: { title: 'Net promoter score', direction: 'up', target: 50, threshold: 30, frequency: 'quarterly', team: 'cs' }, expected: null });
    expect(created).toMatchObject({ id: 'net-promoter-score', health: 'no-data', target: 50 });
    const { kpis } = await h.call('getKpis', { team: 'cs' });
    expect(kpis.map((k) => k.id)).toEqual(['churn', 'net-promoter-score']);

    const { store } = h;
    const doc = await store.get('kpis', 'churn');
    const updated = await h.call('saveKpi', {
      kpi: { id: 'churn', title: 'Monthly churn', unit: '%', direction: 'down', target: 4, threshold: 7.5, frequency: 'monthly', source: 'Billing export', team: 'cs' },
      expected: doc?.version ?? '',
    });
    expect(updated).toMatchObject({ title: 'Monthly churn', target: 4, value: 9.8, focusedBy: ['KR-CHURN'] });
    const exported = await h.exported();
    expect(exported.kpis[0]).toMatchObject({ id: 'churn', owner: 'jon', readings: expect.any(Array) as unknown[] });
  });

  it('refuses a stale version, a guardrail on the good side, an empty title; nothing stored', async () => {
    const h = await harness();
    const doc = await h.store.get('kpis', 'churn');
    const input = { id: 'churn', title: 'Churn', direction: 'down' as const, target: 5, threshold: 7.5 };
    await h.call('saveKpi', { kpi: input, expected: doc?.version ?? '' });
    const before = await dumpStore(h.store);
    expect((await h.fail('saveKpi', { kpi: { ...input, title: 'Churn!' }, expected: doc?.version })).code).toBe('conflict');
    expect((await h.fail('saveKpi', { kpi: { ...input, threshold: 3 }, expected: null })).problems?.map((p) => p.path)).toContain('kpi.threshold');
    expect((await h.fail('saveKpi', { kpi: { ...input, id: undefined, title: '  ' }, expected: null })).problems).toEqual([{ path: 'kpi.title', message: 'must not be empty' }]);
    expect((await h.fail('saveKpi', { kpi: { ...input, id: 'KR-CRM' }, expected: null })).problems?.[0]?.path).toBe('kpi.id');
    // Readings are recorded with recordReading; the owner is edited here (issue 10 §1).
    const extra = await h.fail('saveKpi', { kpi: { ...input, id: undefined, readings: [], owner: 'jon' } as never, expected: null });
    expect(extra.problems?.map((p) => p.path).sort()).toEqual(['kpi.readings']);
    expect((await h.fail('saveKpi', { kpi: { ...input, id: undefined, direction: 'sideways' } as never, expected: null })).problems).toEqual([
      { path: 'kpi.direction', message: 'expected "up" (higher is better) or "down" (lower is better)' },
    ]);
    expect(await dumpStore(h.store)).toEqual(before);
  });
});
