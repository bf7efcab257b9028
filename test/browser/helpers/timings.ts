// Reads the UI's own "ready" marks (src/ui/perf/mark-ready.ts): User Timing entries whose
// startTime counts from navigation start, so they are the time from navigation to data shown.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './build-ui';

export async function readyAfterNavigation(page: Page, surface: string): Promise<number> {
  const name = `harmony:${surface}-ready`;
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name);
  return page.evaluate((n) => (performance.getEntriesByName(n)[0] as PerformanceEntry).startTime, name);
}

/** Prints a timing and keeps it in test-results/browser-timings.jsonl; never asserted. */
export function recordTiming(label: string, ms: number, extra: Record<string, unknown> = {}): void {
  console.log(`[timing] ${label}: ${ms.toFixed(0)} ms`);
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'browser-timings.jsonl'), `${JSON.stringify({ label, ms: Math.round(ms), at: new Date().toISOString(), ...extra })}\n`);
}

/** When the answer of `POST /api/<name>` finished arriving, from navigation start (Resource Timing). */
export async function apiAnswered(page: Page, name: string): Promise<number | undefined> {
  return page.evaluate((n) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(`/api/${n}`)) as PerformanceResourceTiming | undefined;
    return entry ? entry.responseEnd : undefined;
  }, name);
}
