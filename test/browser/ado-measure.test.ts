// Measured values in the Azure DevOps extension (issue 11 journey, ADO pages): an editor opening
// the OKRs hub measures what is due (there is no back end), a KR's details show the value's age
// and a link to the Azure DevOps query with the WIQL; a KR is made measured with the live
// preview and measured now. The pages come from the built .vsix inside the test host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../ado/helpers/build-extension';
import { DEMO_PLAN_TEXT, startExtensionUnderTest, type ExtensionUnderTest } from './helpers/ado-host/start';
import { launchChromium } from './helpers/browser';

const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const BUGS = "SELECT [System.Id] FROM WorkItems WHERE [System.WorkItemType] = 'Bug'";

let x: ExtensionUnderTest;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [x, browser] = await Promise.all([startExtensionUnderTest(), launchChromium()]);
  await x.api('importPlan', { text: DEMO_PLAN_TEXT, format: 'yaml' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await x?.close();
});

async function openHub(): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(x.host.pageUrl('okr-hub', {}));
  await page.waitForFunction(() => (window as unknown as { adoHost: { state: { ready?: boolean } } }).adoHost.state.ready === true);
  expect(errors).toEqual([]);
  const frame = page.frameLocator('iframe.host-frame');
  await frame.locator('.h-board[data-state="ready"]').waitFor();
  return { page, frame };
}

describe('measured values in the Azure DevOps extension', () => {
  it('an editor opening the hub measures what is due, once an hour, and the KR links to its query', async () => {
    const { page, frame } = await openHub();
    // KR-PLATFORM-POINTS: 26 story points over 8 closed platform stories, read as the viewer.
    await expect.poll(async () => (await x.api('getMeasureRuns', { id: 'KR-PLATFORM-POINTS' }))[0]?.runs[0], { timeout: 15_000 }).toMatchObject({ trigger: 'board', value: 26, matched: 8 });
    const objective = frame.locator('li[data-objective="O-VELOCITY"]');
    await objective.locator('> .h-row').getByRole('button', { expanded: false }).click();
    const row = objective.locator('li[data-kr="KR-PLATFORM-POINTS"]');
    await row.getByRole('button', { name: /Details of KR-PLATFORM-POINTS/ }).click();
    const section = row.locator('[data-measure="KR-PLATFORM-POINTS"]');
    await expect.poll(() => section.locator('[data-measure-age]').textContent()).toMatch(/Value measured (just now|\d+ min ago)/);
    const link = section.getByRole('link', { name: 'open the query in Azure DevOps' });
    expect(await link.getAttribute('href')).toMatch(/\/RainTown\/_queries\/query\/\?wiql=SELECT/);
    await page.close();

    // Opened again within the hour: nothing runs again.
    const again = await openHub();
    await again.frame.locator('li.h-objective').first().waitFor();
    expect((await x.api('getMeasureRuns', { id: 'KR-PLATFORM-POINTS' }))[0]?.runs).toHaveLength(1);
    await again.page.close();
  });

  it('a KR is made measured by WIQL with the live preview, then measured now', async () => {
    const { page, frame } = await openHub();
    const objective = frame.locator('li[data-objective="O-BORING-DEPLOYS"]');
    await objective.locator('> .h-row').getByRole('button', { expanded: false }).click();
    const row = objective.locator('li[data-kr="KR-TEST-PASS"]');
    await row.getByRole('button', { name: /Details of KR-TEST-PASS/ }).click();
    const section = row.locator('[data-measure="KR-TEST-PASS"]');
    await section.getByRole('button', { name: 'Measure by a query' }).click();
    await section.getByLabel('Tracker').selectOption({ label: 'Azure DevOps (WIQL)' });
    await section.getByLabel('WIQL query').fill(BUGS);
    const preview = section.locator('[data-measure-preview]');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/^Matches \d+ work items now/);
    await section.getByRole('button', { name: 'Save the measure' }).click();
    await section.getByRole('button', { name: 'Measure now' }).click();
    await expect.poll(() => section.locator('[data-measure-age]').textContent()).toMatch(/Value measured/);
    await section.getByRole('button', { name: 'Measure now' }).waitFor();
    const [entry] = await x.api('getMeasureRuns', { id: 'KR-TEST-PASS' });
    expect(entry?.runs[0]).toMatchObject({ trigger: 'viewer', query: BUGS });
    const matched = entry?.runs[0]?.matched;
    expect(entry?.runs[0]?.value).toBe(matched);
    // The row shows the measured value as the KR's current one.
    await expect.poll(() => row.locator('> .h-row').textContent()).toContain(`now ${matched}%`);
    await page.screenshot({ path: join(SHOTS, 'ado-measure-hub-light.png') });
    await page.close();
  });
});
