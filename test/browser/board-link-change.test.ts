// Linking from the board says before and after too (issue 10 §5): the KR details' linker adds
// an undone story to KR-CRM, whose share done drops, and the notice says by how much and why.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyResultChange } from '../../src/ui/format/progress-change';
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

describe('linking from the board', () => {
  it('says the KR’s progress before and after, with the units and the reason', async () => {
    const before = await t.api('getKeyResult', { kr: 'KR-CRM' });
    expect(before.kr).toMatchObject({ type: 'effort', units: { done: 4, total: 7 } });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${t.url}/board`);
    await boardSettled(page);
    await page.locator(`li[data-objective="${before.objective.id}"]`).locator('> .h-row').getByRole('button').first().click();
    const krRow = page.locator('li[data-kr="KR-CRM"]');
    await krRow.getByRole('button', { name: /Contributing items of KR-CRM/ }).click();
    const linker = krRow.locator('form.h-linker');
    const input = linker.getByRole('combobox', { name: 'Link a work item to KR-CRM' });
    await input.fill('CS-42');
    await input.press('Escape');
    await linker.getByRole('button', { name: 'Link' }).click();
    const notice = linker.locator('p.h-notice[role="status"]');
    await notice.waitFor();
    const after = await t.api('getKeyResult', { kr: 'KR-CRM' });
    expect(after.kr).toMatchObject({ units: { done: 4, total: 8 } });
    expect(await notice.textContent()).toBe(`Linked jira:CS-42. ${keyResultChange(before.kr, after.kr)}`);
    expect(await notice.textContent()).toContain('57% → 50% done (4 of 7 → 4 of 8 units): the new work adds to its scope');
    await page.close();
  });
});
