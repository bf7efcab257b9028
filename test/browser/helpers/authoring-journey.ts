// The authoring journey of issue 10 §1, from an EMPTY plan, run inside any surface that shows the
// board (the workbench page, the Forge global page's frame) and any that shows an issue panel:
// two teams (the first with the keyboard alone), a period (its inline plan-file error first), a
// KPI owned by a person, a company and a team objective, three KRs, an alignment picked from a
// search (the tree and the coach update), then an epic linked from its panel and a check-in,
// that check-in corrected from the board's KR details (its audit trail), and the review.
import type { Frame, Keyboard, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiClient } from '../../../src/app/api';

type Root = Page | Frame;

/** Picks an option of a combobox by typing, then choosing it from the keyboard. */
export async function pick(root: Root, box: Locator, text: string, option: RegExp): Promise<void> {
  await box.fill(text);
  const choice = root.getByRole('option', { name: option });
  await choice.waitFor();
  await expect.poll(() => choice.getAttribute('aria-selected')).toBe('true');
  await box.press('Enter');
}

/** Tabs until the focused element's text is `text` (the keyboard user's way there). */
async function tabToText(root: Root, keyboard: Keyboard, text: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await keyboard.press('Tab');
    if ((await root.evaluate(() => document.activeElement?.textContent ?? '')) === text) return;
  }
  throw new Error(`no focusable "${text}" within 80 tabs`);
}

/** An objective's row, expanded: its own actions (edit, add a KR, delete) show with its KRs. */
export async function expandedObjective(root: Root, id: string): Promise<Locator> {
  const row = root.locator(`li[data-objective="${id}"]`);
  const disclosure = row.locator('> .h-row > button.h-disclosure');
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await row.getByRole('button', { name: `Edit objective ${id}` }).waitFor();
  return row;
}

export const boardReady = (root: Root) => root.locator('.h-board[data-state="ready"]:not([data-reloading])').waitFor();

export interface Authored {
  company: string;
  team: string;
  /** The team objective's KRs: measured by hand, measured by the KPI, effort. */
  krs: string[];
}

/** How a host names people: the workbench by plain id, Azure DevOps by sign-in address. */
export interface JourneyPeople {
  maria: string;
}

export async function authorOnBoard(root: Root, keyboard: Keyboard, api: ApiClient, people: JourneyPeople = { maria: 'maria' }): Promise<Authored> {
  await boardReady(root);
  await root.getByText('No objectives match these filters.').waitFor();

  // Keyboard only: open the plan's structure and create the company team.
  await tabToText(root, keyboard, 'Teams, periods and KPIs');
  await keyboard.press('Enter');
  // The forms load when first opened: wait for them before tabbing on, as a person would.
  await root.getByRole('button', { name: 'New team' }).waitFor();
  await tabToText(root, keyboard, 'New team');
  await keyboard.press('Enter');
  // The form takes the focus; Enter in a field submits it.
  await keyboard.type('Rain Town Tea');
  await keyboard.press('Enter');
  const structure = root.getByRole('region', { name: 'Teams, periods and KPIs' });
  await structure.locator('.h-row-title').getByText('Rain Town Tea', { exact: true }).waitFor();
  expect(await root.getByRole('status').filter({ hasText: 'Created team Rain Town Tea.' }).count()).toBe(1);

  await structure.getByRole('button', { name: 'New team' }).click();
  const teamForm = root.getByRole('form', { name: 'New team' });
  await teamForm.getByLabel('Name').fill('Tea makers');
  await teamForm.getByLabel('Part of').selectOption({ label: 'Rain Town Tea' });
  await teamForm.getByRole('button', { name: 'Create team' }).click();
  await structure.getByText('part of Rain Town Tea').waitFor();

  // A period whose end comes before its start: the plan file's message, beside the field.
  await structure.getByRole('button', { name: 'New period' }).click();
  const periodForm = root.getByRole('form', { name: 'New period' });
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
  const kpiForm = root.getByRole('form', { name: 'New KPI' });
  await kpiForm.getByLabel('Title').fill('Cups sold per day');
  await kpiForm.getByLabel('Target').fill('500');
  await kpiForm.getByLabel('Threshold (guardrail)').fill('300');
  await pick(root, kpiForm.getByRole('combobox', { name: 'Owner' }), 'jon', /Jon Ahlberg/);
  await kpiForm.getByRole('button', { name: 'Create KPI' }).click();
  // The owner is a person, shown by name.
  await structure.getByText('Jon Ahlberg').waitFor();

  // The company objective, then the team's.
  await root.getByRole('button', { name: 'Teams, periods and KPIs' }).click();
  for (const [title, team] of [
    ['Rain Town Tea is loved', 'Rain Town Tea'],
    ['Tea makers delight every cup', 'Tea makers'],
  ] as const) {
    await root.getByRole('button', { name: 'New objective' }).click();
    const form = root.getByRole('form', { name: 'New objective' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Team').selectOption({ label: team });
    await form.getByLabel('Period').selectOption('2026-Q4');
    await pick(root, form.getByRole('combobox', { name: 'Owner' }), 'mar', /Maria Santos/);
    await form.getByRole('button', { name: 'Create objective' }).click();
    await root.locator('li.h-objective', { hasText: title }).waitFor();
  }
  await boardReady(root);
  const board = await api('getBoard', {});
  const [company, team] = board.teams.flatMap((x) => x.objectives);
  if (!company || !team) throw new Error('two objectives were created');
  expect(company.owner).toBe(people.maria);
  await root.locator(`li[data-objective="${company.id}"] .h-row-meta`).getByText('Maria Santos').waitFor();
  // Not aligned yet: the coach says so.
  expect(await root.locator('.h-coach').textContent()).toContain('aligns to nothing');

  // Three KRs on the team objective: measured by hand, measured by the KPI, effort.
  const teamRow = await expandedObjective(root, team.id);
  const krs: { title: string; fill?: Record<string, string>; kpi?: string; effort?: boolean }[] = [
    { title: 'Repeat buyers from 20% to 30%', fill: { Start: '20', Target: '30', Unit: '%' } },
    { title: 'Cups per day from 320 to 450', fill: { Start: '320', Target: '450' }, kpi: 'Cups sold per day' },
    { title: 'Ship the loyalty card', effort: true },
  ];
  for (const kr of krs) {
    await teamRow.getByRole('button', { name: `Add key result to ${team.id}` }).click();
    const form = root.getByRole('form', { name: `New key result for ${team.id}` });
    await form.getByLabel('Title').fill(kr.title);
    if (kr.effort) await form.getByLabel('Type').selectOption('effort');
    for (const [label, value] of Object.entries(kr.fill ?? {})) await form.getByLabel(label, { exact: true }).fill(value);
    if (kr.kpi) await form.getByLabel('Measured by KPI').selectOption({ label: kr.kpi });
    await form.getByRole('button', { name: 'Create key result' }).click();
    await teamRow.getByRole('status').filter({ hasText: kr.title }).waitFor();
  }
  const withKrs = await api('getBoard', {});
  const krIds = withKrs.teams.flatMap((x) => x.objectives).find((o) => o.id === team.id)?.keyResults ?? [];
  expect(krIds.map((id) => withKrs.keyResults[id]?.title)).toEqual(krs.map((k) => k.title));

  // Align the team objective to the company one, picked from a search, never typed as an id.
  await teamRow.getByRole('button', { name: `Edit objective ${team.id}` }).click();
  const edit = root.getByRole('form', { name: `Edit objective ${team.id}` });
  await pick(root, edit.getByRole('combobox', { name: 'Aligns to' }), 'loved', new RegExp(`${company.id} Rain Town Tea is loved`));
  await edit.getByText(`${company.id} Rain Town Tea is loved`).waitFor();
  await edit.getByRole('button', { name: 'Save objective' }).click();
  await teamRow.getByRole('status').filter({ hasText: `Saved ${team.id}` }).waitFor();
  await boardReady(root);
  expect((await api('getBoard', {})).teams.flatMap((x) => x.objectives).find((o) => o.id === team.id)?.aligns).toBe(company.id);
  expect(await root.locator('.h-coach').textContent()).not.toContain('aligns to nothing');
  return { company: company.id, team: team.id, krs: krIds };
}

/** In an issue panel: link the item to the effort KR and the measured KR, then check in on the latter. */
export async function linkAndCheckIn(root: Root, api: ApiClient, item: string, authored: Authored): Promise<void> {
  const panelReady = () => root.locator('section.h-panel[data-state="ready"]:not([data-reloading])').waitFor();
  await panelReady();
  const panel = root.locator('section.h-panel');
  const [repeat, , loyalty] = authored.krs;
  for (const kr of [loyalty, repeat]) {
    await pick(root, panel.getByRole('combobox', { name: 'Link to a key result' }), kr ?? '', new RegExp(kr ?? ''));
    await panel.getByText(`Linked ${item} to ${kr}.`).waitFor();
    await panelReady();
  }
  await root.locator('.h-card', { hasText: 'Repeat buyers from 20% to 30%' }).getByRole('button', { name: 'Check in' }).click();
  const card = root.getByRole('form', { name: 'Check in on Repeat buyers from 20% to 30%' });
  await card.getByLabel('New value (%)').fill('24');
  await card.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(async () => (await api('getKeyResult', { kr: repeat ?? '' })).checkIns.map((c) => c.value)).toEqual([24]);
}

/**
 * On the board, after linkAndCheckIn: the measured KR's details list the check-in; it is
 * corrected from 24 to 25, and the history says by whom and what it was.
 */
export async function correctCheckInOnBoard(root: Root, api: ApiClient, authored: Authored): Promise<void> {
  await boardReady(root);
  const [repeat] = authored.krs;
  if (!repeat) throw new Error('the journey made three KRs');
  await expandedObjective(root, authored.team);
  const row = root.locator(`li[data-kr="${repeat}"]`);
  await row.getByRole('button', { name: `Details of ${repeat}` }).click();
  const history = row.locator('.h-entry-history');
  const [checkIn] = (await api('getKeyResult', { kr: repeat })).checkIns;
  if (!checkIn?.id) throw new Error('one check-in, with an id');
  await history.locator(`li[data-entry="${checkIn.id}"]`).waitFor();
  await history.getByRole('button', { name: `Correct the ${checkIn.at} value` }).click();
  const form = row.getByRole('form', { name: `Correct the ${checkIn.at} value` });
  await form.getByLabel('Value').fill('25');
  await form.getByRole('button', { name: 'Save' }).click();
  await history.getByRole('status').filter({ hasText: `Corrected the ${checkIn.at} value to 25%.` }).waitFor();
  await history.getByText(`(was 24% on ${checkIn.at})`).waitFor();
  const after = await api('getKeyResult', { kr: repeat });
  expect(after.checkIns.map((c) => c.value)).toEqual([25]);
  expect(after.revisions?.map((r) => [r.action, r.before?.value, r.after?.value])).toEqual([['corrected', 24, 25]]);
}

/** The review, once the host has opened it: the KPI first, the objectives, the corrected value. */
export async function seeReview(root: Root, api: ApiClient, authored: Authored): Promise<void> {
  const review = root.locator('.h-review[data-state="ready"]');
  await review.waitFor();
  expect(await review.locator('h2').allTextContents()).toEqual(['1. KPIs', '2. Objectives', '3. Spotlight', '4. Lints']);
  await review.locator('tr[data-kpi]', { hasText: 'Cups sold per day' }).waitFor();
  const view = await api('getReview', {});
  expect(view.objectives.map((o) => o.id).sort()).toEqual([authored.company, authored.team].sort());
  const team = review.locator(`.h-review-objective[data-objective="${authored.team}"]`);
  await team.waitFor();
  // Owners by name, not id.
  await team.getByText('Maria Santos').first().waitFor();
  expect(await team.textContent()).toContain('Repeat buyers from 20% to 30%');
}
