// The built Forge issue panel (static/forge-panel/build) in Debian's chromium, inside a host that
// plays Jira's part of the Custom UI contract (helpers/forge-host.ts): its own origin and CSP,
// the bridge @forge/bridge expects, the issue in the context, Atlassian tokens on enableTheming,
// and invoke routed to the real app (the workbench, with its Jira emulator behind the adapters).
// Journey: open epic CS-1's panel, see the progress the API computes, link a KR, see it change.
// Screenshots (light, dark) go to docs/screenshots/ with UPDATE_SCREENSHOTS=1, else test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyResultReport } from '../../src/core/report/types';
import { percentNumber } from '../../src/ui/format/numbers';
import { launchChromium } from './helpers/browser';
import { ensureForgeBuilt } from './helpers/build-forge';
import { ROOT } from './helpers/build-ui';
import { progressOf } from './helpers/dom';
import { startForgeHost, type ForgeHost } from './helpers/forge-host';
import { recordTiming } from './helpers/timings';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const EPIC = { key: 'CS-1', id: '10001', type: 'Epic', typeId: '10000' };
const panelExtension = { type: 'jira:issuePanel', issue: EPIC, project: { id: '10000', key: 'CS', type: 'software' }, isNewToIssue: false };

let t: TestWorkbench;
let browser: Browser;
const hosts: ForgeHost[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium(), ensureForgeBuilt()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(hosts.map((h) => h.close()));
  await t?.close();
});

interface Opened {
  page: Page;
  frame: Frame;
  host: ForgeHost;
  console: string[];
}

async function openPanel(colorMode: 'light' | 'dark' = 'light', resolvers?: Record<string, (payload: unknown) => unknown>): Promise<Opened> {
  const host = await startForgeHost({ surface: 'panel', appUrl: t.url, extension: panelExtension, moduleKey: 'harmony-okr-panel', colorMode, title: 'CRM rollout', description: 'Epic CS-1 in the Customer Success project.', ...(resolvers ? { resolvers } : {}) });
  hosts.push(host);
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const console: string[] = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
  const started = Date.now();
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('#forge-frame')).contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  await frame.waitForURL(`${host.resourceOrigin}/index.html`);
  await settled(frame);
  recordTiming(`forge panel ready in the host frame (${colorMode})`, Date.now() - started);
  return { page, frame, host, console };
}

async function settled(frame: Frame): Promise<Locator> {
  const panel = frame.locator('section.h-panel[data-state="ready"]:not([data-reloading])');
  await panel.waitFor();
  return panel;
}

function expectedWords(kr: KeyResultReport): string {
  return kr.type === 'effort' ? `${kr.units.done} of ${kr.units.total} unit` : 'now ';
}

async function expectPanelMatchesApi(panel: Locator): Promise<string[]> {
  const expected = await t.api('getPanel', { ref: `jira:${EPIC.key}` });
  expect(expected.keyResults.length).toBeGreaterThan(0);
  expect(await panel.locator('article[data-kr]').count()).toBe(expected.keyResults.length);
  for (const entry of expected.keyResults) {
    const card = panel.locator(`article[data-kr="${entry.kr.id}"]`);
    const bar = await progressOf(card.getByRole('progressbar', { name: `${entry.kr.id} progress` }));
    expect(bar.now).toBe(percentNumber(entry.kr.progress));
    expect(bar.text).toContain(`${percentNumber(entry.kr.progress)}%`);
    expect(bar.text).toContain(expectedWords(entry.kr));
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(entry.kr.title);
    expect(text).toContain(entry.objective.title);
    if (entry.contribution) expect(text).toContain(`This item contributes ${entry.contribution.done} of ${entry.contribution.total}`);
  }
  return expected.keyResults.map((k) => k.kr.id);
}

async function bridgeCalls(page: Page): Promise<{ type: string; payload: unknown }[]> {
  return page.evaluate(() => (window as unknown as { __forgeCalls: { type: string; payload: unknown }[] }).__forgeCalls);
}

describe('Forge issue panel in a Jira-like host (issue 4)', () => {
  it('opens epic CS-1 from its context, shows the progress the API computes, links a KR and shows it change', async () => {
    const { page, frame, console } = await openPanel();
    let panel = await settled(frame);
    const before = await expectPanelMatchesApi(panel);

    // The frame asked for its theme and context, and called the resolvers by their API names.
    const calls = await bridgeCalls(page);
    expect(calls.map((c) => c.type)).toEqual(expect.arrayContaining(['enableTheming', 'getContext', 'invoke']));
    expect(calls.find((c) => c.type === 'invoke')?.payload).toMatchObject({ functionKey: 'getPanel', payload: { ref: 'jira:CS-1' } });
    expect(await frame.evaluate(() => document.documentElement.dataset.colorMode)).toBe('light');

    // Link a key result the epic does not contribute to yet, through the panel's picker.
    const target = 'KR-SUCCESS-PLANS';
    expect(before).not.toContain(target);
    const krBefore = (await t.api('getKeyResult', { kr: target })).kr;
    await panel.getByRole('combobox', { name: /Link to a key result/ }).fill('success plans');
    await frame.getByRole('option', { name: new RegExp(target) }).click();
    await frame.getByText(`Linked jira:${EPIC.key} to ${target}.`).waitFor();
    panel = await settled(frame);
    await panel.locator(`article[data-kr="${target}"]`).waitFor();

    const krAfter = (await t.api('getKeyResult', { kr: target })).kr;
    expect(krAfter.links).toContain(`jira:${EPIC.key}`);
    expect(krAfter.type === 'effort' && krBefore.type === 'effort' ? krAfter.units.total : 0).toBeGreaterThan(krBefore.type === 'effort' ? krBefore.units.total : 0);
    expect(krAfter.progress).not.toBe(krBefore.progress);
    const bar = await progressOf(panel.getByRole('progressbar', { name: `${target} progress` }));
    expect(bar.now).toBe(percentNumber(krAfter.progress));
    expect(await expectPanelMatchesApi(panel)).toContain(target);
    expect((await bridgeCalls(page)).filter((c) => c.type === 'invoke').map((c) => (c.payload as { functionKey: string }).functionKey)).toEqual(
      expect.arrayContaining(['searchKeyResults', 'linkWorkItem']),
    );

    // Nothing was refused by the CSP (no inline script or style), and nothing failed.
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations)).toEqual([]);
    expect(console.filter((l) => /error|Refused|Content Security Policy/i.test(l))).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('takes the %s screenshot with the theme Jira hands the frame', async (mode) => {
    const { page, frame } = await openPanel(mode);
    expect(await frame.evaluate(() => document.documentElement.dataset.colorMode)).toBe(mode);
    // The host's tokens reach the shared components: the panel's surface is the token's colour.
    const surface = await frame.evaluate(() => getComputedStyle(document.querySelector('.h-root') as Element).backgroundColor);
    expect(surface).toBe(mode === 'dark' ? 'rgb(29, 33, 37)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: join(OUT, `forge-panel-${mode}.png`), fullPage: true });
    await page.close();
  });

  it('hides "Check in" from a viewer who is neither an editor nor the KR\'s owner, and shows it to its owner', async () => {
    // An outcome KR on the epic's panel: KR-HEALTHY, owned by jon.
    await t.api('linkWorkItem', { kr: 'KR-HEALTHY', ref: `jira:${EPIC.key}` });
    try {
      const as = (ownerIds: string[]) => ({ getPermissions: () => ({ ok: true, data: { actor: ownerIds[0], ownerIds, admin: false, editor: false } }) });
      const viewer = await openPanel('light', as(['vic']));
      const card = (await settled(viewer.frame)).locator('article[data-kr="KR-HEALTHY"]');
      await card.waitFor();
      await expect.poll(() => card.getByRole('button', { name: 'Check in' }).count()).toBe(0);
      await viewer.page.close();
      const owner = await openPanel('light', as(['jon']));
      await (await settled(owner.frame)).locator('article[data-kr="KR-HEALTHY"]').getByRole('button', { name: 'Check in' }).waitFor();
      await owner.page.close();
    } finally {
      await t.api('unlinkWorkItem', { kr: 'KR-HEALTHY', ref: `jira:${EPIC.key}` });
    }
  });
});
