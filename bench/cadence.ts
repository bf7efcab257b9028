// Cadence budget (issue 10): saving a check-in on a plan of 1,000 objectives, p50 and p95,
// through the workbench's HTTP API (the same path the board's check-in takes). The plan keeps
// its outcome KRs and effort KRs but no links: the workbench refuses to import links its demo
// trackers do not know, and a check-in evaluates only its own objective anyway.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IsoDate } from '../src/core';
import { createHttpClient } from '../src/ui/client/http-client';
import { startWorkbench } from '../src/workbench/server';
import { generatePlan } from './generate-plan';

const TODAY = '2026-11-16' as IsoDate;

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function benchCadence(runs = 60): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'harmony-bench-cadence-'));
  const wb = await startWorkbench({ port: 0, dataDir, today: () => TODAY });
  try {
    const api = createHttpClient({ baseUrl: wb.url });
    const generated = generatePlan({ objectives: 1000 });
    const plan = {
      ...generated,
      periods: generated.periods.map((p) => ({ ...p })),
      objectives: generated.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map(({ links: _links, ...k }) => k) })),
      workItems: [],
    };
    await api('importPlan', { text: JSON.stringify(plan), format: 'json' });
    const outcome = plan.objectives.flatMap((o) => o.keyResults).filter((k) => k.type === 'outcome').map((k) => k.id);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const kr = outcome[(i * 37) % outcome.length] as string;
      const t0 = performance.now();
      await api('checkIn', { kr, value: 1 + (i % 5), confirm: true });
      times.push(performance.now() - t0);
    }
    const warm = times.slice(5);
    return {
      checkInOn1000Objectives: {
        objectives: plan.objectives.length,
        keyResults: plan.objectives.reduce((n, o) => n + o.keyResults.length, 0),
        calls: warm.length,
        p50Ms: +percentile(warm, 50).toFixed(1),
        p95Ms: +percentile(warm, 95).toFixed(1),
        firstMs: +(times[0] ?? 0).toFixed(1),
      },
    };
  } finally {
    await wb.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
