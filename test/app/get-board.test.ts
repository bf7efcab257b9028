import { describe, expect, it } from 'vitest';
import { DEMO, harness } from './harness';

describe('getBoard', () => {
  it('lays out teams parents first, each with its objectives, versions and KR reports', async () => {
    const h = await harness();
    const board = await h.call('getBoard', {});
    expect(board.teams.map((t) => t.id)).toEqual(['company', 'cs', 'sales', 'eng', 'platform']);
    expect(board.teams[0]?.objectives.map((o) => o.id)).toEqual(['O-SUMMER', 'O-LOYAL']);
    expect(board.teams.every((t) => t.objectives.every((o) => o.version.length > 0))).toBe(true);
    expect(Object.keys(board.keyResults)).toHaveLength(DEMO_KRS);
    const crm = board.keyResults['KR-CRM'];
    expect(crm?.type === 'effort' && crm.units).toEqual({ done: 4, total: 7 });
    expect(board.periods.map((p) => p.id)).toEqual(['2026-Q3', '2026-Q4']);
    expect(board.owners).toEqual(['ana', 'jon', 'lee', 'maria', 'priya', 'sam']);
    // The coach: the breached churn KPI is focused by KR-CHURN, so no kpi-breached lint for it.
    expect(board.lints.some((l) => l.code === 'kpi-breached' && l.subject === 'churn')).toBe(false);
    expect(board.lints.some((l) => l.code === 'double-counted-work')).toBe(false);
  });

  it('filters by team, showing the team\'s whole branch', async () => {
    const h = await harness();
    const board = await h.call('getBoard', { team: 'eng' });
    expect(board.teams.map((t) => [t.id, t.objectives.map((o) => o.id)])).toEqual([
      ['eng', ['O-VELOCITY']],
      ['platform', ['O-BORING-DEPLOYS']],
    ]);
    expect(Object.keys(board.keyResults).sort()).toEqual(['KR-DEPLOYS', 'KR-LEADTIME', 'KR-PIPELINE', 'KR-PLATFORM-POINTS', 'KR-PREVIEW-ENVS', 'KR-TEST-PASS']);
    const subjects = new Set([...board.teams.flatMap((t) => [t.id, ...t.objectives.map((o) => o.id)]), ...Object.keys(board.keyResults)]);
    for (const lint of board.lints) expect(subjects.has(lint.subject) || lint.subject.includes(':')).toBe(true);
  });

  it('filters by period, status, owner and text', async () => {
    const h = await harness();
    const ids = async (filters: Parameters<typeof h.call<'getBoard'>>[1]) =>
      (await h.call('getBoard', filters)).teams.flatMap((t) => t.objectives.map((o) => o.id));
    expect(await ids({ period: '2026-Q3' })).toEqual(['O-SUMMER']);
    expect(await ids({ status: 'done' })).toEqual(['O-SUMMER']);
    expect(await ids({ owner: 'ana' })).toEqual(['O-LOYAL']); // owns KR-CRM
    expect(await ids({ text: 'ROLLBACK' })).toEqual([]); // work item titles are not searched
    expect(await ids({ text: 'deploy' })).toEqual(['O-VELOCITY', 'O-BORING-DEPLOYS']);
    // Accents and case do not matter: "cafe" finds the objectives with café KRs.
    expect((await ids({ text: 'cafe' })).length).toBeGreaterThan(0);
    expect(await ids({ text: 'CAFÉ' })).toEqual(await ids({ text: 'cafe' }));
    expect(await ids({ team: 'sales', period: '2026-Q3' })).toEqual([]);
  });

  it('refuses an unknown status with the allowed ones', async () => {
    const h = await harness();
    const error = await h.fail('getBoard', { status: 'late' });
    expect(error.problems?.[0]).toMatchObject({ path: 'status', message: expect.stringContaining('on-track') as string });
  });

  it('never shows an item hidden from the viewer as a unit', async () => {
    const h = await harness({ hidden: ['ado:202'] });
    const board = await h.call('getBoard', {});
    const text = JSON.stringify(board);
    expect(text).not.toContain('Automated rollback');
    expect(text).not.toContain('One-click rollback');
    const pipeline = board.keyResults['KR-PIPELINE'];
    expect(pipeline?.type === 'effort' && pipeline.units).toEqual({ done: 1, total: 1 });
  });
});

const DEMO_KRS = DEMO.objectives.flatMap((o) => o.keyResults).length;
