// The Azure DevOps extension in Chromium, inside a test host that plays the Azure DevOps frame
// (helpers/ado-host): the pages come from the built .vsix on their own origin, the SDK's handshake
// and host services are answered over Microsoft's XDM channel, extension data lives in the
// documented Extension Data Service fake, and work items come from the ADO emulator through the
// SDK's REST client. The same journey as on the workbench passes: open a work item, link it to a
// key result, see the progress change. Screenshots go to docs/screenshots with
// UPDATE_SCREENSHOTS=1 (else test-results/screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyResultReport } from '../../src/core/report/types';
import { percentNumber } from '../../src/ui/format/numbers';
import { ROOT } from '../ado/helpers/build-extension';
import { adoContract } from '../workbench/emulators/ado/http';
import { DARK_THEME } from './helpers/ado-host/themes';
import { DEMO_PLAN_TEXT, startExtensionUnderTest, type ExtensionUnderTest } from './helpers/ado-host/start';
import { launchChromium } from './helpers/browser';
import { progressOf } from './helpers/dom';
import { recordTiming } from './helpers/timings';

const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

let x: ExtensionUnderTest;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [x, browser] = await Promise.all([startExtensionUnderTest(), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await x?.close();
});

interface Opened {
  page: Page;
  frame: FrameLocator;
  /** The extension's document, for evaluating inside it. */
  doc: () => Frame;
}

async function open(contribution: string, options: Parameters<ExtensionUnderTest['host']['pageUrl']>[1] = {}, viewport = { width: 1400, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(x.host.pageUrl(contribution, options));
  // The page told the host it loaded (SDK.notifyLoadSucceeded), and did not fail.
  await page.waitForFunction(() => (window as unknown as { adoHost: { state: { ready?: boolean } } }).adoHost.state.ready === true);
  const state = await page.evaluate(() => (window as unknown as { adoHost: { state: { loaded: boolean; loadFailed?: string } } }).adoHost.state);
  expect(state.loadFailed).toBeUndefined();
  expect(state.loaded).toBe(true);
  expect(errors).toEqual([]);
  const doc = () => {
    const frame = page.frames().find((f) => f.url().startsWith(x.host.extensionOrigin));
    if (!frame) throw new Error('the extension frame is not there');
    return frame;
  };
  return { page, frame: page.frameLocator('iframe.host-frame'), doc };
}

async function panelSettled(frame: FrameLocator): Promise<Locator> {
  const panel = frame.locator('section.h-panel[data-state="ready"]:not([data-reloading])');
  await panel.waitFor();
  return panel;
}

function effort(kr: KeyResultReport): Extract<KeyResultReport, { type: 'effort' }> {
  if (kr.type !== 'effort') throw new Error(`${kr.id} is not an effort KR`);
  return kr;
}

/** Runs a host-side call in the test host page. */
function hostCall<T>(page: Page, script: string): Promise<T> {
  return page.evaluate<T>(`(async () => { const h = window.adoHost; return ${script}; })()`);
}

describe('Azure DevOps extension in a host that plays the ADO frame', () => {
  it('the plan hub: an admin imports the organization plan file (YAML), stored in the Extension Data Service', async () => {
    const { page, frame } = await open('okr-plan-hub');
    await frame.getByRole('textbox', { name: 'Or paste it here' }).fill(DEMO_PLAN_TEXT);
    await frame.getByRole('button', { name: 'Import' }).click();
    const status = frame.getByRole('status');
    await status.waitFor();
    const board = await x.api('getBoard', {});
    const objectives = board.teams.flatMap((t) => t.objectives);
    expect(objectives.length).toBeGreaterThan(3);
    expect(await status.textContent()).toContain(`Imported ${objectives.length} objectives`);
    // Stored as many small documents in the extension's own collections.
    const collections = Object.keys(x.data.dump());
    expect(collections.length).toBeGreaterThan(5);
    expect(collections.every((c) => c.startsWith('okr-'))).toBe(true);
    // Export gives the plan back.
    await frame.getByRole('button', { name: 'Export YAML' }).click();
    const exported = frame.getByRole('textbox', { name: 'Exported plan (YAML)' });
    await exported.waitFor();
    expect(await exported.inputValue()).toContain('KR-SUCCESS-PLANS');
    await page.close();
  });

  it('the work item form group: links work item 400 to KR-SUCCESS-PLANS and shows the KR progress change', async () => {
    const before = effort((await x.api('getKeyResult', { kr: 'KR-SUCCESS-PLANS' })).kr);
    expect(before.links).not.toContain('ado:400');

    const { page, frame, doc } = await open('okr-work-item-group', { workItem: 400 });
    const panel = await panelSettled(frame);
    const ready = await doc().evaluate(() => performance.getEntriesByName('harmony:panel-ready')[0]?.startTime);
    if (ready !== undefined) recordTiming('ADO extension: form group panel ready after frame navigation (ado:400)', ready);
    expect(await frame.locator('.h-root.h-theme-ado').count()).toBe(1);
    expect(await panel.locator('article').count()).toBe(0);

    await panel.getByRole('combobox', { name: 'Link to a key result' }).fill('health');
    await frame.getByRole('option', { name: /KR-SUCCESS-PLANS/ }).click();
    const card = panel.locator('article[data-kr="KR-SUCCESS-PLANS"]');
    await card.waitFor();
    await panelSettled(frame);

    const after = effort((await x.api('getKeyResult', { kr: 'KR-SUCCESS-PLANS' })).kr);
    expect(after.links).toContain('ado:400');
    // ado:400 brings its stories into the scope: the scope grows and progress moves.
    expect(after.units.total).toBeGreaterThan(before.units.total);
    expect(after.explanation.units.map((u) => u.ref)).toEqual(expect.arrayContaining(['ado:401', 'ado:402', 'ado:403']));
    expect(after.progress).not.toBe(before.progress);
    const bar = await progressOf(card.getByRole('progressbar', { name: 'KR-SUCCESS-PLANS progress' }));
    expect(bar.now).toBe(percentNumber(after.progress));
    expect(bar.text).toContain(`${after.units.done} of ${after.units.total} units done`);
    expect(await panel.getByRole('status').first().textContent()).toContain('Linked ado:400 to KR-SUCCESS-PLANS');
    // The frame asked the host to fit its content.
    expect((await hostCall<[number, number][]>(page, 'h.state.resizes')).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'ado-extension-form-light.png') });
    await page.close();
  });

  it('follows the form: onSaved and onRefreshed reload the panel, onLoaded of another item shows that item', async () => {
    const { page, frame } = await open('okr-work-item-group', { workItem: 400 });
    let panel = await panelSettled(frame);
    const bar = () => progressOf(panel.locator('article[data-kr="KR-SUCCESS-PLANS"]').getByRole('progressbar', { name: 'KR-SUCCESS-PLANS progress' }));
    const shown = await bar();

    // Someone closes story 402 and the form is saved: the panel reads the tracker again.
    x.emulator.org.update(402, { state: 'Closed' });
    await hostCall(page, "h.fire('onSaved', { id: 400 })");
    const expected = effort((await x.api('getKeyResult', { kr: 'KR-SUCCESS-PLANS' })).kr);
    expect(expected.progress).toBeGreaterThan(shown.now / 100);
    await frame.locator(`article[data-kr="KR-SUCCESS-PLANS"] [role="progressbar"][aria-valuenow="${percentNumber(expected.progress)}"]`).waitFor();
    panel = await panelSettled(frame);
    expect((await bar()).text).toContain(`${expected.units.done} of ${expected.units.total} units done`);

    x.emulator.org.update(402, { state: 'New' });
    await hostCall(page, "h.fire('onRefreshed', { id: 400 })");
    await frame.locator(`article[data-kr="KR-SUCCESS-PLANS"] [role="progressbar"][aria-valuenow="${shown.now}"]`).waitFor();

    // The form moves to a child of the linked item: its panel shows the KR through the parent.
    await hostCall(page, "h.fire('onLoaded', { id: 401, isNew: false, isReadOnly: false })");
    await frame.getByText('Linked through ado:400').waitFor();
    // A new, unsaved work item has nothing to link yet.
    await hostCall(page, "h.fire('onLoaded', { id: 0, isNew: true, isReadOnly: false })");
    await frame.getByText('Save this work item first').waitFor();
    await hostCall(page, "h.fire('onUnloaded', { id: 0 })");
    await frame.getByText('No work item is open.').waitFor();
    await page.close();
  });

  it('a stale write: someone else links the same item first; the panel says so, reloads, and nothing is lost', async () => {
    const { page, frame } = await open('okr-work-item-group', { workItem: 304 });
    const panel = await panelSettled(frame);
    expect(await panel.locator('article[data-kr="KR-SUCCESS-PLANS"]').count()).toBe(0);
    // Just before our page writes the link, another user's link of the same item lands.
    x.host.beforeDataCall = async (method, args) => {
      if (method !== 'createDocument' || args[0] !== 'okr-d-links') return;
      x.host.beforeDataCall = undefined;
      await x.api('linkWorkItem', { kr: 'KR-SUCCESS-PLANS', ref: 'ado:304' });
    };
    await panel.getByRole('combobox', { name: 'Link to a key result' }).fill('success plans');
    await frame.getByRole('option', { name: /KR-SUCCESS-PLANS/ }).click();
    const alert = frame.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Someone else changed this');
    // Their link is shown without a manual reload, and it is there once.
    await frame.locator('article[data-kr="KR-SUCCESS-PLANS"]').waitFor();
    const kr = await x.api('getKeyResult', { kr: 'KR-SUCCESS-PLANS' });
    expect(kr.kr.links.filter((l) => l === 'ado:304')).toHaveLength(1);
    expect(x.host.beforeDataCall).toBeUndefined();
    await page.close();
  });

  it('dark theme: the host theme reaches the frame at the handshake and when it changes', async () => {
    const { page, frame, doc } = await open('okr-work-item-group', { workItem: 400, theme: 'dark' });
    await panelSettled(frame);
    expect(await doc().evaluate(() => document.documentElement.dataset.colorMode)).toBe('dark');
    expect(await doc().evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(32, 31, 30)');
    await page.screenshot({ path: join(SHOTS, 'ado-extension-form-dark.png') });
    // The user switches to the light theme: Azure DevOps tells the frame, the frame follows.
    await hostCall(page, `h.setTheme(${JSON.stringify({ ...DARK_THEME, 'background-color': 'rgba(255, 255, 255, 1)', 'text-primary-color': 'rgba(0, 0, 0, .9)' })})`);
    await doc().waitForFunction(() => document.documentElement.dataset.colorMode === 'light');
    await page.close();
  });

  it('the OKRs hub: the board shows what the app computes, work item links open in the host, the KPI tab reads out health', async () => {
    const { page, frame } = await open('okr-hub', {}, { width: 1400, height: 1000 });
    const board = frame.locator('.h-board[data-state="ready"]:not([data-reloading])');
    await board.waitFor();
    const view = await x.api('getBoard', {});
    const teams = await frame.locator('li.h-team').evaluateAll((els) => els.map((e) => e.getAttribute('data-team')));
    expect(teams).toEqual(view.teams.map((t) => t.id));
    const objective = view.teams.flatMap((t) => t.objectives).find((o) => o.keyResults.includes('KR-SUCCESS-PLANS'));
    if (!objective) throw new Error('KR-SUCCESS-PLANS has an objective');
    const row = frame.locator(`li[data-objective="${objective.id}"]`);
    await row.locator('> .h-row').getByRole('button', { expanded: false }).click();
    const krRow = row.locator('li[data-kr="KR-SUCCESS-PLANS"]');
    const kr = effort(view.keyResults['KR-SUCCESS-PLANS'] as KeyResultReport);
    expect((await progressOf(krRow.getByRole('progressbar').first())).now).toBe(percentNumber(kr.progress));
    await page.screenshot({ path: join(SHOTS, 'ado-extension-hub-light.png') });

    // A contributing work item opens in Azure DevOps itself, through the host's navigation.
    await krRow.getByRole('button', { name: /Contributing items of KR-SUCCESS-PLANS/ }).click();
    await krRow.getByRole('link', { name: 'ado:401' }).first().click();
    await page.waitForFunction(() => (window as unknown as { adoHost: { state: { navigations: unknown[] } } }).adoHost.state.navigations.length > 0);
    const [navigation] = await hostCall<{ url: string; newWindow: boolean }[]>(page, 'h.state.navigations');
    expect(navigation).toEqual({ url: `${x.host.url}/raintown/RainTown/_workitems/edit/401`, newWindow: false });

    await frame.getByRole('tab', { name: 'KPIs' }).click();
    await frame.locator('.h-kpis[data-state="ready"]').waitFor();
    const kpis = await x.api('getKpis', {});
    const shown = await frame.locator('article[data-kpi]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-kpi'), e.getAttribute('data-health')]));
    const byId = (a: (string | null)[], b: (string | null)[]) => String(a[0]).localeCompare(String(b[0]));
    expect(shown.sort(byId)).toEqual(kpis.kpis.map((k) => [k.id, k.health]).sort(byId));

    // Review tab (issue 10 §3): the same review as the app computes.
    await frame.getByRole('tab', { name: 'Review' }).click();
    await frame.locator('.h-review[data-state="ready"]').waitFor();
    const review = await x.api('getReview', {});
    const objectives = await frame.locator('.h-review-objective').evaluateAll((els) => els.map((e) => e.getAttribute('data-objective')));
    expect(objectives).toEqual(review.objectives.map((o) => o.id));
    await page.close();
  });

  it('the dashboard widget: KPI health by default, or one objective with its key results', async () => {
    const kpis = await x.api('getKpis', {});
    let { page, frame } = await open('okr-widget', { widgetName: 'Rain Town KPIs' }, { width: 800, height: 500 });
    const widget = frame.locator('section.ado-widget');
    await widget.waitFor();
    expect(await widget.getByRole('heading').textContent()).toBe('Rain Town KPIs');
    for (const health of new Set(kpis.kpis.map((k) => k.health))) {
      const n = kpis.kpis.filter((k) => k.health === health).length;
      expect(await widget.locator('.ado-widget-summary').textContent()).toContain(`${n} `);
    }
    // Worst first, as many as fit a 2×2 tile; the footer counts them all.
    expect(await widget.locator('.ado-widget-foot').textContent()).toContain(`${kpis.kpis.length} KPIs`);
    expect(kpis.kpis.some((k) => k.health === 'breached')).toBe(true);
    expect(await widget.locator('.ado-widget-line .h-pill').first().textContent()).toBe('Breached');
    expect(await hostCall<{ statusType: number }>(page, 'h.state.widgetStatus')).toMatchObject({ statusType: 0 });
    await page.screenshot({ path: join(SHOTS, 'ado-extension-widget-kpis-light.png'), clip: { x: 0, y: 0, width: 400, height: 440 } });
    await page.close();

    const board = await x.api('getBoard', {});
    const objective = board.teams.flatMap((t) => t.objectives).find((o) => o.keyResults.includes('KR-SUCCESS-PLANS'));
    if (!objective) throw new Error('KR-SUCCESS-PLANS has an objective');
    ({ page, frame } = await open('okr-widget', { widgetName: 'Loyal customers', widgetSettings: JSON.stringify({ show: 'objective', objective: objective.id }) }, { width: 800, height: 500 }));
    const bar = frame.getByRole('progressbar', { name: `${objective.id} progress` });
    await bar.waitFor();
    expect((await progressOf(bar)).now).toBe(percentNumber(objective.progress));
    expect(await frame.locator('.ado-widget-kr').count()).toBe(objective.keyResults.length);
    await page.close();
  });

  it('the widget configuration: choosing an objective previews it and saves valid settings', async () => {
    const board = await x.api('getBoard', {});
    const objective = board.teams.flatMap((t) => t.objectives)[0];
    if (!objective) throw new Error('the demo has objectives');
    const { page, frame } = await open('okr-widget-config', {}, { width: 600, height: 600 });
    // Saving "one objective" without choosing one is refused, with a message on the field.
    await frame.getByRole('radio', { name: "One objective's progress" }).check();
    expect(await hostCall<{ isValid?: boolean }>(page, 'h.save()')).toMatchObject({ isValid: false });
    await frame.getByRole('alert').waitFor();
    await frame.getByRole('combobox', { name: 'Objective' }).selectOption(objective.id);
    const notifications = await hostCall<{ event: string; args: { data: { data: string } } }[]>(page, 'h.state.notifications');
    expect(notifications.at(-1)?.event).toBe('ms.vss-dashboards-web.configurationChange');
    expect(JSON.parse(notifications.at(-1)?.args.data.data ?? '{}')).toEqual({ show: 'objective', objective: objective.id });
    const saved = await hostCall<{ isValid: boolean; customSettings: { data: string } }>(page, 'h.save()');
    expect(saved.isValid).toBe(true);
    expect(JSON.parse(saved.customSettings.data)).toEqual({ show: 'objective', objective: objective.id });
    await page.close();
  });

  it('every Work Item Tracking request the pages sent is within the published contract, as the viewer, from the extension origin', () => {
    expect(x.host.rest.length).toBeGreaterThan(5);
    for (const r of x.host.rest) {
      expect(adoContract().checkRequest({ method: r.method, path: r.path, query: r.query, headers: { accept: r.accept }, body: r.body }), `${r.method} ${r.path}`).toEqual([]);
      expect(r.authorization).toBe('Bearer');
      expect(r.origin).toBe(x.host.extensionOrigin);
      expect(r.accept).toMatch(/noArrayWrap=true/);
      expect(r.status).toBe(200);
    }
    const operations = new Set(x.host.rest.map((r) => adoContract().operation(r.method, r.path)?.template));
    expect(operations).toEqual(
      new Set(['/{organization}/{project}/_apis/wit/workitemsbatch', '/{organization}/{project}/_apis/wit/workitemtypes/{type}/states', '/{organization}/{project}/{team}/_apis/wit/wiql']),
    );
  });
});
