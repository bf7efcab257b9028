// The KPI readout: health in colour and words as the API computes it, a sparkline per KPI, and
// "focus as a KR" on a breached KPI — bad input is refused inline, a good one creates the KR.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthLabel } from '../../src/ui/format/status';
import { withUnit } from '../../src/ui/format/numbers';
import { launchChromium } from './helpers/browser';
import { readyAfterNavigation, recordTiming } from './helpers/timings';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('KPI readout', () => {
  it('shows every KPI with value, health and readings as the API reports them (SPEC §2 KPI health)', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/kpis`);
    recordTiming('KPI readout ready after navigation', await readyAfterNavigation(page, 'kpis'));
    const readout = await t.api('getKpis', {});
    expect(readout.kpis.length).toBeGreaterThan(0);
    for (const kpi of readout.kpis) {
      const card = page.locator(`article[data-kpi="${kpi.id}"]`);
      expect(await card.getAttribute('data-health')).toBe(kpi.health);
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(healthLabel(kpi.health));
      if (kpi.value !== undefined) expect(await card.locator('.h-kpi-value').textContent()).toBe(withUnit(kpi.value, kpi.unit));
      if (kpi.trend.length > 0) {
        const label = (await card.getByRole('img').getAttribute('aria-label')) ?? '';
        expect(label).toContain(`on ${kpi.trend.at(-1)?.at ?? ''}`);
      }
      const offersFocus = (await card.getByRole('button', { name: 'Focus as a KR' }).count()) > 0;
      expect(offersFocus).toBe(kpi.health === 'breached' && kpi.focusedBy.length === 0 && kpi.source === 'kpi');
    }
    await page.close();
  });

  it('focuses a breached KPI as a KR: bad input inline and nothing stored, then the KR is created', async () => {
    const readout = await t.api('getKpis', {});
    const breached = readout.kpis.find((k) => k.health === 'breached' && k.focusedBy.length === 0 && k.source === 'kpi');
    if (!breached) throw new Error('the demo has a breached KPI no KR focuses on');
    const boardBefore = await t.api('getBoard', {});
    const objective = boardBefore.teams.flatMap((team) => team.objectives).find((o) => o.status !== 'done');
    if (!objective) throw new Error('the demo has an open objective');

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/kpis`);
    const card = page.locator(`article[data-kpi="${breached.id}"]`);
    await card.getByRole('button', { name: 'Focus as a KR' }).click();
    const form = card.getByRole('form');
    await form.getByLabel(/^Target/).fill('lower');
    await form.getByRole('button', { name: 'Create key result' }).click();
    await form.locator('.h-field-error').first().waitFor();
    expect(await form.textContent()).toContain('Choose the objective');
    expect(await form.textContent()).toContain('must be a number');
    expect(await t.api('getBoard', {})).toEqual(boardBefore);

    // Only objectives of periods still running are offered (the demo's 2026-Q3 is over).
    const offered = await form.getByLabel('Objective').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const board = await t.api('getBoard', {});
    const running = board.teams.flatMap((team) => team.objectives).filter((o) => o.period === '2026-Q4').map((o) => o.id);
    expect(offered.sort()).toEqual([...running].sort());
    await form.getByLabel('Objective').selectOption(objective.id);
    await form.getByLabel(/^Target/).fill(String(breached.target ?? 1));
    await form.getByRole('button', { name: 'Create key result' }).click();
    await page.getByRole('status').filter({ hasText: 'Created' }).waitFor();
    const after = await t.api('getKpis', {});
    const focused = after.kpis.find((k) => k.id === breached.id);
    expect(focused?.focusedBy.length).toBe(1);
    const kr = (await t.api('getBoard', {})).teams.flatMap((team) => team.objectives).find((o) => o.id === objective.id)?.keyResults;
    expect(kr).toContain(focused?.focusedBy[0]);
    await card.getByText(`Focused by ${focused?.focusedBy[0] ?? ''}`).waitFor();
    expect(await card.getByRole('button', { name: 'Focus as a KR' }).count()).toBe(0);
    await page.close();
  });
});
