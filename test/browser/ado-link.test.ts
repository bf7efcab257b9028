// Journey (b): on the Azure DevOps work item form, link the open work item to a KR and see the
// KR's progress change to what the app API now computes.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentNumber } from '../../src/ui/format/numbers';
import { launchChromium } from './helpers/browser';
import { panelSettled, progressOf } from './helpers/dom';
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

describe('ADO work item form group (journey b)', () => {
  it('links work item 400 to KR-SUCCESS-PLANS and shows the KR progress change', async () => {
    const before = await t.api('getKeyResult', { kr: 'KR-SUCCESS-PLANS' });
    if (before.kr.type !== 'effort') throw new Error('KR-SUCCESS-PLANS is an effort KR in the demo');
    expect(before.kr.links).not.toContain('ado:400');

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/ado/workitem/400`);
    recordTiming('panel ready after navigation, first load (ADO frame, ado:400)', await readyAfterNavigation(page, 'panel'));
    const panel = await panelSettled(page);
    expect(await page.locator('.h-root.h-theme-ado').count()).toBe(1);
    expect(await page.locator('.af-title').textContent()).toContain('Customer health dashboard');
    expect(await panel.locator('article').count()).toBe(0);

    await panel.getByRole('combobox', { name: 'Link to a key result' }).fill('health');
    await page.getByRole('option', { name: /KR-SUCCESS-PLANS/ }).click();
    const card = panel.locator('article[data-kr="KR-SUCCESS-PLANS"]');
    await card.waitFor();
    await panelSettled(page);

    const after = await t.api('getKeyResult', { kr: 'KR-SUCCESS-PLANS' });
    if (after.kr.type !== 'effort') throw new Error('unreachable');
    expect(after.kr.links).toContain('ado:400');
    // ado:400 brings its stories into the scope: the scope grows and progress moves.
    expect(after.kr.units.total).toBeGreaterThan(before.kr.units.total);
    expect(after.kr.explanation.units.map((u) => u.ref)).toEqual(expect.arrayContaining(['ado:401', 'ado:402', 'ado:403']));
    expect(after.kr.progress).not.toBe(before.kr.progress);

    const bar = await progressOf(card.getByRole('progressbar', { name: 'KR-SUCCESS-PLANS progress' }));
    expect(bar.now).toBe(percentNumber(after.kr.progress));
    expect(bar.text).toContain(`${after.kr.units.done} of ${after.kr.units.total} units done`);
    const contribution = (await t.api('getPanel', { ref: 'ado:400' })).keyResults[0]?.contribution;
    expect(await card.textContent()).toContain(`This item contributes ${contribution?.done} of ${contribution?.total}`);
    expect(await panel.getByRole('status').first().textContent()).toContain('Linked ado:400 to KR-SUCCESS-PLANS');
    await page.close();
  });

  it('a child of a linked item shows the KR through its parent on its own form', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/ado/workitem/401`);
    const panel = await panelSettled(page);
    expect(await panel.locator('article[data-kr="KR-SUCCESS-PLANS"]').textContent()).toContain('Linked through ado:400');
    await page.close();
  });
});
