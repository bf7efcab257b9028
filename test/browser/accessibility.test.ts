// Accessibility checks on every surface in its richest state: every control has an accessible
// name, every progress bar says its value in words, and every control can be reached with Tab.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { boardSettled, panelSettled } from './helpers/dom';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
  await t.api('linkWorkItem', { kr: 'KR-FCR', ref: 'jira:CS-42' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const NAMED_ROLES = 'button|textbox|searchbox|combobox|listbox|link|progressbar|img|checkbox|radio|slider|spinbutton';

/** Controls in the accessibility tree that have no name (`- button` instead of `- button "Name"`). */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => new RegExp(`^\\s*- (${NAMED_ROLES})(:|$| \\[)`).test(line));
}

/** Visible, enabled controls that Tab never reaches. */
async function unreachableByTab(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (el) => el.offsetParent !== null && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0,
    );
    controls.forEach((el, i) => el.setAttribute('data-a11y-id', String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const reached = new Set<string>();
  for (let i = 0; i < count + 5; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-a11y-id') ?? null);
    if (id !== null) reached.add(id);
  }
  return page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-a11y-id]')]
        .filter((el) => !seen.includes(el.getAttribute('data-a11y-id') ?? ''))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
    [...reached],
  );
}

async function check(page: Page): Promise<void> {
  expect(await unnamedControls(page)).toEqual([]);
  const bars = await page.getByRole('progressbar').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuetext') ?? ''));
  expect(bars.filter((text) => !/^\d+%/.test(text))).toEqual([]);
  expect(await unreachableByTab(page)).toEqual([]);
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${t.url}${path}`);
  return page;
}

describe('accessibility of every surface', () => {
  it('start page', async () => {
    const page = await open('/');
    await page.locator('table.wb-demo').waitFor();
    await check(page);
    await page.close();
  });

  it('Jira issue panel with the explanation and the check-in form open', async () => {
    const page = await open('/jira/browse/CS-42');
    const panel = await panelSettled(page);
    await panel.locator('article[data-kr="KR-FCR"]').getByRole('button', { name: 'Check in' }).click();
    await panel.locator('summary').first().click();
    await check(page);
    await page.close();
  });

  it('ADO work item form group', async () => {
    const page = await open('/ado/workitem/101');
    await panelSettled(page);
    await check(page);
    await page.close();
  });

  it('board with an objective and a KR’s items open', async () => {
    const page = await open('/board');
    await boardSettled(page);
    const objective = page.locator('li[data-objective="O-LOYAL"]');
    await objective.locator('> .h-row button').first().click();
    await objective.getByRole('button', { name: /Contributing items of KR-CRM/ }).click();
    await page.locator('[data-kr-details="KR-CRM"] table.h-table').waitFor();
    await check(page);
    await page.close();
  });

  it('KPI readout with the focus form open', async () => {
    const page = await open('/kpis');
    await page.locator('.h-kpis[data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Focus as a KR' }).first().click();
    await check(page);
    await page.close();
  });
});
