// Issue 10 §1 on a host: the same authoring journey (helpers/authoring-journey.ts) inside the
// Forge Custom UI, in the Jira-like host (real @forge/bridge, the app's resources under a CSP):
// the global page's board from an EMPTY plan, then the issue panel of an epic to link it and
// check in; back on the board, correct the check-in and open the Review tab. Screenshots of the board's forms in the frame, light and dark.
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorOnBoard, correctCheckInOnBoard, expandedObjective, linkAndCheckIn, seeReview } from './helpers/authoring-journey';
import { launchChromium } from './helpers/browser';
import { ensureForgeBuilt, type ForgeSurface } from './helpers/build-forge';
import { ROOT } from './helpers/build-ui';
import { startForgeHost, type ForgeHost } from './helpers/forge-host';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

let t: TestWorkbench;
let browser: Browser;
const hosts: ForgeHost[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium(), ensureForgeBuilt()]);
  await t.api('importPlan', { text: 'okr: 1\n', format: 'yaml' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(hosts.map((h) => h.close()));
  await t?.close();
});

async function open(surface: ForgeSurface, moduleKey: string, extension: Record<string, unknown>, width: number, colorMode: 'light' | 'dark' = 'light'): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const host = await startForgeHost({ surface, appUrl: t.url, extension, moduleKey, title: 'Harmony', colorMode });
  hosts.push(host);
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('#forge-frame')).contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  await frame.waitForURL(`${host.resourceOrigin}/index.html`);
  return { page, frame, errors };
}

describe('authoring in the Forge Custom UI (Jira global page and issue panel)', () => {
  it('builds a plan from empty on the global page board, links an epic and checks in from its panel, corrects it, sees the review', async () => {
    const board = await open('board', 'harmony-board', { type: 'jira:globalPage' }, 1440);
    const authored = await authorOnBoard(board.frame, board.page.keyboard, t.api);
    expect(board.errors).toEqual([]);
    await board.page.close();

    const panel = await open('panel', 'harmony-okr-panel', { type: 'jira:issuePanel', issue: { key: 'CS-40', id: '10040', type: 'Epic' }, project: { id: '10000', key: 'CS', type: 'software' }, isNewToIssue: false }, 1000);
    await linkAndCheckIn(panel.frame, t.api, 'jira:CS-40', authored);
    expect(panel.errors).toEqual([]);
    await panel.page.close();

    // Back on the global page: correct the check-in from the KR's details, then the Review tab.
    const again = await open('board', 'harmony-board', { type: 'jira:globalPage' }, 1440);
    await correctCheckInOnBoard(again.frame, t.api, authored);
    await again.frame.getByRole('tab', { name: 'Review' }).click();
    await seeReview(again.frame, t.api, authored);
    expect(again.errors).toEqual([]);
    await again.page.close();
  }, 180_000);

  it('shows the board with an open form at 400 px and 1440 px, light and dark', async () => {
    for (const [width, mode] of [
      [400, 'light'],
      [1440, 'dark'],
    ] as const) {
      const { page, frame } = await open('board', 'harmony-board', { type: 'jira:globalPage' }, width, mode);
      await frame.locator('.h-board[data-state="ready"]:not([data-reloading])').waitFor();
      const objective = (await t.api('getBoard', {})).teams.flatMap((x) => x.objectives)[1];
      await (await expandedObjective(frame, objective?.id ?? '')).getByRole('button', { name: `Edit objective ${objective?.id ?? ''}` }).click();
      await frame.getByRole('form', { name: `Edit objective ${objective?.id ?? ''}` }).waitFor();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `forge-authoring-${width}-${mode}.png`), fullPage: true });
      await page.close();
    }
  }, 90_000);
});
