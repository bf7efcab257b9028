// Issue 9 budgets for the built `okr` command, whole process (start-up included), each a ratio of
// medians measured side by side in the same run, the cases interleaved so load on the machine
// hits them alike:
//  - `okr evaluate examples/rain-town-tea.yaml` ≤ 5× a bare `node -e 0` (aim 3×);
//  - `okr evaluate --json` on the 1,000-objective / 104,000-item plan ≤ 4× a fresh `node` that
//    reads and JSON.parses the same file (aim 2×).
// The budgets are wall-clock ratios. Each process also reports the CPU time it used (see
// cpu-probe.js), and the same ratios in CPU time are printed beside them: on a busy machine the
// wall-clock ratios of short processes swing widely, the CPU ones hardly.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan';
import { median } from './stats';

const root = fileURLToPath(new URL('..', import.meta.url));
const AT = '2025-02-20';
const SAMPLE = 'examples/rain-town-tea.yaml';

export function benchCli(runs = 11): Record<string, unknown> {
  execFileSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'okr-cli-bench-'));
  const sink = openSync(devNull, 'w');
  try {
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify(generatePlan({ objectives: 1000 })));
    const cases = {
      bareNode: ['-e', '0'],
      evaluateSample: ['bin/okr.js', 'evaluate', SAMPLE, '--at', AT],
      readAndJsonParse: ['-e', "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))", plan],
      evaluateLargeJson: ['bin/okr.js', 'evaluate', plan, '--json', '--at', AT],
    };
    type Case = keyof typeof cases;
    const wall: Record<Case, number[]> = { bareNode: [], evaluateSample: [], readAndJsonParse: [], evaluateLargeJson: [] };
    for (let i = 0; i <= runs; i++) {
      for (const [name, args] of Object.entries(cases) as [Case, string[]][]) {
        const started = performance.now();
        const run = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', sink, 'pipe'], env: { PATH: process.env.PATH ?? '' } });
        const ms = performance.now() - started;
        if (run.status !== 0) throw new Error(`${name} exited ${run.status}: ${run.stderr.toString()}`);
        if (i > 0) wall[name].push(ms); // the first round warms the file cache
      }
    }
    const summary = (of: (xs: number[]) => number) => Object.fromEntries(Object.entries(wall).map(([k, v]) => [k, +of(v).toFixed(1)])) as Record<Case, number>;
    const ms = summary(median);
    const best = summary((xs) => Math.min(...xs));
    const ratio = (a: number, b: number) => +(a / b).toFixed(2);
    const sampleRatio = ratio(ms.evaluateSample, ms.bareNode);
    const largeRatio = ratio(ms.evaluateLargeJson, ms.readAndJsonParse);
    return {
      runs,
      medianMs: ms,
      fastestMs: best,
      evaluateSample: { ratio: sampleRatio, fastestRatio: ratio(best.evaluateSample, best.bareNode), budget: '≤ 5× node -e 0 (aim 3×)', met: sampleRatio <= 5 },
      evaluateLargeJson: { ratio: largeRatio, fastestRatio: ratio(best.evaluateLargeJson, best.readAndJsonParse), budget: '≤ 4× read + JSON.parse (aim 2×)', met: largeRatio <= 4 },
      reportBytes: reportSizes(plan),
    };
  } finally {
    closeSync(sink);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How big `--json` is next to the plan it reports on, with and without `--explain`. */
function reportSizes(plan: string): Record<string, number> {
  const size = (...extra: string[]) =>
    execFileSync(process.execPath, ['bin/okr.js', 'evaluate', plan, '--json', '--at', AT, ...extra], { cwd: root, maxBuffer: 1 << 30 }).length;
  return { plan: statSync(plan).size, json: size(), jsonExplain: size('--explain') };
}
