// SPEC §11: `okr review` on the sample plan, through the built command: Markdown by default with
// the KPIs first, JSON with the contract's fields, filters, and refusals that exit 2.
import { describe, expect, it } from 'vitest';
import { okr } from './built-cli';

const sample = 'examples/rain-town-tea.yaml';

describe('SPEC §11 okr review', () => {
  it('prints the review as Markdown: KPIs, then objectives, spotlight and lints', async () => {
    const run = await okr(['review', sample, '--at', '2026-11-15']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const headings = run.stdout.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## KPIs', '## Objectives', '## Spotlight', '## Lints']);
    expect(run.stdout).toContain('| Monthly churn rate (churn) | 9.8% | 5% | 7.5% | breached | −1.2% |');
    // A plural unit beside exactly one reads in the singular ("1 hour", not "1 hours").
    expect(run.stdout).toContain('| Time to restore service (DORA) (mttr) | 0.6 hours | 1 hour | 4 hours | healthy | −0.2 hours |');
    expect(run.stdout).toContain('1. **Grow monthly subscription revenue from $42k to $55k** (KR-MRR): 19% done, 50% expected, off track');
  });

  it('--format json gives {at, kpis, objectives, spotlight, lints} with the KPI change', async () => {
    const run = await okr(['review', sample, '--at', '2026-11-15', '--format', 'json']);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as {
      at: string;
      kpis: { id: string; value?: number; health: string; change?: number }[];
      objectives: { id: string; progress: number; status: string }[];
      spotlight: { keyResults: string[]; kpis: string[] };
      lints: { error: number; warning: number; info: number };
    };
    expect(r.at).toBe('2026-11-15');
    const churn = r.kpis.find((k) => k.id === 'churn');
    expect(churn).toMatchObject({ value: 9.8, health: 'breached' });
    expect(churn?.change).toBeCloseTo(-1.2, 10);
    expect(r.objectives.map((o) => o.id)).toContain('O-LOYAL');
    expect(r.spotlight.keyResults[0]).toBe('KR-MRR');
    expect(r.spotlight.keyResults.length).toBeLessThanOrEqual(5);
    expect(Object.keys(r.lints).sort()).toEqual(['error', 'errors', 'info', 'warning']);
  });

  it('--team narrows the objectives to that team and the teams below it', async () => {
    const run = await okr(['review', sample, '--at', '2026-11-15', '--team', 'sales', '--format', 'json']);
    const r = JSON.parse(run.stdout) as { team: string; objectives: { team: string }[] };
    expect(r.team).toBe('sales');
    expect(r.objectives.length).toBeGreaterThan(0);
    expect(new Set(r.objectives.map((o) => o.team))).toEqual(new Set(['sales']));
  });

  it('an unknown team, period or format is a usage error: exit 2, nothing on stdout', async () => {
    for (const args of [['--team', 'nobody'], ['--period', '1999-Q1'], ['--format', 'html']]) {
      const run = await okr(['review', sample, '--at', '2026-11-15', ...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/okr: --(team|period|format)/);
    }
  });
});
