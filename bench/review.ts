// Issue 10 §3 budget: the monthly review of 1,000 objectives (4,000 KRs), measured twice:
// - the core alone on the ~104,000-item plan: review() over a report already evaluated, and its
//   Markdown, which is what `okr review` adds to `okr evaluate`;
// - the Review page's call, getReview, through the app on a memory store with the trackers faked
//   (a smaller scope per epic, so the import stays quick): p50 and p95 of warm calls.
import { createApp } from '../src/app/create-app';
import { NO_HISTORY } from '../src/app/history';
import { localActor } from '../src/app/local-actor';
import { evaluate, type IsoDate } from '../src/core';
import { reviewMarkdown } from '../src/core/review/markdown';
import { review } from '../src/core/review/review';
import { MemoryDocumentStore } from '../src/stores/memory-document-store';
import { FakeWorkItemSource } from '../test/app/fake-work-item-source';
import { generatePlan } from './generate-plan';

const AT = '2025-02-20' as IsoDate;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return +(s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] as number).toFixed(1);
}

export async function benchReview(runs = 15): Promise<Record<string, unknown>> {
  const big = generatePlan({ objectives: 1000 });
  const report = evaluate(big, AT);
  const core: number[] = [];
  const markdown: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = review(big, report);
    const t1 = performance.now();
    bytes = reviewMarkdown(r).length;
    const t2 = performance.now();
    if (i === 0) continue;
    core.push(t1 - t0);
    markdown.push(t2 - t1);
  }

  const plan = generatePlan({ objectives: 1000, itemsPerEpic: 5 });
  const store = new MemoryDocumentStore({});
  const source = new FakeWorkItemSource(plan.workItems);
  const app = createApp({ store, source, actor: localActor('bench', source), history: NO_HISTORY, today: () => AT });
  await app.call('importPlan', { text: JSON.stringify(plan), format: 'json' });
  const api: number[] = [];
  let objectives = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const view = await app.call('getReview', {});
    const ms = performance.now() - t;
    objectives = view.objectives.length;
    if (i > 0) api.push(ms);
  }
  return {
    core: {
      plan: { objectives: big.objectives.length, workItems: big.workItems.length },
      reviewMs: { p50: percentile(core, 0.5), p95: percentile(core, 0.95) },
      markdownMs: { p50: percentile(markdown, 0.5), p95: percentile(markdown, 0.95) },
      markdownKiB: +(bytes / 1024).toFixed(1),
    },
    getReviewThroughTheApp: {
      plan: { objectives: plan.objectives.length, workItems: plan.workItems.length },
      objectivesReviewed: objectives,
      ms: { p50: percentile(api, 0.5), p95: percentile(api, 0.95) },
    },
  };
}
