// SPEC §5: the real `okr` command (built, see built-cli.ts) on fixture files: exit codes, stdout/stderr discipline.
import { describe, expect, it } from 'vitest';
import { okr } from './built-cli';

const sample = 'examples/rain-town-tea.yaml';

// eslint-disable-next-line no-control-regex -- ANSI escapes are what this test looks for
const ANSI = /\u001b\[/;

describe('SPEC §5 okr evaluate', () => {
  it('prints a readable table with bars, statuses and lints, exit 0, no colour when piped', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Rain Town Tea — as of 2026-11-15');
    expect(run.stdout).toMatch(/KR-CRM\s+Implement new CRM.*█+░+\s+57%\s+on-track\s+4\/7 units/);
    expect(run.stdout).toMatch(/churn\s+Monthly churn rate\s+9\.8 %\s+breached/);
    expect(run.stdout).toContain('Warnings (2)');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('colours status when FORCE_COLOR is set (a terminal)', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15'], { FORCE_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(ANSI);
  });

  it('--json prints the SPEC §4 report', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      at: string;
      objectives: { id: string; progress: number; expected: number; status: string; keyResults: string[] }[];
      keyResults: { id: string; objective: string; type: string; progress: number; status: string; units?: { done: number; total: number }; current?: number }[];
      kpis: { id: string; value?: number; health: string }[];
      lints: { code: string; severity: string; subject: string; message: string }[];
    };
    expect(report.at).toBe('2026-11-15');
    const crm = report.keyResults.find((k) => k.id === 'KR-CRM');
    expect(crm).toMatchObject({ objective: 'O-LOYAL', type: 'effort', status: 'on-track', units: { done: 4, total: 7 } });
    expect(crm?.progress).toBeCloseTo(4 / 7, 12);
    const churn = report.keyResults.find((k) => k.id === 'KR-CHURN');
    expect(churn?.current).toBe(9.8);
    expect(churn?.progress).toBeCloseTo((9.8 - 11) / (7.5 - 11), 12);
    expect(report.kpis.find((k) => k.id === 'churn')).toMatchObject({ value: 9.8, health: 'breached' });
    expect(report.lints.map((l) => l.code).sort()).toEqual(['kpi-breached', 'kr-count', 'orphan-objective']);
  });

  it('invalid file: exit 2, every problem with its path on stderr, nothing on stdout', async () => {
    const run = await okr(['evaluate', 'test/fixtures/invalid.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('objectives[0].keyResults[0].tagret: unknown field (did you mean "target"?)');
    expect(run.stderr).toContain('objectives[0].keyResults[1].start: expected a number');
    expect(run.stderr).toContain('objectives[0].team: unknown team "platform"');
  });

  it('broken JSON, a missing file, a bad date and an unknown command all exit 2 with a message', async () => {
    for (const args of [['evaluate', 'package-lock.json'], ['evaluate', 'no/such/plan.yaml'], ['evaluate', sample, '--at', '2026-02-30'], ['frobnicate'], ['evaluate']]) {
      const run = await okr(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(/^okr: /);
    }
  });
});

describe('SPEC §5 okr lint', () => {
  it('exits 0 when only warnings and info', async () => {
    const run = await okr(['lint', sample, '--at', '2026-11-15']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kpi-breached');
  });

  it('exits 1 on an error-level lint and groups by severity', async () => {
    const run = await okr(['lint', 'test/fixtures/lint-errors.json', '--at', '2025-02-01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Errors \(2\)\n {2}outcome-kr-without-target \[KR2\][\s\S]*\n {2}effort-kr-as-kpi \[KR1\]/);
    expect(run.stdout).toContain('outcome-kr-without-target');
  });
});

describe('SPEC §5 okr board', () => {
  it('prints the alignment tree, and --team narrows it to a subtree', async () => {
    const all = await okr(['board', sample, '--at', '2026-11-15']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/Rain Town Tea \(company\)\n├─ O-SUMMER/);
    expect(all.stdout).toMatch(/└─ Platform \(platform\)\n\s+└─ O-BORING-DEPLOYS Make every deploy boring.*44% on-track 2026-Q4 ↑ KR-DEPLOYS/);
    const eng = await okr(['board', sample, '--at', '2026-11-15', '--team', 'eng']);
    expect(eng.stdout).toContain('Engineering (eng)');
    expect(eng.stdout).toContain('O-BORING-DEPLOYS');
    expect(eng.stdout).not.toContain('Sales');
    const bad = await okr(['board', sample, '--team', 'nobody']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown team "nobody"');
  });
});
