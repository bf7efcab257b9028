// Issue 10 §1 figure: saving a key result on a plan of 1,000 objectives through the workbench
// API (HTTP, SQLite store, the tracker adapters against the emulators), p50 and p95 over
// repeated saves, each naming the objective's current version as a form would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../src/app/collections';
import type { IsoDate } from '../src/core/model/dates';
import { SqliteDocumentStore } from '../src/stores/sqlite-document-store';
import { createHttpClient } from '../src/ui/client/http-client';
import { startWorkbench } from '../src/workbench/server';
import { generatePlan } from './generate-plan';

const SAVES = 40;
const WARM_UP = 5;

export async function benchAuthoring(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'harmony-bench-authoring-'));
  const wb = await startWorkbench({ port: 0, dataDir, staticDir: dataDir, today: () => '2025-02-20' as IsoDate });
  const versions = SqliteDocumentStore.open(wb.dbFile);
  try {
    const api = createHttpClient({ baseUrl: wb.url });
    // The workbench's emulators hold the demo's items, not the generated ones, and an import
    // refuses links its importer cannot see: the plan keeps its 1,000 objectives and 4,000 KRs
    // without links. Saving a KR evaluates its objective; that objective's KRs link nothing here.
    const generated = generatePlan({ objectives: 1000, itemsPerEpic: 8 });
    const plan = { ...generated, workItems: [], objectives: generated.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map(({ links: _links, ...kr }) => kr) })) };
    await api('importPlan', { text: JSON.stringify(plan), format: 'json' });
    const target = 'O500';
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SAVES; i++) {
      const expected = (await versions.get(C.objectives, target))?.version ?? '';
      const started = performance.now();
      await api('saveKeyResult', {
        // KR500-3 is an effort KR (with its epic link dropped): a form's edit of title and weight.
        keyResult: { objective: target, id: 'KR500-3', title: `Deliver epic (edit ${i})`, type: 'effort', weighting: 'estimate', weight: 1 + (i % 3) },
        expected,
      });
      if (i >= WARM_UP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => +(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0).toFixed(1);
    return { objectives: plan.objectives.length, keyResults: plan.objectives.length * 4, saves: SAVES, saveKeyResultMs: { p50: at(0.5), p95: at(0.95), max: at(1) } };
  } finally {
    versions.close();
    await wb.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
