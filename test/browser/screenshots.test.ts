// Screenshots of every surface, light and dark, into docs/screenshots/ (shown in the README).
// Before them, the CRM key result gets a history: the workbench's "today" steps through the
// quarter while the emulated trackers change (work done, scope added), so the burn-up has
// something to draw. Each shot also checks the page shows its data and no error.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { ROOT } from './helpers/build-ui';
import { boardSettled, panelSettled } from './helpers/dom';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1); ordinary runs, CI
// included, still take every one but write them to test-results/ so tracked files stay put.
const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const MODES = ['light', 'dark'] as const;

let t: TestWorkbench;
let browser: Browser;

/** KR-CRM over the quarter: some work starts undone, gets done, and scope grows once. */
async function buildCrmHistory(): Promise<void> {
  const jira = t.wb.jira.emulator;
  const ado = t.wb.ado.emulator.org;
  const undone = { statusCategory: 'indeterminate' as const, resolution: null };
  jira.updateIssue('CS-2', undone);
  jira.updateIssue('CS-4', undone);
  jira.updateIssue('CS-8', { statusCategory: 'new', resolution: null });
  ado.update(102, { state: 'Active' });
  const steps: [string, () => void][] = [
    ['2026-10-01', () => undefined],
    ['2026-10-14', () => jira.updateIssue('CS-2', { statusCategory: 'done', resolution: 'Done' })],
    ['2026-10-26', () => ado.update(102, { state: 'Closed' })],
    [
      '2026-11-04',
      () => {
        jira.addIssue({ key: 'CS-9', summary: 'Consent management for outreach', issuetype: 'Story', statusCategory: 'new', parent: 'CS-1' });
        jira.updateIssue('CS-4', { statusCategory: 'done', resolution: 'Done' });
      },
    ],
    ['2026-11-15', () => jira.updateIssue('CS-8', { statusCategory: 'done', resolution: 'Done' })],
  ];
  for (const [day, change] of steps) {
    change();
    t.setToday(day);
    await t.api('getKeyResult', { kr: 'KR-CRM' });
  }
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [t, browser] = await Promise.all([startTestWorkbench('2026-10-01'), launchChromium()]);
  await buildCrmHistory();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(path: string, mode: (typeof MODES)[number], width = 1400): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${t.url}${path}${path.includes('?') ? '&' : '?'}theme=${mode}`);
  expect(await page.evaluate(() => document.documentElement.dataset.colorMode)).toBe(mode);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  expect(await page.locator('[role="alert"]').count()).toBe(0);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  await page.close();
}

describe('screenshots of every surface', () => {
  it('history exists for the burn-up', async () => {
    const detail = await t.api('getKeyResult', { kr: 'KR-CRM' });
    expect(detail.history.length).toBe(5);
    expect(new Set(detail.history.map((p) => p.total)).size).toBeGreaterThan(1);
  });

  for (const mode of MODES) {
    it(`start page, ${mode}`, async () => {
      const page = await open('/', mode);
      await page.locator('table.wb-demo tbody tr').first().waitFor();
      await shoot(page, `start-${mode}`);
    });

    it(`Jira issue panel on epic CS-1, ${mode}`, async () => {
      const page = await open('/jira/browse/CS-1', mode);
      const panel = await panelSettled(page);
      await panel.locator('article[data-kr="KR-CRM"] summary').click();
      await shoot(page, `jira-issue-panel-${mode}`);
    });

    it(`ADO work item form group on feature 101, ${mode}`, async () => {
      const page = await open('/ado/workitem/101', mode);
      await panelSettled(page);
      await shoot(page, `ado-work-item-form-${mode}`);
    });

    it(`alignment board with KR-CRM's contributing items and burn-up, ${mode}`, async () => {
      const page = await open('/board', mode);
      await boardSettled(page);
      const objective = page.locator('li[data-objective="O-LOYAL"]');
      await objective.locator('> .h-row button').first().click();
      await objective.getByRole('button', { name: /Contributing items of KR-CRM/ }).click();
      await page.locator('[data-kr-details="KR-CRM"] svg.h-burnup').waitFor();
      await shoot(page, `board-${mode}`);
    });

    it(`KPI readout, ${mode}`, async () => {
      const page = await open('/kpis', mode);
      await page.locator('.h-kpis[data-state="ready"]').waitFor();
      await shoot(page, `kpis-${mode}`);
    });
  }

  it('board in the Azure DevOps look, filtered to Engineering', async () => {
    const page = await open('/board?host=ado&team=eng', 'light');
    await boardSettled(page);
    expect(await page.locator('.h-root.h-theme-ado').count()).toBe(1);
    await shoot(page, 'board-ado-light');
  });

  it('check-in on an outcome KR with an inline validation message', async () => {
    await t.api('linkWorkItem', { kr: 'KR-FCR', ref: 'jira:CS-42' });
    const page = await open('/jira/browse/CS-42', 'light');
    const panel = await panelSettled(page);
    const card = panel.locator('article[data-kr="KR-FCR"]');
    await card.getByRole('button', { name: 'Check in' }).click();
    await card.getByLabel(/New value/).fill('about seventy');
    await card.getByRole('button', { name: 'Check in' }).last().click();
    await card.locator('.h-field-error').waitFor();
    await page.locator('.h-checkin').screenshot({ path: join(OUT, 'check-in-validation-light.png') });
    await page.close();
  });

  it('focus a breached KPI as a KR', async () => {
    const page = await open('/kpis', 'light');
    const card = page.locator('article[data-kpi="change-failure-rate"]');
    await card.getByRole('button', { name: 'Focus as a KR' }).click();
    await card.getByRole('form').getByLabel('Objective').locator('option').nth(1).waitFor({ state: 'attached' });
    await card.screenshot({ path: join(OUT, 'kpi-focus-form-light.png') });
    await page.close();
  });
});
