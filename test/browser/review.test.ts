// The Review page (issue 10 §3): the same review as the API (and so as `okr review`), KPIs first,
// filters by team and period, "Copy as Markdown" giving the CLI's text, a print stylesheet that
// leaves the controls out, and a page that never scrolls sideways at 400 px, light or dark.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthLabel } from '../../src/ui/format/status';
import { launchChromium } from './helpers/browser';
import { ROOT } from './helpers/build-ui';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(path: string, width: number, mode: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: mode });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${t.url}${path}`);
  await page.locator('.h-review[data-state="ready"]').waitFor();
  return page;
}

const sideways = (page: Page) => page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

describe('Review page', () => {
  it('shows the review the API computes: KPIs first, then objectives, spotlight, lints', async () => {
    const view = await t.api('getReview', {});
    const page = await open('/review', 1440);
    const headings = await page.locator('.h-review h2').allTextContents();
    expect(headings).toEqual(['1. KPIs', '2. Objectives', '3. Spotlight', '4. Lints']);
    for (const k of view.kpis) {
      const row = page.locator(`tr[data-kpi="${k.id}"]`);
      expect(await row.getAttribute('data-health')).toBe(k.health);
      expect(await row.textContent()).toContain(healthLabel(k.health));
    }
    expect(await page.locator('.h-review-objective').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')))).toEqual(view.objectives.map((o) => o.id));
    expect(await page.locator('.h-review-spotlight > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kr')))).toEqual(view.spotlight.keyResults);
    expect(view.spotlight.keyResults.length).toBeGreaterThan(0);
    expect(view.spotlight.keyResults.length).toBeLessThanOrEqual(5);
    await page.context().close();
  });

  it('filters by team and period, keeping them in the address', async () => {
    const page = await open('/review', 1440);
    await page.getByLabel('Team', { exact: true }).selectOption('eng');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('team') === 'eng');
    const eng = await t.api('getReview', { team: 'eng' });
    await page.waitForFunction((n) => document.querySelectorAll('.h-review-objective').length === n, eng.objectives.length);
    expect(await page.locator('.h-review-objective').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')))).toEqual(eng.objectives.map((o) => o.id));
    await page.getByLabel('Period', { exact: true }).selectOption('2026-Q3');
    const q3 = await t.api('getReview', { team: 'eng', period: '2026-Q3' });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2026-Q3');
    await page.waitForFunction((ids) => [...document.querySelectorAll('.h-review-objective')].map((e) => e.getAttribute('data-objective')).join() === ids, q3.objectives.map((o) => o.id).join());
    await page.context().close();
  });

  it('"Copy as Markdown" puts the text `okr review` prints on the clipboard', async () => {
    const view = await t.api('getReview', {});
    const page = await open('/review', 1440);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(view.markdown);
    await page.context().close();
  });

  it('falls back to a selected text box when the clipboard is refused', async () => {
    const view = await t.api('getReview', {});
    const page = await open('/review', 1440);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    const box = page.getByRole('textbox', { name: /copy it with Ctrl\+C/ });
    expect(await box.inputValue()).toBe(view.markdown);
    expect(await box.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart)).toBe(view.markdown.length);
    await page.context().close();
  });

  it('prints the minutes without the controls or the workbench strip', async () => {
    const page = await open('/review', 1440);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('.wb-bar')).toBe(false);
    expect(await shown('.h-review .h-filters')).toBe(false);
    expect(await shown('.h-review .h-actions')).toBe(false);
    expect(await shown('.h-review-kpis')).toBe(true);
    await page.context().close();
  });

  for (const width of [400, 1440]) {
    for (const mode of ['light', 'dark'] as const) {
      it(`fits ${width} px without sideways scrolling, ${mode}`, async () => {
        const page = await open('/review', width, mode);
        expect(await page.evaluate(() => document.documentElement.dataset.colorMode)).toBe(mode);
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        // No KR title is squeezed narrower than a few words.
        const narrowest = await page.locator('.h-review-kr-title').evaluateAll((els) => Math.min(...els.map((e) => e.getBoundingClientRect().width)));
        expect(narrowest).toBeGreaterThan(150);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(OUT, `review-${width}-${mode}.png`), fullPage: true });
        await page.context().close();
      });
    }
  }
});
