// Cadence in the browser (issue 10 §2): the "needs an update" mark on the board and in My key
// results, a check-in from My key results with the date defaulting to today, a far-out value
// confirmed before it is saved, and one success message; at 400 px (no sideways scroll) and
// 1440 px, with screenshots to look at (test-results/screenshots/, or docs/screenshots/ with
// UPDATE_SCREENSHOTS=1).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { boardSettled } from './helpers/dom';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
// Nine days after maria's last check-in on KR-RETENTION (2026-11-12): overdue. Less than a week
// after the day the demo file describes, so the workbench seeds the demo as written (it moves the
// demo forward only by whole weeks: src/workbench/demo-dates.ts).
const TODAY = '2026-11-21';

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [t, browser] = await Promise.all([startTestWorkbench(TODAY), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openBoard(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${t.url}/board`);
  await boardSettled(page);
  await page.locator('section.h-my[data-state="ready"]').waitFor();
  return page;
}

describe.each([
  [1440, TODAY] as const,
  // Three weeks later: what the 1440 px run checked in is overdue again.
  [400, '2026-12-21'] as const,
])('cadence at %i px on %s', (width, day) => {
  beforeAll(() => t.setToday(day));

  it('My key results lists maria\'s KRs, overdue first, and the board marks the KRs that need a check-in', async () => {
    const page = await openBoard(width);
    const mine = await t.api('getMyKeyResults', {});
    expect(mine.keyResults.length).toBeGreaterThan(0);
    const shown = await page.locator('section.h-my li[data-kr]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kr')));
    expect(shown).toEqual(mine.keyResults.map((k) => k.kr.id));
    const overdue = mine.keyResults.filter((k) => k.needsUpdate).map((k) => k.kr.id);
    expect(overdue.length).toBeGreaterThan(0);
    for (const kr of overdue) await expect.poll(() => page.locator(`section.h-my li[data-kr="${kr}"] [data-needs-update]`).count()).toBe(1);
    const stale = (await t.api('getBoard', {})).lints.filter((l) => l.code === 'stale-check-in');
    await page.getByRole('button', { name: 'Expand all' }).click();
    for (const lint of stale) {
      const mark = page.locator(`li.h-kr-row[data-kr="${lint.subject}"] [data-needs-update]`);
      await expect.poll(() => mark.count()).toBe(1);
      expect(await mark.getAttribute('title')).toBe(lint.message);
    }
    // My key results fits the width, at 400 px too: nothing in it sticks out or scrolls sideways.
    // (The workbench bar above it is wider than 400 px today: issue 10 §5, left to its owner.)
    const fit = await page.locator('section.h-my').evaluate((el) => ({
      right: Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
      scroll: el.scrollWidth - el.clientWidth,
    }));
    expect(fit.right).toBeLessThanOrEqual(width);
    expect(fit.scroll).toBe(0);
    // The viewport: My key results and the top of the board (the board's own 400 px layout is issue 10 §5's).
    await page.screenshot({ path: join(OUT, `cadence-my-key-results-${width}-light.png`), fullPage: false });
    await page.close();
  });

  it('checks in from My key results: date defaults to today, -5 asks first, one success message, the mark goes', async () => {
    const page = await openBoard(width);
    const mine = await t.api('getMyKeyResults', {});
    const target = mine.keyResults.find((k) => k.needsUpdate && k.kr.type === 'outcome' && k.kr.kpiRef === undefined);
    if (!target) throw new Error('maria has an overdue outcome KR');
    const row = page.locator(`section.h-my li[data-kr="${target.kr.id}"]`);
    await row.getByRole('button', { name: `Check in on ${target.kr.id}` }).click();
    const form = row.getByRole('form', { name: `Check in on ${target.kr.title}` });
    expect(await form.getByLabel('Date').inputValue()).toBe(day);
    await form.getByLabel(/^New value/).fill('-5');
    await form.getByRole('button', { name: 'Check in' }).click();
    const ask = form.getByRole('alert');
    await expect.poll(() => ask.textContent()).toMatch(/-5 is far outside this key result's range/);
    if (width === 1440) await page.screenshot({ path: join(OUT, `cadence-confirm-${width}-light.png`), fullPage: false });
    // Not saved yet.
    expect((await t.api('getKeyResult', { kr: target.kr.id })).checkIns.some((c) => c.value === -5)).toBe(false);
    // The value this test checks in for real is a plausible one: change it and send again.
    await form.getByRole('button', { name: 'Change the value' }).click();
    const value = target.kr.type === 'outcome' ? (target.kr.start ?? 0) + ((target.kr.target ?? 1) - (target.kr.start ?? 0)) / 2 : 1;
    await form.getByLabel(/^New value/).fill(String(value));
    await form.getByRole('button', { name: 'Check in' }).click();
    await page.locator(`section.h-my[data-state="ready"] li[data-kr="${target.kr.id}"]`).waitFor();
    await expect.poll(async () => (await t.api('getKeyResult', { kr: target.kr.id })).checkIns.at(-1)?.at).toBe(day);
    await expect.poll(() => page.locator(`section.h-my li[data-kr="${target.kr.id}"] [data-needs-update]`).count()).toBe(0);
    // One success message on the page for one check-in.
    await expect.poll(() => page.getByText(/^Checked in /).count()).toBeLessThanOrEqual(1);
    await page.close();
  });
});
