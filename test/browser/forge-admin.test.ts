// The built Forge admin page in the Jira-like host. Its settings calls (getSettings, saveSettings)
// are the backend's AdminMethods, beside the app API; the host answers them here with a small
// stand-in that keeps their contract (SettingsView, version, conflict, problems by field), while
// the plan file calls go to the real app. Screenshot to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminMethods, SettingsView } from '../../src/forge/admin-api';
import { launchChromium } from './helpers/browser';
import { ensureForgeBuilt } from './helpers/build-forge';
import { ROOT } from './helpers/build-ui';
import { startForgeHost, type ForgeHost } from './helpers/forge-host';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const NUMBER_FIELDS = [
  { id: 'customfield_10050', name: 'Business value' },
  { id: 'customfield_10026', name: 'Story point estimate' },
  { id: 'customfield_10016', name: 'Story Points' },
];

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

/** The backend's settings calls, as far as the page can tell: state, versions, conflicts, problems. */
function settingsBackend() {
  let stored: { storyPointFields: string[]; cancelledResolutions: string[]; version: string } | undefined;
  let versions = 0;
  const saves: AdminMethods['saveSettings']['in'][] = [];
  const view = (): SettingsView => ({
    storyPointFields: stored?.storyPointFields ?? ['customfield_10016'],
    cancelledResolutions: stored?.cancelledResolutions ?? ["Won't Do", 'Duplicate', 'Cannot Reproduce', 'Declined'],
    siteResolutions: ['Done', "Won't Do", 'Works for Me'].map((name) => ({ name, cancelled: (stored?.cancelledResolutions ?? ["Won't Do"]).includes(name) })),
    discovered: stored === undefined,
    numberFields: NUMBER_FIELDS,
    adminGroups: [],
    editorGroups: [],
    version: stored?.version ?? null,
  });
  return {
    saves,
    /** Someone else saves meanwhile. */
    changeBehindTheBack() {
      stored = { ...view(), version: `v${++versions}` };
    },
    resolvers: {
      getSettings: () => ({ ok: true, data: view() }),
      saveSettings: (payload: unknown) => {
        const input = payload as AdminMethods['saveSettings']['in'];
        saves.push(input);
        if (input.expected !== (stored?.version ?? null)) return { ok: false, error: { code: 'conflict', message: 'settings were changed by someone else' } };
        const unknown = input.storyPointFields.filter((f) => !NUMBER_FIELDS.some((n) => n.id === f));
        if (unknown.length > 0) return { ok: false, error: { code: 'invalid-input', message: 'invalid input', problems: unknown.map((f) => ({ path: 'storyPointFields', message: `${f} is not a number field of this site` })) } };
        stored = { storyPointFields: input.storyPointFields, cancelledResolutions: input.cancelledResolutions, version: `v${++versions}` };
        return { ok: true, data: view() };
      },
    },
  };
}

async function openAdmin(backend: ReturnType<typeof settingsBackend>): Promise<{ page: Page; frame: Frame }> {
  const host = await startForgeHost({ surface: 'admin', appUrl: t.url, extension: { type: 'jira:adminPage' }, moduleKey: 'harmony-admin', title: 'Apps · Harmony OKR settings', resolvers: backend.resolvers });
  hosts.push(host);
  const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
  page.setDefaultTimeout(10_000);
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('#forge-frame')).contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  await frame.getByLabel('Story point field').waitFor();
  return { page, frame };
}

describe('Forge admin page', () => {
  it('shows the discovered field, saves the chosen ones and resolutions with the version read, then shows them as chosen', async () => {
    const backend = settingsBackend();
    const { page, frame } = await openAdmin(backend);
    // .first(): the settings form; the weekly digest's form (cadence) follows it.
    expect(await frame.locator('form').first().textContent()).toContain('Found by name until you choose: Story Points');
    expect(await frame.getByLabel('Story point field').inputValue()).toBe('customfield_10016');
    await page.screenshot({ path: join(OUT, 'forge-admin-light.png'), fullPage: true });

    await frame.getByLabel('Story point field').selectOption('customfield_10026');
    await frame.getByLabel(/When that field is empty/).selectOption('customfield_10016');
    await frame.getByLabel(/Resolutions that mean cancelled/).fill("Won't Do\nDuplicate\n   \nObsolete ");
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.getByText(/^Saved\./).waitFor();
    expect(backend.saves).toEqual([{ storyPointFields: ['customfield_10026', 'customfield_10016'], cancelledResolutions: ["Won't Do", 'Duplicate', 'Obsolete'], adminGroups: [], editorGroups: [], expected: null }]);
    await frame.getByText('Chosen by an administrator.').waitFor();
    expect(await frame.getByLabel(/Resolutions that mean cancelled/).inputValue()).toBe("Won't Do\nDuplicate\nObsolete");
    await page.close();
  });

  it('saves the admin and editor groups, one per line', async () => {
    const backend = settingsBackend();
    const { page, frame } = await openAdmin(backend);
    await frame.getByLabel(/Admin groups/).fill('okr-admins\n');
    await frame.getByLabel(/Editor groups/).fill('okr-editors\n  \nproduct-leads');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.getByText(/^Saved\./).waitFor();
    expect(backend.saves.map(({ adminGroups, editorGroups }) => ({ adminGroups, editorGroups }))).toEqual([{ adminGroups: ['okr-admins'], editorGroups: ['okr-editors', 'product-leads'] }]);
    await page.close();
  });

  it('hides the plan import from someone who is not an admin (the resolver still checks)', async () => {
    const backend = settingsBackend();
    const resolvers = { ...backend.resolvers, getPermissions: () => ({ ok: true, data: { actor: 'bob', ownerIds: ['bob'], admin: false, editor: true } }) };
    const { page, frame } = await openAdmin({ ...backend, resolvers });
    await frame.getByRole('button', { name: 'Export the plan' }).waitFor();
    await frame.getByText('Loading settings…').waitFor({ state: 'detached' });
    expect(await frame.getByRole('button', { name: 'Import the plan' }).count()).toBe(0);
    await page.close();
  });

  it('on a conflict says someone else changed the settings and shows theirs', async () => {
    const backend = settingsBackend();
    const { page, frame } = await openAdmin(backend);
    backend.changeBehindTheBack();
    await frame.getByLabel('Story point field').selectOption('customfield_10050');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.getByRole('alert').filter({ hasText: 'Someone else changed this' }).waitFor();
    await frame.getByText('Chosen by an administrator.').waitFor();
    expect(backend.saves.map((s) => s.expected)).toEqual([null]);
    await page.close();
  });

  it('exports the plan file with its teams and periods, and imports it back', async () => {
    const { page, frame } = await openAdmin(settingsBackend());
    await frame.getByRole('button', { name: 'Export the plan' }).click();
    const text = frame.getByLabel('Plan file (YAML)');
    await frame.getByText(/^Exported the current plan/).waitFor();
    const yaml = await text.inputValue();
    expect(yaml).toContain('teams:');
    expect(yaml).toContain('periods:');
    await frame.getByRole('button', { name: 'Import the plan' }).click();
    const board = await t.api('getBoard', {});
    await frame.getByText(new RegExp(`^Imported ${board.teams.reduce((n, team) => n + team.objectives.length, 0)} objectives`)).waitFor();
    await text.fill('okr: 1\nteams: [{ id: x, name: X, parent: nowhere }]\n');
    await frame.getByRole('button', { name: 'Import the plan' }).click();
    await frame.getByText('The plan file was refused; nothing changed.').waitFor();
    expect(await frame.getByRole('alert').textContent()).toMatch(/teams\[0\]\.parent/);
    await page.close();
  });

  it("lists the site's resolutions and which of them count as cancelled", async () => {
    const { page, frame } = await openAdmin(settingsBackend());
    const list = frame.getByLabel("This site's resolutions");
    await list.waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['Done: done', "Won't Do: cancelled (leaves the scope)", 'Works for Me: done']);
    await page.close();
  });
});
