// Issue 8 on the Azure DevOps extension, in Chromium inside the test host that plays the Azure
// DevOps frame: the roles come from Azure DevOps' security service as the viewer (the host
// answers the Has Permissions API as a project administrator, a contributor or a reader), the
// pages hide what the viewer's role does not allow, and the extension's own code refuses it.
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_TEXT, startExtensionUnderTest, type ExtensionUnderTest } from './helpers/ado-host/start';
import { launchChromium } from './helpers/browser';

let x: ExtensionUnderTest;
let browser: Browser;

beforeAll(async () => {
  [x, browser] = await Promise.all([startExtensionUnderTest(), launchChromium()]);
  await x.api('importPlan', { text: DEMO_PLAN_TEXT, format: 'yaml' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await x?.close();
});

async function open(contribution: string): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(x.host.pageUrl(contribution));
  await page.waitForFunction(() => (window as unknown as { adoHost: { state: { ready?: boolean } } }).adoHost.state.ready === true);
  return { page, frame: page.frameLocator('iframe.host-frame') };
}

describe('Azure DevOps roles in the pages', () => {
  it('a contributor sees no plan import, and the security service was asked as the viewer', async () => {
    x.host.roles = { admin: false, editor: true };
    x.host.security.length = 0;
    const { page, frame } = await open('okr-plan-hub');
    await frame.getByText('Only project administrators may import a plan file.').waitFor();
    expect(await frame.getByRole('button', { name: 'Import', exact: true }).isVisible()).toBe(false);
    await frame.getByRole('button', { name: 'Export YAML' }).waitFor();
    expect(x.host.security.some((r) => r.path.includes('/_apis/permissions/52d39943-cb85-4d7f-8fa8-c6baac873819/2'))).toBe(true);
    await page.close();
  });

  it('the positive control: a project administrator sees the import and it goes through', async () => {
    x.host.roles = { admin: true, editor: true };
    const { page, frame } = await open('okr-plan-hub');
    await frame.getByRole('textbox', { name: 'Or paste it here' }).fill(DEMO_PLAN_TEXT);
    await frame.getByRole('button', { name: 'Import', exact: true }).click();
    await frame.getByRole('status').filter({ hasText: /^Imported/ }).waitFor();
    await page.close();
  });
});
