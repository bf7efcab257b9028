// SPEC §9–§10 through the built `okr`: close and rollover write the plan file as `okr pull` does
// (only the new lines, comments kept), refusals write nothing (exit 2, what to fix on stderr),
// and evaluate / board / review show closed periods with their scores.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okr } from './built-cli';

const PLAN = `# Quarter plan: comments and layout must survive a close
okr: 1
periods:
  - { id: Q3, start: 2024-07-01, end: 2024-09-30 }   # summer
teams:
  - { id: company, name: Company }
objectives:
  - id: O1
    title: Create wildly loyal customers
    team: company
    period: Q3
    owner: maria
    keyResults:
      - id: KR1
        title: Increase client retention rate from 73% to 75%
        type: outcome
        start: 73
        target: 75
        unit: "%"
        kpi: true
        checkIns:
          - { at: 2024-08-01, value: 74 }
          - { at: 2024-10-05, value: 76 }   # after the period's end: must not count
      # the CRM is effort
      - { id: KR2, title: Implement new CRM, type: effort, links: ["jira:CS-1"], grade: 0.8, reflection: "vendor late" }
      - id: KR3
        title: Reduce churn
        type: outcome
        start: 11
        target: 7.5
  - id: O2
    title: Support loyal customers
    team: company
    period: Q3
    aligns: KR1
    keyResults:
      - { id: KR4, title: Answer within a day, type: outcome, start: 0, target: 10, kpi: true }
workItems:
  - { ref: "jira:CS-1", title: CRM rollout, type: Epic, status: in-progress }
  - { ref: "jira:CS-2", type: Story, status: done, parent: "jira:CS-1" }
  - { ref: "jira:CS-3", type: Story, status: todo, parent: "jira:CS-1" }
`;

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'okr-close-'));
  file = join(dir, 'plan.yaml');
  await writeFile(file, PLAN);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const closedText = PLAN.replace('end: 2024-09-30 }   # summer', 'end: 2024-09-30, closed: 2024-10-02 }   # summer')
  .replace('must not count\n', 'must not count\n        final: { progress: 0.5, current: 74 }\n')
  .replace('reflection: "vendor late" }', 'reflection: "vendor late", final: { progress: 0.5, units: { done: 1, total: 2 } } }')
  .replace('target: 7.5\n', 'target: 7.5\n        final: { progress: 0, current: 11 }\n')
  .replace('kpi: true }\n', 'kpi: true, final: { progress: 0, current: 0 } }\n');

describe('okr close', () => {
  it('writes closed and each KR its final, every other byte as it was, and prints the scores', async () => {
    const run = await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(closedText);
    expect(run.stdout).toContain('Closed period Q3 (2024-07-01 – 2024-09-30) on 2024-10-02; numbers frozen as of 2024-09-30.');
    // O1: progress (0.5 + 0.5 + 0) / 3, score (0.5 + 0.8 + 0) / 3.
    expect(run.stdout).toContain('O1  Create wildly loyal customers: score 0.43 (43%), progress 33%, closed');
    expect(run.stdout).toContain('KR2  Implement new CRM: score 0.8 (80%) (graded), progress 50% (1/2 units), closed');
  });

  it('then evaluate, board and review show the closed status and the scores; later changes do not move them', async () => {
    await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    // The CRM epic's last story is done after the close: the closed KR must not move.
    await writeFile(file, (await readFile(file, 'utf8')).replace('status: todo, parent', 'status: done, parent'));
    const json = await okr(['evaluate', file, '--at', '2025-01-15', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { objectives: { id: string; status: string; score?: number }[]; keyResults: { id: string; progress: number; status: string; score?: number }[]; kpis: unknown[] };
    expect(report.keyResults.find((k) => k.id === 'KR2')).toMatchObject({ progress: 0.5, status: 'closed', score: 0.8 });
    expect(report.objectives.find((o) => o.id === 'O1')?.score).toBeCloseTo(1.3 / 3, 12);
    expect(report.kpis).toEqual([]);
    const table = await okr(['evaluate', file, '--at', '2025-01-15']);
    expect(table.stdout).toMatch(/closed\s+score 0\.43 \(43%\), closed 2024-10-02/);
    expect(table.stdout).toMatch(/KR2\s+Implement new CRM\s+█+░+\s+50%\s+closed\s+1\/2 units score 0\.8 \(80%\) \(graded\)/);
    const board = await okr(['board', file, '--at', '2025-01-15']);
    expect(board.stdout).toMatch(/O1 Create wildly loyal customers\s+█+░+\s+33% closed score 0\.43 \(43%\) Q3/);
    const review = await okr(['review', file, '--at', '2025-01-15', '--period', 'Q3']);
    expect(review.stdout).toContain('33% done, score 0.43 (43%), closed 2024-10-02: closed.');
    expect(review.stdout).toContain('- Implement new CRM (KR2): 50%, closed; 1 of 2 work items done; score 0.8 (80%), graded. Reflection: vendor late');
    const reviewJson = JSON.parse((await okr(['review', file, '--at', '2025-01-15', '--period', 'Q3', '--format', 'json'])).stdout) as { objectives: { id: string; score: number; closed: string; keyResults: { id: string; score: number; grade?: number; reflection?: string }[] }[] };
    expect(reviewJson.objectives[0]).toMatchObject({ id: 'O1', closed: '2024-10-02' });
    expect(reviewJson.objectives[0]?.keyResults[1]).toEqual({ id: 'KR2', title: 'Implement new CRM', type: 'effort', progress: 0.5, status: 'closed', score: 0.8, grade: 0.8, reflection: 'vendor late' });
  });

  it('refuses to close a closed period, an unknown one, or before its start: exit 2, file byte for byte unchanged', async () => {
    await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    const cases: [string[], string][] = [
      [['--period', 'Q3', '--at', '2024-10-03'], 'period "Q3" was already closed on 2024-10-02; reopen it first'],
      [['--period', 'Q9', '--at', '2024-10-03'], 'unknown period "Q9" (known: Q3)'],
      [['--at', '2024-10-03'], 'missing --period'],
      [['--period', 'Q3', '--at', '2024-13-01'], '--at: expected a calendar date'],
    ];
    for (const [args, message] of cases) {
      const run = await okr(['close', file, ...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(await readFile(file, 'utf8')).toBe(closedText);
    }
    await writeFile(file, PLAN);
    const early = await okr(['close', file, '--period', 'Q3', '--at', '2024-06-30']);
    expect([early.code, early.stderr]).toEqual([2, expect.stringContaining('2024-06-30 is before period "Q3" starts (2024-07-01)') as unknown]);
    expect(await readFile(file, 'utf8')).toBe(PLAN);
  });

  it('keeps a JSON plan JSON, with its key order and indentation', async () => {
    const json = join(dir, 'plan.json');
    const text = `{\n    "okr": 1,\n    "periods": [{ "id": "Q3", "start": "2024-07-01", "end": "2024-09-30" }],\n    "teams": [{ "id": "c", "name": "C" }],\n    "objectives": [{ "id": "O", "title": "O", "team": "c", "period": "Q3", "keyResults": [{ "id": "K", "title": "K", "type": "outcome", "start": 0, "target": 4, "checkIns": [{ "at": "2024-08-01", "value": 1 }] }] }]\n}\n`;
    await writeFile(json, text);
    const run = await okr(['close', json, '--period', 'Q3', '--at', '2024-10-01']);
    expect(run.code).toBe(0);
    const written = await readFile(json, 'utf8');
    expect(written.startsWith('{\n    "okr": 1,\n    "periods": [\n        {\n            "id": "Q3",')).toBe(true);
    expect(JSON.parse(written)).toMatchObject({ periods: [{ closed: '2024-10-01' }], objectives: [{ keyResults: [{ final: { progress: 0.25, current: 1 } }] }] });
  });
});

describe('okr rollover', () => {
  const rollover = (...args: string[]) => okr(['rollover', file, '--from', 'Q3', '--to', 'Q4', ...args]);

  it('refuses to roll over from a period not closed, writing nothing', async () => {
    const run = await rollover('--start', '2024-10-01', '--end', '2024-12-31');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('period "Q3" is not closed: close it first (okr close)');
    expect(run.stderr).toContain('Nothing was written.');
    expect(await readFile(file, 'utf8')).toBe(PLAN);
  });

  it('carries the KPI KRs (with --unfinished, the unfinished too) into a new period, appended after the rest', async () => {
    await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    const run = await rollover('--start', '2024-10-01', '--end', '2024-12-31');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Carried 2 objectives and 2 key results from Q3 into Q4 (2024-10-01 – 2024-12-31, added to the plan).');
    expect(run.stdout).toContain('KR1-Q4 ← KR1  Increase client retention rate from 73% to 75%: KPI, scored 0.5 (50%), from 74 to 75 %');
    expect(run.stdout).toContain('O2-Q4 ← O2  Support loyal customers (aligns to KR1-Q4)');
    expect(run.stdout).toContain('Stayed in Q3: KR2 0.8 (80%), KR3 0.0 (0%)');
    const text = await readFile(file, 'utf8');
    expect(text).toBe(
      closedText
        .replace('# summer\n', '# summer\n  - id: Q4\n    start: 2024-10-01\n    end: 2024-12-31\n')
        .replace(
          'workItems:',
          `  - id: O1-Q4
    title: Create wildly loyal customers
    team: company
    period: Q4
    owner: maria
    carriedFrom: O1
    keyResults:
      - id: KR1-Q4
        title: Increase client retention rate from 73% to 75%
        kpi: true
        type: outcome
        start: 74
        target: 75
        unit: "%"
        carriedFrom: KR1
  - id: O2-Q4
    title: Support loyal customers
    team: company
    period: Q4
    aligns: KR1-Q4
    carriedFrom: O2
    keyResults:
      - id: KR4-Q4
        title: Answer within a day
        kpi: true
        type: outcome
        start: 0
        target: 10
        carriedFrom: KR4
workItems:`,
        ),
    );
    // Ids already taken: refused, file unchanged.
    const again = await rollover('--unfinished');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('"O1-Q4" is already used here');
    expect(again.stderr).toContain('"KR1-Q4" is already used here');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('--unfinished carries every KR below 100%; links and weights kept; the new period evaluates live', async () => {
    await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    const run = await rollover('--start', '2024-10-01', '--end', '2024-12-31', '--unfinished');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Carried 2 objectives and 4 key results');
    expect(run.stdout).toContain('KR2-Q4 ← KR2  Implement new CRM: unfinished, scored 0.8 (80%)');
    const report = JSON.parse((await okr(['evaluate', file, '--at', '2024-11-15', '--json'])).stdout) as { keyResults: { id: string; status: string; progress: number; links: string[] }[]; kpis: { id: string }[] };
    expect(report.keyResults.find((k) => k.id === 'KR2-Q4')).toMatchObject({ links: ['jira:CS-1'], progress: 0.5 });
    expect(report.kpis.map((k) => k.id)).toEqual(['KR1-Q4', 'KR4-Q4']);
  });

  it('a new period needs --start and --end and must start after the old one ends', async () => {
    await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    const missing = await rollover('--start', '2024-10-01');
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('period "Q4" is not in the plan: give its end (--start DATE --end DATE) to add it');
    const early = await rollover('--start', '2024-09-01', '--end', '2024-12-31');
    expect(early.stderr).toContain('not after period "Q3" ends (2024-09-30)');
    expect(await readFile(file, 'utf8')).toBe(closedText);
  });

  it('--help prints the usage of both commands, exit 0', async () => {
    const run = await okr(['rollover', '--help']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('okr close PLAN --period ID [--at YYYY-MM-DD]');
    expect(run.stdout).toContain('okr rollover PLAN --from ID --to ID [--start YYYY-MM-DD --end YYYY-MM-DD] [--unfinished]');
  });

  it('titles reach the terminal escaped', async () => {
    await writeFile(file, PLAN.replace('title: Create wildly loyal customers', 'title: "Loyal \\e[2Jcustomers"'));
    const run = await okr(['close', file, '--period', 'Q3', '--at', '2024-10-02']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Loyal \\x1b[2Jcustomers');
    expect(run.stdout).not.toContain('\u001b');
  });
});
