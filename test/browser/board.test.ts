// Journey (c): browse the alignment board, filter by team, open a KR's contributing items; and
// linking a key that does not exist or that the viewer may not see is refused inline.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentNumber } from '../../src/ui/format/numbers';
import { launchChromium } from './helpers/browser';
import { boardSettled, progressOf } from './helpers/dom';
import { readyAfterNavigation, recordTiming } from './helpers/timings';
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

async function openBoard(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${t.url}/board${query}`);
  return page;
}

const shownObjectives = (page: Page) => page.locator('li.h-objective').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')));
const shownTeams = (page: Page) => page.locator('li.h-team').evaluateAll((els) => els.map((e) => e.getAttribute('data-team')));

describe('alignment board (journey c)', () => {
  it('shows every team and objective with the progress the API computes, and the coach', async () => {
    const page = await openBoard();
    recordTiming('board ready after navigation (demo organisation)', await readyAfterNavigation(page, 'board'));
    await boardSettled(page);
    const view = await t.api('getBoard', {});
    expect(await shownTeams(page)).toEqual(view.teams.map((team) => team.id));
    expect(await shownObjectives(page)).toEqual(view.teams.flatMap((team) => team.objectives.map((o) => o.id)));
    for (const objective of view.teams.flatMap((team) => team.objectives)) {
      const bar = await progressOf(page.locator(`li[data-objective="${objective.id}"] > .h-row`).getByRole('progressbar'));
      expect(bar.now).toBe(percentNumber(objective.progress));
    }
    const coach = page.locator('.h-coach');
    const coachText = (await coach.textContent()) ?? '';
    // What the core writes in backticks shows as code, never as raw backticks.
    for (const lint of view.lints.filter((l) => l.severity !== 'info')) expect(coachText).toContain(lint.message.replaceAll('`', ''));
    expect(coachText).not.toContain('`');
    const quoted = view.lints.flatMap((l) => [...l.message.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(quoted.length).toBeGreaterThan(0);
    expect(await coach.locator('code').allTextContents()).toEqual(expect.arrayContaining(quoted));
    await page.close();
  });

  it('filters by team, opens an objective and a KR’s contributing items', async () => {
    const page = await openBoard();
    await boardSettled(page);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Customer Success' });
    await page.waitForURL(/team=cs/);
    await boardSettled(page);
    const filtered = await t.api('getBoard', { team: 'cs' });
    const expectedObjectives = filtered.teams.flatMap((team) => team.objectives.map((o) => o.id));
    expect(expectedObjectives.length).toBeGreaterThan(0);
    await expect.poll(() => shownObjectives(page)).toEqual(expectedObjectives);
    expect(await shownTeams(page)).toEqual(filtered.teams.map((team) => team.id));

    const objective = filtered.teams.flatMap((team) => team.objectives).find((o) => o.keyResults.some((k) => filtered.keyResults[k]?.type === 'effort'));
    if (!objective) throw new Error('the demo has an effort KR under Customer Success');
    const kr = objective.keyResults.map((k) => filtered.keyResults[k]).find((k) => k?.type === 'effort');
    if (!kr || kr.type !== 'effort') throw new Error('unreachable');
    const row = page.locator(`li[data-objective="${objective.id}"]`);
    const toggle = row.locator('> .h-row').getByRole('button', { expanded: false });
    await toggle.click();
    expect(await row.locator('> .h-row').getByRole('button').first().getAttribute('aria-expanded')).toBe('true');

    const krRow = row.locator(`li[data-kr="${kr.id}"]`);
    await krRow.getByRole('button', { name: new RegExp(`Contributing items of ${kr.id}`) }).click();
    const details = krRow.locator(`[data-kr-details="${kr.id}"]`);
    await details.waitFor();
    const detail = await t.api('getKeyResult', { kr: kr.id });
    if (detail.kr.type !== 'effort') throw new Error('unreachable');
    const refs = await details.locator('table.h-table tbody tr td:first-child').allTextContents();
    expect(refs).toEqual(detail.kr.explanation.units.map((u) => u.ref));
    const counted = await details.locator('table.h-table tbody tr td:last-child').allTextContents();
    expect(counted.map((c) => c.startsWith('Done'))).toEqual(detail.kr.explanation.units.map((u) => u.done));
    // Each contributing item opens in its tracker's frame.
    const first = detail.kr.explanation.units[0];
    if (first) expect(await details.getByRole('link', { name: first.ref }).getAttribute('href')).toMatch(/^\/(jira\/browse|ado\/workitem)\//);
    expect(await details.locator('svg.h-burnup, .h-chart').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('refuses a key that does not exist, one the viewer may not see, and gibberish, inline; nothing changes', async () => {
    const page = await openBoard('?text=save%20flow');
    await boardSettled(page);
    const before = await t.api('getKeyResult', { kr: 'KR-SAVE-FLOW' });
    const row = page.locator(`li[data-objective="${before.objective.id}"]`);
    await row.locator('> .h-row').getByRole('button').first().click();
    const krRow = page.locator('li[data-kr="KR-SAVE-FLOW"]');
    await krRow.getByRole('button', { name: /Contributing items of KR-SAVE-FLOW/ }).click();
    const linker = krRow.locator('form.h-linker');
    const input = linker.getByRole('combobox', { name: 'Link a work item to KR-SAVE-FLOW' });

    for (const [typed, message] of [
      ['CS-999', /does not exist|cannot see|not found|unknown/i],
      ['SEC-1', /does not exist|cannot see|not found|unknown/i],
      ['not a key!', /not a Jira key/],
    ] as const) {
      await input.fill(typed);
      await input.press('Escape');
      await linker.getByRole('button', { name: 'Link' }).click();
      const alert = linker.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(message);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
    }
    const after = await t.api('getKeyResult', { kr: 'KR-SAVE-FLOW' });
    expect(after.kr.links).toEqual(before.kr.links);
    expect(after.kr.progress).toBe(before.kr.progress);
    expect(await page.locator('body').textContent()).not.toContain('Penetration test');
    await page.close();
  });
});
