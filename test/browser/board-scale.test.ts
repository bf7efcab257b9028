// The board with 1,000 objectives, seeded through the API's importPlan as a user would import a
// plan file. The time from navigation to the board showing its data is printed, not asserted.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { boardSettled } from './helpers/dom';
import { apiAnswered, readyAfterNavigation, recordTiming } from './helpers/timings';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OBJECTIVES = 1000;
const TEAMS = 10;
const LINKABLE = ['jira:CS-1', 'jira:CS-10', 'jira:CS-20', 'ado:200', 'ado:300'];

/** A large organisation: 10 teams under the company, 3 KRs per objective, one in ten with tracked work. */
function largePlan(): string {
  const teams = [{ id: 'company', name: 'Rain Town Tea' }, ...Array.from({ length: TEAMS }, (_, i) => ({ id: `t${i}`, name: `Team ${i}`, parent: 'company' }))];
  const objectives = Array.from({ length: OBJECTIVES }, (_, i) => {
    const team = i === 0 ? 'company' : `t${i % TEAMS}`;
    const keyResults: unknown[] = [0, 1].map((k) => ({
      id: `KR${i}-${k}`,
      title: `Move metric ${k} of objective ${i} from 10 to 20`,
      type: 'outcome',
      start: 10,
      target: 20,
      checkIns: [{ at: '2026-11-01', value: 10 + ((i * 7 + k * 3) % 11), confidence: 0.6 }],
    }));
    keyResults.push(
      i % 10 === 0
        ? { id: `KR${i}-2`, title: `Deliver the work of objective ${i}`, type: 'effort', links: [LINKABLE[(i / 10) % LINKABLE.length]] }
        : { id: `KR${i}-2`, title: `Reach 5 of something for objective ${i}`, type: 'outcome', start: 0, target: 5 },
    );
    return { id: `O${i}`, title: `Objective ${i}: make customers love tea ${i}`, team, period: '2026-Q4', owner: `owner${i % 25}`, ...(i === 0 ? {} : { aligns: 'O0' }), keyResults };
  });
  return JSON.stringify({ okr: 1, organization: 'Large Tea Co', periods: [{ id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }], teams, objectives, kpis: [], workItems: [] });
}

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('board with 1,000 objectives', () => {
  it('shows all of them; the time to ready is recorded', async () => {
    const imported = await t.api('importPlan', { text: largePlan(), format: 'json' });
    expect(imported.objectives).toBe(OBJECTIVES);

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${t.url}/board`);
    const firstLoad = await readyAfterNavigation(page, 'board');
    recordTiming(`board ready after navigation, ${OBJECTIVES} objectives, first load`, firstLoad, { objectives: OBJECTIVES });
    await page.goto(`${t.url}/board`);
    const nextLoad = await readyAfterNavigation(page, 'board');
    recordTiming(`board ready after navigation, ${OBJECTIVES} objectives, next load`, nextLoad, { objectives: OBJECTIVES });
    // Where the time goes: until the getBoard answer has arrived, and drawing it after that.
    const answered = await apiAnswered(page, 'getBoard');
    if (answered !== undefined) {
      recordTiming(`  of which until the getBoard answer arrived`, answered);
      recordTiming(`  of which rendering ${OBJECTIVES} objectives`, nextLoad - answered);
    }

    await boardSettled(page);
    expect(await page.locator('li.h-objective').count()).toBe(OBJECTIVES);
    expect(await page.locator('li.h-team').count()).toBe(TEAMS + 1);
    await page.getByRole('button', { name: 'Expand all' }).click();
    const started = Date.now();
    await page.locator('li.h-kr-row').nth(3 * OBJECTIVES - 1).waitFor();
    recordTiming(`expand all (${3 * OBJECTIVES} key results rendered)`, Date.now() - started);
    await page.close();
  });
});
