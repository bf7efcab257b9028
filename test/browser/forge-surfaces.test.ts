// The other built Forge surfaces in the Jira-like host: the dashboard gadget's edit view hands its
// configuration to Jira with view.submit and its view shows what was configured; the project
// page's board is filtered to the project's team, and a link to an issue moves Jira (the bridge
// router), not the frame.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { ensureForgeBuilt, type ForgeSurface } from './helpers/build-forge';
import { startForgeHost, type ForgeHost } from './helpers/forge-host';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

let t: TestWorkbench;
let browser: Browser;
const hosts: ForgeHost[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium(), ensureForgeBuilt()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(hosts.map((h) => h.close()));
  await t?.close();
});

async function open(surface: ForgeSurface, moduleKey: string, extension: Record<string, unknown>): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const host = await startForgeHost({ surface, appUrl: t.url, extension, moduleKey, title: 'Dashboard' });
  hosts.push(host);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('#forge-frame')).contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  await frame.waitForURL(`${host.resourceOrigin}/index.html`);
  return { page, frame, errors };
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __forgeCalls: { type: string; payload: unknown }[] }).__forgeCalls);
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);

describe('Forge dashboard gadget', () => {
  it('edit view: submits the team and what to show to Jira', async () => {
    const { page, frame, errors } = await open('gadget', 'harmony-gadget', { type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: {} });
    const team = frame.getByLabel('Team');
    await frame.locator('option[value="cs"]').waitFor({ state: 'attached' });
    await team.selectOption('cs');
    await frame.getByLabel('Objective progress').uncheck();
    await frame.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => (window as unknown as { __forgeCalls: { type: string }[] }).__forgeCalls.some((c) => c.type === 'submit'));
    expect((await calls(page)).filter((c) => c.type === 'submit').map((c) => c.payload)).toEqual([{ team: 'cs', show: { kpis: true, objectives: false } }]);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edit view: refuses to show nothing', async () => {
    const { page, frame } = await open('gadget', 'harmony-gadget', { type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: {} });
    await frame.getByLabel('KPI health').uncheck();
    await frame.getByLabel('Objective progress').uncheck();
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByText('Choose at least one thing to show.').waitFor();
    expect((await calls(page)).some((c) => c.type === 'submit')).toBe(false);
    await page.close();
  });

  it('view: shows the configured team’s KPI health and no board when objectives are off', async () => {
    const { page, frame, errors } = await open('gadget', 'harmony-gadget', {
      type: 'jira:dashboardGadget',
      gadgetConfiguration: { team: 'cs', show: { kpis: true, objectives: false } },
    });
    await frame.locator('.h-kpis[data-state="ready"]').waitFor();
    const expected = await t.api('getKpis', { team: 'cs' });
    expect(await frame.locator('.h-kpis').textContent()).toContain(`${expected.kpis.length} KPI`);
    expect(await frame.locator('.h-board').count()).toBe(0);
    expect((await calls(page)).find((c) => c.type === 'invoke')?.payload).toMatchObject({ functionKey: 'getKpis', payload: { team: 'cs' } });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Forge project page board', () => {
  it("shows the project's team and routes an issue link through Jira's router", async () => {
    const { page, frame, errors } = await open('board', 'harmony-project-board', { type: 'jira:projectPage', project: { id: '10000', key: 'CS', type: 'software' } });
    const board = frame.locator('.h-board[data-state="ready"]:not([data-reloading])');
    await board.waitFor();
    const expected = await t.api('getBoard', { team: 'cs' });
    const shown = await board.locator('li[data-objective]').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')));
    expect(shown.sort()).toEqual(expected.teams.flatMap((team) => team.objectives.map((o) => o.id)).sort());
    expect(await frame.getByLabel('Team', { exact: true }).inputValue()).toBe('cs');

    // KR-SAVE-FLOW (team cs) counts the work under epic CS-20: its units link to their issues.
    const detail = await t.api('getKeyResult', { kr: 'KR-SAVE-FLOW' });
    await board.locator(`li[data-objective="${detail.objective.id}"] > .h-row button`).first().click();
    await frame.getByRole('button', { name: /Contributing items of KR-SAVE-FLOW/ }).click();
    const unit = frame.locator('[data-kr-details="KR-SAVE-FLOW"] a.h-ref').first();
    const key = ((await unit.textContent()) ?? '').replace(/^jira:/, '');
    expect(key).toMatch(/^CS-\d+$/);
    await unit.click();
    await page.waitForFunction(() => (window as unknown as { __forgeCalls: { type: string }[] }).__forgeCalls.some((c) => c.type === 'navigate'));
    expect((await calls(page)).filter((c) => c.type === 'navigate').map((c) => c.payload)).toEqual([{ url: `/browse/${key}`, type: 'same-tab' }]);
    // The frame itself did not move.
    expect(frame.url()).toMatch(/\/index\.html$/);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// Review page (issue 10 §3): the global page's second tab, loaded when opened.
describe('Forge global page review', () => {
  it('shows the review the app computes behind the Review tab, with no CSP violation', async () => {
    const { page, frame, errors } = await open('board', 'harmony-board', { type: 'jira:globalPage' });
    await frame.locator('.h-board[data-state="ready"]').waitFor();
    await frame.getByRole('tab', { name: 'Review' }).click();
    await frame.locator('.h-review[data-state="ready"]').waitFor();
    const expected = await t.api('getReview', {});
    const shown = await frame.locator('.h-review-objective').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')));
    expect(shown).toEqual(expected.objectives.map((o) => o.id));
    expect(await frame.locator('tr[data-kpi]').count()).toBe(expected.kpis.length);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens on the project's team on a project page, or on every team with a word of why", async () => {
    const cs = await open('board', 'harmony-project-board', { type: 'jira:projectPage', project: { id: '10000', key: 'CS', type: 'software' } });
    await cs.frame.getByRole('tab', { name: 'Review' }).click();
    await cs.frame.locator('.h-review[data-state="ready"]').waitFor();
    const expected = await t.api('getReview', { team: 'cs' });
    expect(await cs.frame.locator('.h-review-objective').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')))).toEqual(expected.objectives.map((o) => o.id));
    expect(await cs.frame.getByLabel('Team', { exact: true }).inputValue()).toBe('cs');
    expect(cs.errors).toEqual([]);
    await cs.page.close();

    const other = await open('board', 'harmony-project-board', { type: 'jira:projectPage', project: { id: '10009', key: 'MKT', type: 'software' } });
    await other.frame.getByRole('tab', { name: 'Review' }).click();
    await other.frame.getByRole('status').filter({ hasText: 'No team has the id “mkt”' }).waitFor();
    await other.frame.locator('.h-review[data-state="ready"]').waitFor();
    const all = await t.api('getReview', {});
    expect(await other.frame.locator('.h-review-objective').count()).toBe(all.objectives.length);
    expect(other.errors).toEqual([]);
    await other.page.close();
  });
});
