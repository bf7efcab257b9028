// Measured values in the built Forge Custom UI (the board resource) inside the Jira-like host
// (issue 11 journey, Forge): define a measured KR with the live preview, measure now, see the
// value and its age, with a link to Jira's issue navigator for the JQL. The host answers
// `invoke` with the workbench's app, so the query runs against the emulated Jira as the viewer.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { ensureForgeBuilt } from './helpers/build-forge';
import { startForgeHost, type ForgeHost } from './helpers/forge-host';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const P1_OPEN = 'project = CS AND type = Bug AND priority = Highest AND statusCategory != Done';

let t: TestWorkbench;
let browser: Browser;
let host: ForgeHost | undefined;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium(), ensureForgeBuilt()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await t?.close();
});

async function openBoard(): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  host = await startForgeHost({ surface: 'board', appUrl: t.url, extension: { type: 'jira:globalPage' }, moduleKey: 'harmony-board', title: 'OKR alignment board' });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('#forge-frame')).contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  await frame.waitForURL(`${host.resourceOrigin}/index.html`);
  return { page, frame, errors };
}

describe('a measured KR in the Forge board', () => {
  it('is defined with the preview, measured now, and links to its JQL in the issue navigator', async () => {
    const { page, frame, errors } = await openBoard();
    const board = frame.locator('.h-board[data-state="ready"]:not([data-reloading])');
    await board.waitFor();
    await board.locator('li[data-objective="O-WINBACK"] > .h-row button').first().click();
    const row = frame.locator('li[data-kr="KR-FCR"]');
    await row.getByRole('button', { name: /Details of KR-FCR/ }).click();
    const section = row.locator('[data-measure="KR-FCR"]');
    await section.getByRole('button', { name: 'Measure by a query' }).click();
    await section.getByLabel('JQL query').fill(P1_OPEN);
    const preview = section.locator('[data-measure-preview]');
    // CS-60 is the one open P1 maria may browse (SEC-3 is not hers to count).
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/^Matches 1 issue now/);
    await section.getByRole('button', { name: 'Save the measure' }).click();
    await section.getByRole('button', { name: 'Measure now' }).click();
    await expect.poll(() => section.locator('[data-measure-age]').textContent()).toMatch(/Value measured/);
    await section.getByRole('button', { name: 'Measure now' }).waitFor();
    expect(await section.getByRole('link', { name: 'open the query in Jira' }).getAttribute('href')).toContain(`/issues/?jql=${encodeURIComponent(P1_OPEN)}`);
    expect(await t.api('getKeyResult', { kr: 'KR-FCR' })).toMatchObject({ kr: { current: 1 } });
    expect(errors).toEqual([]);
    await page.close();
  });
});
