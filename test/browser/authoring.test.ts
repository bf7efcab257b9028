// Issue 10 §1, the authoring journey on the workbench: from an EMPTY plan, create two teams, a
// period, a KPI, a company objective and a team objective with three KRs, align the team
// objective (the tree and the coach update at once), link an epic from the Jira issue frame and
// check in there; the first team is made with the keyboard alone. A form's mistake is shown
// inline with the plan file's message, and an edit someone else saved meanwhile is a conflict
// that keeps what was typed. Screenshots at 400 px and 1440 px, light and dark.
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { ROOT } from './helpers/build-ui';
import { boardSettled, panelSettled, tabTo } from './helpers/dom';
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

/** Picks an option of a combobox by typing, then choosing it from the keyboard. */
async function pick(box: Locator, page: Page, text: string, option: RegExp): Promise<void> {
  await box.fill(text);
  await page.getByRole('option', { name: option }).waitFor();
  await expect.poll(() => page.getByRole('option', { name: option }).getAttribute('aria-selected')).toBe('true');
  await box.press('Enter');
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('authoring OKRs from an empty plan (workbench)', () => {
  it('builds the plan through the forms, aligns it, links an epic and checks in', async () => {
    const page = await open('/board', 1440, 'light');
    await boardSettled(page);
    await page.getByText('No objectives match these filters.').waitFor();

    // Keyboard only: open the plan's structure and create the company team.
    await tabTo(page, (el) => el.text === 'Teams, periods and KPIs');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.text === 'New team');
    await page.keyboard.press('Enter');
    // The form takes the focus; Enter in a field submits it.
    await page.keyboard.type('Rain Town Tea');
    await page.keyboard.press('Enter');
    const structure = page.getByRole('region', { name: 'Teams, periods and KPIs' });
    await structure.locator('.h-row-title').getByText('Rain Town Tea', { exact: true }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Created team Rain Town Tea.' }).count()).toBe(1);

    await structure.getByRole('button', { name: 'New team' }).click();
    const teamForm = page.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('Name').fill('Tea makers');
    await teamForm.getByLabel('Part of').selectOption({ label: 'Rain Town Tea' });
    await teamForm.getByRole('button', { name: 'Create team' }).click();
    await structure.getByText('part of Rain Town Tea').waitFor();

    // A period whose end comes before its start: the plan file's message, beside the field.
    await structure.getByRole('button', { name: 'New period' }).click();
    const periodForm = page.getByRole('form', { name: 'New period' });
    await periodForm.getByLabel('Name (e.g. 2027-Q1)').fill('2026-Q4');
    await periodForm.getByLabel('Starts').fill('2026-12-31');
    await periodForm.getByLabel('Ends (inclusive)').fill('2026-10-01');
    await periodForm.getByRole('button', { name: 'Create period' }).click();
    const endField = periodForm.getByLabel('Ends (inclusive)');
    await expect.poll(() => endField.getAttribute('aria-invalid')).toBe('true');
    expect(await periodForm.locator('.h-field-error').textContent()).toBe('ends (2026-10-01) before it starts (2026-12-31)');
    await periodForm.getByLabel('Starts').fill('2026-10-01');
    await endField.fill('2026-12-31');
    await periodForm.getByRole('button', { name: 'Create period' }).click();
    await structure.getByText('2026-10-01 – 2026-12-31').waitFor();

    await structure.getByRole('button', { name: 'New KPI' }).click();
    const kpiForm = page.getByRole('form', { name: 'New KPI' });
    await kpiForm.getByLabel('Title').fill('Cups sold per day');
    await kpiForm.getByLabel('Target').fill('500');
    await kpiForm.getByLabel('Threshold (guardrail)').fill('300');
    await pick(kpiForm.getByRole('combobox', { name: 'Owner' }), page, 'jon', /Jon Ahlberg/);
    await kpiForm.getByRole('button', { name: 'Create KPI' }).click();
    // The owner is a person, shown by name.
    await structure.getByText('Jon Ahlberg').waitFor();

    // The company objective, then the team's.
    await page.getByRole('button', { name: 'Teams, periods and KPIs' }).click();
    for (const [title, team] of [
      ['Rain Town Tea is loved', 'Rain Town Tea'],
      ['Tea makers delight every cup', 'Tea makers'],
    ] as const) {
      await page.getByRole('button', { name: 'New objective' }).click();
      const form = page.getByRole('form', { name: 'New objective' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Team').selectOption({ label: team });
      await form.getByLabel('Period').selectOption('2026-Q4');
      await pick(form.getByRole('combobox', { name: 'Owner' }), page, 'mar', /Maria Santos/);
      await form.getByRole('button', { name: 'Create objective' }).click();
      await page.locator('li.h-objective', { hasText: title }).waitFor();
    }
    await boardSettled(page);
    const board = await t.api('getBoard', {});
    const [company, team] = board.teams.flatMap((x) => x.objectives);
    if (!company || !team) throw new Error('two objectives were created');
    expect(company.owner).toBe('maria');
    await page.locator(`li[data-objective="${company.id}"] .h-row-meta`).getByText('Maria Santos').waitFor();
    // Not aligned yet: the coach says so.
    expect(await page.locator('.h-coach').textContent()).toContain('aligns to nothing');

    // Three KRs on the team objective: a measured one by hand, one measured by the KPI, an effort one.
    const teamRow = page.locator(`li[data-objective="${team.id}"]`);
    const krs: { title: string; fill?: Record<string, string>; kpi?: string; effort?: boolean }[] = [
      { title: 'Repeat buyers from 20% to 30%', fill: { Start: '20', Target: '30', Unit: '%' } },
      { title: 'Cups per day from 320 to 450', fill: { Start: '320', Target: '450' }, kpi: 'Cups sold per day' },
      { title: 'Ship the loyalty card', effort: true },
    ];
    for (const kr of krs) {
      await teamRow.getByRole('button', { name: `Add key result to ${team.id}` }).click();
      const form = page.getByRole('form', { name: `New key result for ${team.id}` });
      await form.getByLabel('Title').fill(kr.title);
      if (kr.effort) await form.getByLabel('Type').selectOption('effort');
      for (const [label, value] of Object.entries(kr.fill ?? {})) await form.getByLabel(label, { exact: true }).fill(value);
      if (kr.kpi) await form.getByLabel('Measured by KPI').selectOption({ label: kr.kpi });
      await form.getByRole('button', { name: 'Create key result' }).click();
      await teamRow.getByRole('status').filter({ hasText: kr.title }).waitFor();
    }
    const withKrs = await t.api('getBoard', {});
    const krIds = withKrs.teams.flatMap((x) => x.objectives).find((o) => o.id === team.id)?.keyResults ?? [];
    expect(krIds.map((id) => withKrs.keyResults[id]?.title)).toEqual(krs.map((k) => k.title));

    // Align the team objective to the company one, picked from a search, never typed as an id.
    await teamRow.getByRole('button', { name: `Edit objective ${team.id}` }).click();
    const edit = page.getByRole('form', { name: `Edit objective ${team.id}` });
    await pick(edit.getByRole('combobox', { name: 'Aligns to' }), page, 'loved', new RegExp(`${company.id} Rain Town Tea is loved`));
    await edit.getByText(`${company.id} Rain Town Tea is loved`).waitFor();
    await edit.getByRole('button', { name: 'Save objective' }).click();
    await teamRow.getByRole('status').filter({ hasText: `Saved ${team.id}` }).waitFor();
    await boardSettled(page);
    expect((await t.api('getBoard', {})).teams.flatMap((x) => x.objectives).find((o) => o.id === team.id)?.aligns).toBe(company.id);
    expect(await page.locator('.h-coach').textContent()).not.toContain('aligns to nothing');
    await page.close();

    // The epic: link it to the effort KR and the measured KR from its issue panel, then check in.
    const issue = await open('/jira/browse/CS-40', 1440, 'light');
    const panel = await panelSettled(issue);
    const [repeat, , loyalty] = krIds;
    for (const kr of [loyalty, repeat]) {
      await pick(panel.getByRole('combobox', { name: 'Link to a key result' }), issue, kr ?? '', new RegExp(kr ?? ''));
      await panel.getByText(`Linked jira:CS-40 to ${kr}.`).waitFor();
      await panelSettled(issue);
    }
    await issue.locator('.h-card', { hasText: 'Repeat buyers from 20% to 30%' }).getByRole('button', { name: 'Check in' }).click();
    const card = issue.getByRole('form', { name: 'Check in on Repeat buyers from 20% to 30%' });
    await card.getByLabel('New value (%)').fill('24');
    await card.getByRole('button', { name: 'Check in' }).click();
    await expect.poll(async () => (await t.api('getKeyResult', { kr: repeat ?? '' })).checkIns.map((c) => c.value)).toEqual([24]);
    await issue.close();
  }, 120_000);

  it('keeps what was typed when someone else saved first, and says what they changed', async () => {
    const page = await open('/board', 1440, 'light');
    await boardSettled(page);
    const objective = (await t.api('getBoard', {})).teams.flatMap((x) => x.objectives)[0];
    if (!objective) throw new Error('the journey made objectives');
    const row = page.locator(`li[data-objective="${objective.id}"]`);
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
      const row = page.locator(`li[data-objective="${objective?.id ?? ''}"]`);
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
