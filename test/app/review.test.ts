// getReview (issue 10 §3): the Review page's data is the core's review (SPEC §11) of the plan as
// the viewer may see it, and its Markdown is the text `okr review` prints for the same plan.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/report/evaluate';
import { reviewMarkdown } from '../../src/core/review/markdown';
import { review } from '../../src/core/review/review';
import { VIEWER } from './actors';
import { DEMO, dumpStore, harness } from './harness';

describe('getReview', () => {
  it('is the core review of the stored plan, with the Markdown the CLI prints', async () => {
    const h = await harness();
    const view = await h.call('getReview', {});
    const expected = review(DEMO, evaluate(DEMO, h.clock.today));
    expect(view.at).toBe(h.clock.today);
    expect(view.kpis.map((k) => [k.id, k.value, k.health, k.change])).toEqual(expected.kpis.map((k) => [k.id, k.value, k.health, k.change]));
    expect(view.objectives.map((o) => [o.id, o.progress, o.status])).toEqual(expected.objectives.map((o) => [o.id, o.progress, o.status]));
    expect(view.spotlight).toEqual(expected.spotlight);
    expect(view.markdown).toBe(reviewMarkdown(expected));
    expect(view.markdown.indexOf('## KPIs')).toBeLessThan(view.markdown.indexOf('## Objectives'));
    // The filters offer every team (parents first) and every period.
    expect(view.teams.map((t) => t.id)).toEqual(['company', 'cs', 'sales', 'eng', 'platform']);
    expect(view.periods.map((p) => p.id)).toEqual(['2026-Q3', '2026-Q4']);
  });

  it('filters by team (with the teams below it) and by period, and says so in the minutes', async () => {
    const h = await harness();
    const eng = await h.call('getReview', { team: 'eng' });
    expect(new Set(eng.objectives.map((o) => o.team))).toEqual(new Set(['eng', 'platform']));
    expect(eng.markdown).toContain('Covering team eng and the teams below it.');
    const q3 = await h.call('getReview', { period: '2026-Q3' });
    expect(q3.objectives.length).toBeGreaterThan(0);
    expect(q3.objectives.every((o) => o.period === '2026-Q3')).toBe(true);
  });

  it('refuses a team or period that is not in the plan, naming what to fix, and writes nothing', async () => {
    const h = await harness();
    const before = await dumpStore(h.store);
    const error = await h.fail('getReview', { team: 'nobody', period: '1999-Q1' });
    expect(error.code).toBe('invalid-input');
    expect(error.problems).toEqual([
      { path: 'team', message: 'no team "nobody" in the plan; choose one of the plan\'s teams' },
      { path: 'period', message: 'no period "1999-Q1" in the plan; choose one of the plan\'s periods' },
    ]);
    expect(await dumpStore(h.store)).toEqual(before);
  });

  it('shows a viewer nothing of an item hidden from them', async () => {
    const h = await harness({ hidden: ['jira:CS-3'], actor: VIEWER() });
    const view = await h.call('getReview', {});
    const text = JSON.stringify(view);
    expect(text).not.toContain('CS-3');
    expect(text).not.toContain('Import customer records');
  });
});
