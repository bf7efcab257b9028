// KPI readings corrected and deleted from the KPI card (issue 10 §2), with the audit trail the
// KRs' check-ins have; and owners shown by name, not id (KPI card, KR rows, the board's owner
// filter), from the workbench's demo people.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnit } from '../../src/ui/format/numbers';
import { DEMO_PEOPLE } from '../../src/workbench/demo-people';
import { launchChromium } from './helpers/browser';
import { boardSettled } from './helpers/dom';
import { ROOT } from './helpers/build-ui';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

let t: TestWorkbench;
let browser: Browser;
const nameOf = (id: string) => DEMO_PEOPLE.find((p) => p.id === id)?.name ?? id;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('KPI readings on the KPI card', () => {
  it('corrects one reading and deletes another; the history keeps who, when and what it was', async () => {
    const readout = await t.api('getKpis', {});
    const kpi = readout.kpis.find((k) => k.source === 'kpi' && k.trend.length >= 2);
    if (!kpi) throw new Error('the demo has a KPI with two readings');
    const before = await t.api('getReadings', { kpi: kpi.id });
    const [older, latest] = before.readings.slice(-2);
    if (!older || !latest) throw new Error('two readings');

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/kpis`);
    const card = page.locator(`article[data-kpi="${kpi.id}"]`);
    await card.getByRole('button', { name: `Readings of ${kpi.title}` }).click();
    const list = card.locator('.h-entry-history');
    await list.locator(`li[data-entry="${latest.id}"]`).waitFor();

    // Correct the latest reading: a new value, the old one kept in the trail.
    const corrected = latest.value + 1;
    await list.getByRole('button', { name: `Correct the ${latest.at} value` }).click();
    const form = card.getByRole('form', { name: `Correct the ${latest.at} value` });
    await form.getByLabel('Value').fill(String(corrected));
    await form.getByRole('button', { name: 'Save' }).click();
    await list.getByRole('status').filter({ hasText: `Corrected the ${latest.at} value to ${withUnit(corrected, kpi.unit)}.` }).waitFor();
    const row = list.locator(`li[data-entry="${latest.id}"]`);
    await row.getByText(`(was ${withUnit(latest.value, kpi.unit)} on ${latest.at})`).waitFor();
    // The workbench's user, by name.
    expect(await row.textContent()).toContain(`corrected by ${nameOf('maria')}`);
    // The card's value is the corrected one.
    await expect.poll(() => card.locator('.h-kpi-value').textContent()).toBe(withUnit(corrected, kpi.unit));

    // Delete the older one: asked twice, then shown struck through.
    await list.getByRole('button', { name: `Delete the ${older.at} value` }).click();
    await list.getByRole('button', { name: `Really delete ${older.at}?` }).click();
    const gone = list.locator(`li[data-deleted-entry="${older.id}"]`);
    await gone.waitFor();
    expect(await gone.locator('del').textContent()).toBe(`${older.at}: ${withUnit(older.value, kpi.unit)}`);

    // A reading recorded on the card while the list is open shows in it at once.
    await card.getByRole('button', { name: `Record a reading of ${kpi.title}` }).click();
    const record = card.getByRole('form', { name: `Record a reading of ${kpi.title}` });
    await record.getByLabel(/^New reading/).fill(String(corrected));
    await record.getByRole('button', { name: 'Record reading' }).click();
    await record.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    const recorded = (await t.api('getReadings', { kpi: kpi.id })).readings.find((r) => r.id !== latest.id && !before.readings.some((b) => b.id === r.id));
    if (!recorded) throw new Error('a new reading was stored');
    await list.locator(`li[data-entry="${recorded.id}"]`).waitFor();

    const after = await t.api('getReadings', { kpi: kpi.id });
    expect(after.readings.map((r) => r.id)).not.toContain(older.id);
    expect(after.readings.map((r) => r.id)).toContain(recorded.id);
    expect(after.readings.find((r) => r.id === latest.id)?.value).toBe(corrected);
    expect(after.revisions.map((r) => [r.entry, r.action, r.by])).toEqual([
      [latest.id, 'corrected', 'maria'],
      [older.id, 'deleted', 'maria'],
    ]);
    // The card with its history, narrow: to look at (no sideways scroll is checked elsewhere).
    await page.setViewportSize({ width: 400, height: 1000 });
    await card.screenshot({ path: join(SHOTS, 'kpi-readings-400.png') });
    await page.close();
  });
});

describe('owners by name', () => {
  it('names people on the KPI card, the KR rows and the board owner filter, never their ids', async () => {
    const readout = await t.api('getKpis', {});
    const owned = readout.kpis.find((k) => k.owner !== undefined);
    if (!owned?.owner) throw new Error('the demo has a KPI with an owner');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/kpis`);
    await expect.poll(() => page.locator(`article[data-kpi="${owned.id}"] .h-kpi-owner`).textContent()).toBe(`Owner ${nameOf(owned.owner)}`);

    await page.goto(`${t.url}/board`);
    await boardSettled(page);
    const board = await t.api('getBoard', {});
    const owners = board.owners;
    expect(owners.length).toBeGreaterThan(0);
    const filter = page.getByRole('search', { name: 'Filter the board' }).getByLabel('Owner');
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(['All', ...owners.map(nameOf)]);

    // Every KR row of an expanded objective with an owner names the person.
    const objective = board.teams.flatMap((x) => x.objectives).find((o) => o.keyResults.some((k) => board.keyResults[k]?.owner));
    if (!objective) throw new Error('the demo has a KR with an owner');
    const row = page.locator(`li[data-objective="${objective.id}"]`);
    const disclosure = row.locator('> .h-row > button.h-disclosure');
    if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
    for (const id of objective.keyResults) {
      const owner = board.keyResults[id]?.owner;
      if (!owner) continue;
      await expect.poll(() => row.locator(`li[data-kr="${id}"] .h-kr-owner`).textContent()).toBe(` · ${nameOf(owner)}`);
    }
    await page.close();
  });
});
