// Journey of issue 12 on the workbench: an admin closes 2026-Q4 after the review (a grade and a
// reflection on KR-RETENTION), starts 2027-Q1 carrying the KPI KRs and two chosen ones (one with
// a new target), then sees the closed quarter's scores, read-only, and the carried KR's lineage.
// Screenshots at 400 and 1440 px, light and dark, go to docs/screenshots with
// UPDATE_SCREENSHOTS=1 (else test-results/screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreText } from '../../src/ui/close/score-text';
import { launchChromium } from './helpers/browser';
import { ROOT } from './helpers/build-ui';
import { boardSettled } from './helpers/dom';
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

async function open(path: string, mode: 'light' | 'dark', width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${t.url}${path}${path.includes('?') ? '&' : '?'}theme=${mode}`);
  await boardSettled(page);
  return page;
}

/** Controls without an accessible name in the page's accessibility tree (as accessibility.test.ts). */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => /^\s*- (button|textbox|combobox|checkbox|link|progressbar)(:|$| \[)/.test(line));
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

/** Opens an objective's key results on the board. */
async function expand(page: Page, objective: string): Promise<void> {
  const row = page.locator(`li[data-objective="${objective}"]`);
  const toggle = row.locator('> .h-row').getByRole('button').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('closing a quarter and starting the next (issue 12)', () => {
  it('closes 2026-Q4 after the review, with a grade and a reflection', async () => {
    const page = await open('/board?period=2026-Q4', 'light', 1440);
    // From the keyboard: the button is a real button, Enter opens the review.
    await page.getByRole('button', { name: 'Close quarter' }).focus();
    await page.keyboard.press('Enter');
    const review = page.locator('.h-close-review');
    await review.locator('[data-review-kr="KR-RETENTION"]').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    const preview = await t.api('previewClose', { period: '2026-Q4' });
    // Every KR with its computed score, and the stale ones flagged.
    expect(await review.locator('[data-review-kr]').evaluateAll((els) => els.map((e) => e.getAttribute('data-review-kr')))).toEqual(preview.keyResults.map((k) => k.id));
    expect(await review.locator('[data-warning]').count()).toBe(preview.keyResults.filter((k) => k.warning).length);
    expect(await review.locator('[data-review-kr="KR-RETENTION"] .h-score').textContent()).toBe('Score 0.55 (55%)');

    // A grade out of range is refused before anything is sent.
    await review.getByLabel('Grade of KR-RETENTION (0 to 1)').fill('7');
    await review.getByRole('button', { name: 'Close 2026-Q4' }).click();
    expect(await review.locator('.h-field-error').textContent()).toMatch(/from 0 to 1/);
    expect((await t.api('getBoard', {})).periods.find((p) => p.id === '2026-Q4')?.closed).toBeUndefined();

    await review.getByLabel('Grade of KR-RETENTION (0 to 1)').fill('0.7');
    await review.getByLabel('Reflection on KR-RETENTION').fill('Renewals <b>carried</b> it');
    await shot(page, 'close-review-light');
    await review.getByRole('button', { name: 'Close 2026-Q4' }).click();
    await page.getByText('2026-Q4 · closed on 2026-11-15').waitFor();
    await boardSettled(page);

    await expand(page, 'O-LOYAL');
    const kr = page.locator('li[data-kr="KR-RETENTION"]');
    expect(await kr.locator('[data-score="KR-RETENTION"]').textContent()).toContain('Score 0.7 (70%)');
    await page.close();

    const stored = (await t.api('exportPlan', { format: 'json' })).plan.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'KR-RETENTION');
    expect(stored).toMatchObject({ grade: 0.7, reflection: 'Renewals <b>carried</b> it', final: { progress: expect.closeTo(0.55, 10) as unknown } });
  });

  it('shows the closed quarter read-only with its scores and the reflection as text', async () => {
    for (const [mode, width] of [['light', 1440], ['dark', 400]] as const) {
      const page = await open('/board?period=2026-Q4', mode, width);
      await expand(page, 'O-LOYAL');
      const kr = page.locator('li[data-kr="KR-RETENTION"]');
      await kr.getByRole('button', { name: /Details of KR-RETENTION/ }).click();
      const details = kr.locator('[data-kr-details="KR-RETENTION"][data-closed="true"]');
      await details.waitFor();
      // No check-in, link or edit control on a frozen KR; the reflection is text, not markup.
      expect(await details.getByRole('button', { name: /Check in/ }).count()).toBe(0);
      expect(await details.getByRole('combobox').count()).toBe(0);
      // Nor any authoring control on the closed objective or its KRs: a closed quarter is reopened, not edited.
      const closedObjective = page.locator('li[data-objective="O-LOYAL"]');
      for (const name of ['Edit', 'Delete', 'Add key result']) expect(await closedObjective.getByRole('button', { name, exact: true }).count()).toBe(0);
      expect(await details.locator('.h-reflection').textContent()).toBe('Renewals <b>carried</b> it');
      expect(await details.locator('b').count()).toBe(0);
      // The objective's score: the weighted mean of its KRs' scores, the grade counted.
      const objective = (await t.api('getBoard', { period: '2026-Q4' })).teams.flatMap((team) => team.objectives).find((o) => o.id === 'O-LOYAL');
      expect(objective?.score).toBeDefined();
      expect(await page.locator('[data-score="O-LOYAL"]').textContent()).toContain(`Score ${scoreText(objective?.score ?? -1)}`);
      if (width > 400) await expand(page, 'O-VELOCITY');
      await shot(page, `board-closed-quarter-${mode}-${width}`);
      await page.close();
    }
  });

  it('starts 2027-Q1 carrying the KPI KRs and two chosen KRs, one with a new target', async () => {
    const page = await open('/board?period=2026-Q4', 'light', 1440);
    await page.getByRole('button', { name: 'Start the next quarter' }).click();
    const screen = page.locator('.h-rollover');
    await screen.locator('[data-candidate="KR-FCR"]').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    expect(await screen.getByLabel('Next period').inputValue()).toBe('2027-Q1');
    expect(await screen.getByLabel('Starts (YYYY-MM-DD)').inputValue()).toBe('2027-01-01');
    expect(await screen.getByLabel('Ends (YYYY-MM-DD)').inputValue()).toBe('2027-03-31');
    // KPI KRs are carried whatever is chosen.
    const retention = screen.locator('[data-candidate="KR-RETENTION"] input[type="checkbox"]');
    expect(await retention.isChecked()).toBe(true);
    expect(await retention.isDisabled()).toBe(true);

    await screen.getByRole('checkbox', { name: /KR-FCR/ }).check();
    await screen.getByRole('checkbox', { name: /KR-DEPLOYS/ }).check();
    await screen.getByLabel('Target of KR-FCR-2027-Q1').fill('80');
    await shot(page, 'rollover-preview-light');
    await screen.getByRole('button', { name: 'Start 2027-Q1 with 4 key results' }).click();
    await page.waitForURL(/period=2027-Q1/);
    await boardSettled(page);

    const plan = (await t.api('exportPlan', { format: 'json' })).plan;
    const carried = plan.objectives.filter((o) => o.period === '2027-Q1').flatMap((o) => o.keyResults);
    expect(carried.map((k) => k.id).sort()).toEqual(['KR-DEPLOYS-2027-Q1', 'KR-FCR-2027-Q1', 'KR-HEALTHY-2027-Q1', 'KR-RETENTION-2027-Q1']);
    expect(carried.find((k) => k.id === 'KR-FCR-2027-Q1')).toMatchObject({ start: 69, target: 80, carriedFrom: 'KR-FCR' });
    await page.close();
  });

  it('shows a carried KR’s lineage: the score of the quarter it came from', async () => {
    for (const [mode, width] of [['dark', 1440], ['light', 400]] as const) {
      const page = await open('/board?period=2027-Q1', mode, width);
      await expand(page, 'O-LOYAL-2027-Q1');
      const lineage = page.locator('[data-lineage="KR-RETENTION-2027-Q1"]');
      expect(await lineage.getByRole('listitem').allTextContents()).toEqual(['2026-Q4 0.7 (70%)']);
      await shot(page, `board-lineage-${mode}-${width}`);
      await page.close();
    }
  });
});
