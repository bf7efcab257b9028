// Issue 10's journey in the Azure DevOps OKRs hub (the built .vsix in the test host that plays the
// ADO frame), with the steps the workbench and Forge journeys share (helpers/authoring-journey.ts):
// from an EMPTY plan, a team, a period, an objective with three KRs and a KPI, an alignment
// picked from a search, owners picked from the organization's identities; then work item 400
// linked and checked in on from its form, the check-in corrected on the hub's board, and the
// Review tab. Screenshots at 400 and 1440 px, light and dark, go to docs/screenshots with
// UPDATE_SCREENSHOTS=1 (else test-results/screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../ado/helpers/build-extension';
import { authorOnBoard, boardReady, correctCheckInOnBoard, expandedObjective, linkAndCheckIn, seeReview, type Authored } from './helpers/authoring-journey';
import { startExtensionUnderTest, type ExtensionUnderTest } from './helpers/ado-host/start';
import { launchChromium } from './helpers/browser';

const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
// On Azure DevOps an owner is the identity's sign-in address (src/ado/host/ado-people.ts).
const MARIA = 'maria@raintown.example';

let x: ExtensionUnderTest;
let browser: Browser;
let authored: Authored | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [x, browser] = await Promise.all([startExtensionUnderTest(), launchChromium()]);
  await x.api('importPlan', { text: 'okr: 1\n', format: 'yaml' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await x?.close();
});

async function open(contribution: string, width: number, options: { theme?: 'dark'; workItem?: number } = {}): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(x.host.pageUrl(contribution, options));
  await page.waitForFunction(() => (window as unknown as { adoHost: { state: { ready?: boolean } } }).adoHost.state.ready === true);
  const frame = page.frames().find((f) => f.url().startsWith(x.host.extensionOrigin));
  if (!frame) throw new Error('the extension frame is not there');
  return { page, frame, errors };
}

const sideways = (frame: Frame) => frame.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

describe('the OKR cycle in the Azure DevOps hub (issue 10)', () => {
  it('authors from empty, links and checks in on a work item, corrects the check-in, sees the review', async () => {
    const hub = await open('okr-hub', 1440);
    authored = await authorOnBoard(hub.frame, hub.page.keyboard, x.api, { maria: MARIA });
    expect(hub.errors).toEqual([]);
    await hub.page.close();

    const form = await open('okr-work-item-group', 1000, { workItem: 400 });
    await linkAndCheckIn(form.frame, x.api, 'ado:400', authored);
    expect(form.errors).toEqual([]);
    await form.page.close();

    const again = await open('okr-hub', 1440);
    await correctCheckInOnBoard(again.frame, x.api, authored);
    await again.frame.getByRole('tab', { name: 'Review' }).click();
    await seeReview(again.frame, x.api, authored);
    expect(again.errors).toEqual([]);
    await again.page.close();
  }, 240_000);

  it('lays the board and the review out at 400 px and 1440 px, light and dark', async () => {
    if (!authored) throw new Error('the journey above ran first');
    for (const width of [400, 1440]) {
      for (const theme of ['light', 'dark'] as const) {
        const { page, frame, errors } = await open('okr-hub', width, theme === 'dark' ? { theme } : {});
        await boardReady(frame);
        await expandedObjective(frame, authored.team);
        expect(await sideways(frame)).toBeLessThanOrEqual(0);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(SHOTS, `ado-journey-board-${String(width)}-${theme}.png`), fullPage: true });
        await frame.getByRole('tab', { name: 'Review' }).click();
        await frame.locator('.h-review[data-state="ready"]').waitFor();
        expect(await sideways(frame)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `ado-journey-review-${String(width)}-${theme}.png`), fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  }, 180_000);
});
