// An action that lowers progress says before and after (issue 10 §5): linking more work to an
// effort KR from the issue panel, and focusing a KPI as a new KR of an objective.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectiveChange } from '../../src/ui/format/progress-change';
import { launchChromium } from './helpers/browser';
import { panelSettled } from './helpers/dom';
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

describe('before and after', () => {
  it('linking an undone story to KR-CRM says its share done drops, and why', async () => {
    const before = await t.api('getKeyResult', { kr: 'KR-CRM' });
    expect(before.kr).toMatchObject({ type: 'effort', units: { done: 4, total: 7 } });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${t.url}/jira/browse/CS-42`);
    await panelSettled(page);
    await page.getByRole('combobox', { name: /Link to a key result/ }).fill('new CRM');
    await page.getByRole('option', { name: /KR-CRM/ }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Linked jira:CS-42 to KR-CRM.' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('KR-CRM: 57% → 50% done (4 of 7 → 4 of 8 units): the new work adds to its scope');
    await page.close();
  });

  it('focusing a KPI says the objective’s progress before and after', async () => {
    const board = await t.api('getBoard', {});
    const objective = board.teams.flatMap((team) => team.objectives).find((o) => o.id === 'O-VELOCITY');
    if (!objective) throw new Error('the demo has O-VELOCITY');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${t.url}/kpis`);
    const card = page.locator('article[data-kpi="change-failure-rate"]');
    await card.getByRole('button', { name: 'Focus as a KR' }).click();
    const form = card.getByRole('form');
    await form.getByLabel('Objective').selectOption('O-VELOCITY');
    await form.getByLabel(/^Target/).fill('15');
    await form.getByRole('button', { name: 'Create key result' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Created' });
    await notice.waitFor();
    const after = (await t.api('getBoard', {})).teams.flatMap((team) => team.objectives).find((o) => o.id === 'O-VELOCITY');
    expect(after !== undefined && after.progress < objective.progress).toBe(true);
    expect(await notice.textContent()).toContain(objectiveChange('O-VELOCITY', objective.progress, after?.progress ?? 0));
    expect(await notice.textContent()).toContain('a new key result starts at 0%');
    await page.close();
  });
});
