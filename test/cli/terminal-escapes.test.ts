// Issue 8, finding 8: text from the plan (titles, owners, team and KPI names, lint messages that
// quote them, ids in error messages) never reaches the terminal as control codes; it is shown
// escaped. The CLI's own colours stay; JSON output stays valid JSON with the exact text.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { okr, type Run } from './built-cli';

const CLEAR = '\u001b[2J';
const WINDOW_TITLE = '\u001b]0;pwned\u0007';
const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4=\u0007'; // OSC 52: put "rm -rf ~" on the clipboard
const C1_CSI = '\u009b2J'; // the one-byte CSI
const ALL = `${CLEAR}${WINDOW_TITLE}${CLIPBOARD}${C1_CSI}\u007f\r`;

const plan = {
  okr: 1,
  organization: `Evil Tea${CLEAR}`,
  periods: [{ id: 'Q4', start: '2026-10-01', end: '2026-12-31' }],
  teams: [
    { id: 'company', name: `Company${WINDOW_TITLE}` },
    { id: `ops${CLEAR}`, name: 'Ops', parent: 'company' },
  ],
  objectives: [
    {
      id: 'O-1',
      title: `Delight${ALL} customers`,
      team: 'company',
      period: 'Q4',
      owner: `mallory${CLIPBOARD}`,
      // One KR only: the kr-count lint quotes the objective's title.
      keyResults: [
        { id: 'KR-1', title: `Reach 75%${WINDOW_TITLE}`, type: 'outcome', start: 0, target: 75, unit: `%${C1_CSI}`, checkIns: [{ at: '2026-11-01', value: 30 }] },
      ],
    },
    {
      id: 'O-2',
      title: 'Ship it',
      team: `ops${CLEAR}`,
      period: 'Q4',
      aligns: 'O-1',
      keyResults: [{ id: 'KR-2', title: `Ship${CLIPBOARD}`, type: 'effort', links: ['jira:X-1'] }],
    },
  ],
  kpis: [{ id: 'churn', title: `Churn${CLIPBOARD}`, direction: 'down', target: 5, threshold: 7, unit: `%${CLEAR}`, readings: [{ at: '2026-11-01', value: 9 }] }],
  workItems: [
    { ref: 'jira:X-1', title: `Epic${CLEAR}`, type: `Epic${WINDOW_TITLE}`, status: 'in-progress' },
    { ref: 'jira:X-2', title: `Story${CLIPBOARD}`, type: 'Story', status: 'done', parent: 'jira:X-1' },
  ],
};

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'okr-escapes-'));
  file = join(dir, 'plan.json');
  await writeFile(file, JSON.stringify(plan));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex -- the CLI's own colour codes (SGR), the only codes allowed through
const SGR = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- what must never reach the terminal raw
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Fails when any control character other than a line break, a tab or the CLI's colours is in the output. */
function expectNoRawControls(run: Run, what: string): void {
  for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    const found = CONTROL.exec(text.replace(SGR, ''));
    expect(found, `${what}: ${stream} carries ${JSON.stringify(found?.[0])} near ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 20), (found?.index ?? 0) + 20))}`).toBeNull();
  }
}

describe('control codes in the plan are shown escaped, never sent raw', () => {
  const at = ['--at', '2026-11-15'];
  for (const colour of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
    const mode = 'FORCE_COLOR' in colour ? 'in colour' : 'piped';
    it(`evaluate, lint and board (${mode})`, async () => {
      const evaluate = await okr(['evaluate', file, ...at], colour);
      expect(evaluate.code, evaluate.stderr).toBe(0);
      expectNoRawControls(evaluate, 'evaluate');
      const plain = evaluate.stdout.replace(SGR, '');
      expect(plain).toContain('Evil Tea\\x1b[2J');
      expect(plain).toContain('Delight\\x1b[2J\\x1b]0;pwned\\x07\\x1b]52;c;cm0gLXJmIH4=\\x07\\x9b2J\\x7f\\x0d customers');
      expect(plain).toContain('mallory\\x1b]52;c;cm0gLXJmIH4=\\x07');
      expect(plain).toContain('Reach 75%\\x1b]0;pwned\\x07');
      expect(plain).toContain('Churn\\x1b]52;c;');
      if ('FORCE_COLOR' in colour) expect(evaluate.stdout).toMatch(SGR);

      const lint = await okr(['lint', file, ...at], colour);
      expect(lint.code, lint.stderr).toBe(0);
      expectNoRawControls(lint, 'lint');
      expect(lint.stdout.replace(SGR, '')).toContain('kr-count [O-1] Objective "Delight\\x1b[2J');

      const board = await okr(['board', file, ...at], colour);
      expect(board.code, board.stderr).toBe(0);
      expectNoRawControls(board, 'board');
      expect(board.stdout.replace(SGR, '')).toContain('Company\\x1b]0;pwned\\x07 (company)');
      expect(board.stdout.replace(SGR, '')).toContain('(ops\\x1b[2J)');

      const subtree = await okr(['board', file, ...at, '--team', `ops${CLEAR}`], colour);
      expect(subtree.code, subtree.stderr).toBe(0);
      expectNoRawControls(subtree, 'board --team');
      expect(subtree.stdout.replace(SGR, '')).toContain('Ops (ops\\x1b[2J)');
    });
  }

  it('error messages that quote the plan or the command line', async () => {
    const unknownTeam = await okr(['board', file, '--team', `nobody${WINDOW_TITLE}`]);
    expect(unknownTeam.code).toBe(2);
    expectNoRawControls(unknownTeam, 'board --team unknown');
    expect(unknownTeam.stderr).toContain('unknown team "nobody\\x1b]0;pwned\\x07" (teams: company, ops\\x1b[2J)');

    const invalid = join(dir, 'invalid.json');
    await writeFile(invalid, JSON.stringify({ ...plan, objectives: [{ ...plan.objectives[0], team: `sales${CLIPBOARD}` }] }));
    const run = await okr(['evaluate', invalid]);
    expect(run.code).toBe(2);
    expectNoRawControls(run, 'invalid plan');
    expect(run.stderr).toContain('unknown team "sales\\x1b]52;c;cm0gLXJmIH4=\\x07"');

    const badOption = await okr(['evaluate', file, `--at${CLEAR}`]);
    expect(badOption.code).toBe(2);
    expectNoRawControls(badOption, 'unknown option');
  });

  it('--json keeps the exact text, as valid JSON escapes', async () => {
    const run = await okr(['evaluate', file, '--at', '2026-11-15', '--json', '--explain']);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run, 'evaluate --json');
    const report = JSON.parse(run.stdout) as { objectives: { title: string; owner: string }[]; keyResults: { id: string; explanation?: { units: { title: string }[] } }[] };
    expect(report.objectives[0]).toMatchObject({ title: `Delight${ALL} customers`, owner: `mallory${CLIPBOARD}` });
    expect(report.keyResults.find((k) => k.id === 'KR-2')?.explanation?.units[0]?.title).toBe(`Story${CLIPBOARD}`);
  });
});
