// Issue 2 budget: evaluating a plan file (read + parse + validate + evaluate) of 1,000 objectives,
// 4,000 KRs and ~104,000 work items costs at most 4× what node takes to read and JSON.parse the
// same file, measured side by side; plus peak memory and rollup scaling at 10k/100k/1M items.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parsePlanText, validatePlan, type IsoDate } from '../src/core';
import { benchClose } from './close';
import { generatePlan } from './generate-plan';
import { median, time } from './stats';

const AT = '2025-02-20' as IsoDate;
export function benchCore(runs = 7): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-'));
  try {
    const file = join(dir, 'plan.json');
    const plan = generatePlan({ objectives: 1000 });
    writeFileSync(file, JSON.stringify(plan));
    const krs = plan.objectives.reduce((n, o) => n + o.keyResults.length, 0);

    const base: number[] = [];
    const full: number[] = [];
    const phases = { parseValidate: [] as number[], evaluate: [] as number[] };
    for (let i = 0; i < runs + 1; i++) {
      const b = time(() => JSON.parse(readFileSync(file, 'utf8')));
      const f = time(() => evaluate(parsePlanText(readFileSync(file, 'utf8'), 'json'), AT));
      const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      let parsed = plan;
      const pv = time(() => (parsed = validatePlan(raw)));
      const ev = time(() => evaluate(parsed, AT));
      if (i === 0) continue; // warm-up
      base.push(b);
      full.push(f);
      phases.parseValidate.push(pv);
      phases.evaluate.push(ev);
    }
    const peak = peakMemory(file);
    return {
      plan: { objectives: plan.objectives.length, keyResults: krs, workItems: plan.workItems.length, fileMiB: +(readFileSync(file).length / 2 ** 20).toFixed(1) },
      readAndJsonParseMs: +median(base).toFixed(1),
      readParseValidateEvaluateMs: +median(full).toFixed(1),
      ratio: +(median(full) / median(base)).toFixed(2),
      budget: '≤ 4× (aim 2×)',
      validateOnlyMs: +median(phases.parseValidate).toFixed(1),
      evaluateOnlyMs: +median(phases.evaluate).toFixed(1),
      peakRssMiB: peak,
      // Issue 12: close and rollover side by side with evaluation.
      closeAndRollover: benchClose(validatePlan(JSON.parse(readFileSync(file, 'utf8'))), AT),
      scaling: scaling(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of a fresh process that reads, validates and evaluates the file once. */
function peakMemory(file: string): { jsonParseOnly: number; evaluate: number } {
  const probe = (mode: string) =>
    Number(
      execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'peak-memory.ts'), mode, file, AT], { encoding: 'utf8' }).trim(),
    );
  return { jsonParseOnly: probe('parse'), evaluate: probe('evaluate') };
}

/** Rollup alone over already-validated plans: linear means ms per 1k items stays flat. */
function scaling(): { workItems: number; evaluateMs: number; msPer1kItems: number }[] {
  return [10_000, 100_000, 1_000_000].map((target) => {
    const plan = generatePlan({ objectives: Math.ceil(target / 104), seed: 7 });
    plan.workItems.length = Math.min(plan.workItems.length, target);
    const ms = median([0, 1, 2].map(() => time(() => evaluate(plan, AT))));
    return { workItems: plan.workItems.length, evaluateMs: +ms.toFixed(1), msPer1kItems: +((ms / plan.workItems.length) * 1000).toFixed(3) };
  });
}
