// Issue 10 §1, the authoring journey on the workbench (helpers/authoring-journey.ts): from an
// EMPTY plan, two teams (the first by keyboard alone), a period, a KPI, two objectives, three
// KRs, an alignment (the tree and the coach update at once), an epic linked from the Jira issue
// frame and a check-in there. A form's mistake is shown
// inline with the plan file's message, and an edit someone else saved meanwhile is a conflict
// that keeps what was typed. Screenshots at 400 px and 1440 px, light and dark.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { ROOT } from './helpers/build-ui';
import { authorOnBoard, correctCheckInOnBoard, expandedObjective, linkAndCheckIn, seeReview } from './helpers/authoring-journey';
import { boardSettled, panelSettled } from './helpers/dom';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
  // An empty organisation: nothing but the format version.
  await t.api('importPlan', { text: 'okr: 1\n', format: 'yaml' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(path: string, width: number, mode: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${t.url}${path}${path.includes('?') ? '&' : '?'}theme=${mode}`);
  return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('authoring OKRs from an empty plan (workbench)', () => {
  it('builds the plan through the forms, aligns it, links an epic, checks in, corrects it, sees the review', async () => {
    const page = await open('/board', 1440, 'light');
    const authored = await authorOnBoard(page, page.keyboard, t.api);
    await page.close();
    const issue = await open('/jira/browse/CS-40', 1440, 'light');
    await linkAndCheckIn(issue, t.api, 'jira:CS-40', authored);
    await issue.close();
    const board = await open('/board', 1440, 'light');
    await correctCheckInOnBoard(board, t.api, authored);
    await board.goto(`${t.url}/review`);
    await seeReview(board, t.api, authored);
    await board.close();
  }, 120_000);

  it('keeps what was typed when someone else saved first, and says what they changed', async () => {
    const page = await open('/board', 1440, 'light');
    await boardSettled(page);
    const objective = (await t.api('getBoard', {})).teams.flatMap((x) => x.objectives)[0];
    if (!objective) throw new Error('the journey made objectives');
    const row = await expandedObjective(page, objective.id);
    await row.getByRole('button', { name: `Edit objective ${objective.id}` }).click();
    const form = page.getByRole('form', { name: `Edit objective ${objective.id}` });
    await form.getByLabel('Title').fill('Rain Town Tea is loved by all');
    // Meanwhile, someone else renames it.
    await t.api('saveObjective', { objective: { id: objective.id, title: 'Rain Town Tea is adored', team: objective.team, period: objective.period, owner: 'maria' }, expected: objective.version });
    await form.getByRole('button', { name: 'Save objective' }).click();
    const notice = form.getByRole('alert');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Title: now “Rain Town Tea is adored”, yours “Rain Town Tea is loved by all”');
    expect(await form.getByLabel('Title').inputValue()).toBe('Rain Town Tea is loved by all');
    await form.getByRole('button', { name: 'Save objective anyway' }).click();
    await row.getByRole('status').filter({ hasText: 'Rain Town Tea is loved by all' }).waitFor();
    await page.close();
  }, 60_000);

  it('lays the board and its forms out at 400 px and 1440 px, light and dark', async () => {
    for (const [width, mode] of [
      [400, 'light'],
      [400, 'dark'],
      [1440, 'light'],
      [1440, 'dark'],
    ] as const) {
      const page = await open('/board', width, mode);
      await boardSettled(page);
      const objective = (await t.api('getBoard', {})).teams.flatMap((x) => x.objectives)[1];
      const row = await expandedObjective(page, objective?.id ?? '');
      await row.getByRole('button', { name: `Add key result to ${objective?.id ?? ''}` }).click();
      await page.getByRole('form', { name: /New key result/ }).waitFor();
      await page.mouse.move(0, 0);
      // The forms never make the page scroll sideways, even on a phone.
      const wide = await page.evaluate((w) => [...document.querySelectorAll('.h-author-form, .h-author-form *')].filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => `${e.tagName}.${e.className}`), width);
      if (process.env.DEBUG_WIDTH) console.log(width, await pageWidth(page), wide, await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 0.5).slice(0, 8).map((e) => `${e.tagName}.${e.className}`), width));
      expect(wide).toEqual([]);
      await page.screenshot({ path: join(OUT, `authoring-board-${width}-${mode}.png`), fullPage: true });
      await page.close();
    }
  }, 90_000);
});

describe('adding a key result from a work item’s panel (workbench, Jira issue frame)', () => {
  it('creates the KR under a chosen objective and links the item in one step', async () => {
    const page = await open('/jira/browse/CS-42', 1440, 'light');
    const panel = await panelSettled(page);
    await panel.getByRole('button', { name: 'Add a key result for this story' }).click();
    const objective = (await t.api('getBoard', {})).teams.flatMap((x) => x.objectives)[1];
    await panel.getByLabel('Objective', { exact: true }).selectOption(objective?.id ?? '');
    const form = panel.getByRole('form', { name: `New key result for ${objective?.id ?? ''}` });
    // Effort is the default here: the item's work is the progress.
    expect(await form.getByLabel('Type').inputValue()).toBe('effort');
    await form.getByLabel('Title').fill('Stamp card in every shop');
    await form.getByRole('button', { name: 'Create and link jira:CS-42' }).click();
    await panel.getByRole('status').filter({ hasText: 'and linked jira:CS-42 to it' }).waitFor();
    await panelSettled(page);
    const view = await t.api('getPanel', { ref: 'jira:CS-42' });
    expect(view.keyResults.map((k) => k.kr.title)).toContain('Stamp card in every shop');
    await page.locator('.h-card', { hasText: 'Stamp card in every shop' }).waitFor();
    await page.close();
  }, 60_000);
});
