// SPEC §5: the real `okr` command (built, see built-cli.ts) on fixture files: exit codes, stdout/stderr discipline.
import { execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan';
import { ensureCliBuilt, okr, root } from './built-cli';

const sample = 'examples/rain-town-tea.yaml';

// eslint-disable-next-line no-control-regex -- ANSI escapes are what this test looks for
const ANSI = /\u001b\[/;

describe('SPEC §5 okr evaluate', () => {
  it('prints a readable table with bars, statuses and lints, exit 0, no colour when piped', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Rain Town Tea — as of 2026-11-15');
    expect(run.stdout).toMatch(/KR-CRM\s+Implement new CRM to automate customer outreach\s+█+░+\s+57%\s+on-track\s+4\/7 units/);
    expect(run.stdout).toMatch(/churn\s+Monthly churn rate\s+9\.8 %\s+breached/);
    expect(run.stdout).toContain('Warnings (6)');
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
    expect(report.lints.map((l) => l.code).sort()).toEqual(['kpi-breached', 'kr-count', 'orphan-objective', ...Array<string>(4).fill('stale-check-in')]);
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

describe('a YAML alias bomb (issue 8, finding 7)', () => {
  it('is invalid input: exit 2 and a message on stderr, no stack trace, nothing on stdout', async () => {
    for (const command of ['lint', 'evaluate', 'board']) {
      const run = await okr([command, 'test/fixtures/alias-bomb.yaml']);
      expect(run.code, command).toBe(2);
      expect(run.stdout, command).toBe('');
      expect(run.stderr, command).toBe(
        'okr: test/fixtures/alias-bomb.yaml: the plan cannot be read as YAML:\n' +
          '  its YAML aliases (*name) expand to more than 100 copies of their anchors (&name), as in a "billion laughs" file; write the values out instead of nesting aliases\n',
      );
    }
  });

  it('a plan with a few aliases evaluates as usual', async () => {
    const run = await okr(['lint', 'test/fixtures/yaml-aliases.yaml', '--at', '2026-11-15', '--json']);
    expect(run.code, run.stderr).toBe(0);
    // Its outcome KRs have no check-ins 45 days into the quarter: only the SPEC §7 cadence lint.
    const lints = JSON.parse(run.stdout) as { code: string; subject: string }[];
    expect(lints.map((l) => [l.code, l.subject])).toEqual(['KR-1', 'KR-3', 'KR-4', 'KR-5', 'KR-6'].map((kr) => ['stale-check-in', kr]));
  });
});

describe('okr --version', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', 'version']) {
      const run = await okr([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});

describe('okr evaluate --json and --explain', () => {
  interface JsonReport {
    keyResults: { id: string; type: string; units?: { done: number; total: number }; explanation?: { units: { ref: string; done: boolean }[] } }[];
  }
  it('leaves the per-unit explanation out unless --explain, and keeps the SPEC §4 fields either way', async () => {
    const plain = JSON.parse((await okr(['evaluate', sample, '--at', '2026-11-15', '--json'])).stdout) as JsonReport;
    const explained = JSON.parse((await okr(['evaluate', sample, '--at', '2026-11-15', '--json', '--explain'])).stdout) as JsonReport;
    const crm = (r: JsonReport) => r.keyResults.find((k) => k.id === 'KR-CRM');
    expect(crm(plain)).toMatchObject({ type: 'effort', units: { done: 4, total: 7 } });
    expect(crm(plain)).not.toHaveProperty('explanation');
    expect(crm(explained)?.units).toEqual({ done: 4, total: 7 });
    expect(crm(explained)?.explanation?.units).toHaveLength(7);
    expect(crm(explained)?.explanation?.units.filter((u) => u.done)).toHaveLength(4);
    // Apart from the explanation, the two reports are the same.
    const strip = (r: JsonReport) => ({ ...r, keyResults: r.keyResults.map(({ explanation: _e, ...k }) => k) });
    expect(strip(explained)).toEqual(plain);
  });

  it('--explain without --json is a usage error', async () => {
    const run = await okr(['evaluate', sample, '--explain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^okr: --explain adds the per-unit explanation to --json output/);
  });
});

describe('the readable table fits the terminal width, never cutting a title', () => {
  const retention = 'Increase client retention rate from 73% to 75%';
  const healthy = 'Increase clients rated "healthy" from 40% to 48%';

  it('at 200 columns each key result is one line: full title, bar, status and measure', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15'], { COLUMNS: '200' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`KR-RETENTION +${retention} +█+░+ +55% +on-track +74\\.1 % \\(73 → 75\\) KPI\\n`));
    expect(run.stdout).toMatch(/KR-DEPLOYS +Increase deployment frequency by 50% \(10 → 15 a week\) +█+░+ +50% +on-track +12\.5 deploys\/week \(10 → 15\)\n/);
    expect(run.stdout).toMatch(/KR-HEALTHY +Increase clients rated "healthy" from 40% to 48% +42 % +warning +target 48 \(key result\)\n/);
  });

  it('at 80 columns titles and measures are all there, and the tables stay within 80 columns', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15'], { COLUMNS: '80' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(retention);
    expect(run.stdout).toContain(healthy);
    expect(run.stdout).toMatch(new RegExp(`KR-RETENTION +${retention}\\n +█+░+ +55% +on-track +74\\.1 % \\(73 → 75\\) KPI\\n`));
    expect(run.stdout).toContain('12.5 deploys/week (10 → 15)');
    const tables = run.stdout.slice(0, run.stdout.indexOf('\nWarnings'));
    for (const line of tables.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('piped with no COLUMNS, the width is 100', async () => {
    const run = await okr(['evaluate', sample, '--at', '2026-11-15']);
    const tables = run.stdout.slice(0, run.stdout.indexOf('\nWarnings'));
    for (const line of tables.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(tables).toContain(retention);
  });
});

describe('the built command', () => {
  it('stops quietly when the reader closes the pipe early (okr … | head)', async () => {
    ensureCliBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'okr-pipe-'));
    try {
      const file = join(dir, 'plan.json');
      await writeFile(file, JSON.stringify(generatePlan({ objectives: 100 })));
      const child = spawn(process.execPath, ['bin/okr.js', 'evaluate', file, '--json', '--explain'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says to run `npm run build:cli` when the bundle is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okr-unbuilt-'));
    try {
      await mkdir(join(dir, 'bin'));
      await copyFile(join(root, 'bin/okr.js'), join(dir, 'bin/okr.js'));
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(dir, 'bin/okr.js'), 'evaluate', sample], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('run `npm run build:cli`');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without esbuild (an install without dev dependencies), the build says so; as `prepare` it lets the install finish', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'okr-no-esbuild-'));
    try {
      await mkdir(join(dir, 'scripts'));
      for (const file of ['scripts/build-cli.js', 'package.json', 'package-lock.json']) await copyFile(join(root, file), join(dir, file));
      const build = (env: Record<string, string>) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['scripts/build-cli.js'], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        });
      const byHand = await build({});
      expect(byHand.code).toBe(1);
      expect(byHand.stderr).toBe('okr: not built: esbuild is not installed (it is a devDependency): run `npm ci` with dev dependencies, then `npm run build:cli`\n');
      const asPrepare = await build({ npm_lifecycle_event: 'prepare' });
      expect(asPrepare.code).toBe(0);
      expect(asPrepare.stderr).toContain('esbuild is not installed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is not built again when no input changed', () => {
    ensureCliBuilt();
    expect(execFileSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, encoding: 'utf8' })).toBe('okr: build/cli/okr.cjs is up to date\n');
  });
});
