// "Progress over time" on the board (issue 10 §4): an outcome KR with check-ins draws a line from
// its check-ins on first run (no snapshot recorded yet), and the effort KR burn-up keeps its scope
// and done lines.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { boardSettled } from './helpers/dom';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('progress over time on first run', () => {
  it('draws an outcome KR from its check-ins and an effort KR with scope and done lines', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/board`);
    await boardSettled(page);
    await page.getByRole('button', { name: 'Expand all' }).click();

    await page.getByRole('button', { name: /Details of KR-RETENTION/ }).click();
    const outcome = page.locator('[data-kr-details="KR-RETENTION"]');
    const chart = outcome.locator('svg.h-burnup');
    await chart.waitFor();
    // 10-15 and 11-12 check-ins, then today.
    expect(await chart.getAttribute('aria-label')).toBe('Progress of KR-RETENTION Increase client retention rate from 73% to 75% from 2026-10-15 to 2026-11-15: 55% at the end.');
    expect(await outcome.locator('polyline.h-line-done').count()).toBe(1);
    expect(await outcome.locator('polyline.h-line-scope').count()).toBe(0);
    expect(await outcome.getByText('No history yet').count()).toBe(0);

    await page.getByRole('button', { name: /Contributing items of KR-CRM/ }).click();
    const effort = page.locator('[data-kr-details="KR-CRM"]');
    await effort.locator('svg.h-burnup').waitFor();
    expect(await effort.locator('polyline.h-line-scope').count()).toBe(1);
    expect(await effort.locator('polyline.h-line-done').count()).toBe(1);
    await page.close();
  });
});
