// Measured values on the workbench (issue 11 journey): define a measured KR with the live
// preview, see the tracker's error worded as Jira words it, measure now, see the value and its
// age, and open its query in the tracker's own search. Screenshots at 400 and 1440 px, light
// and dark, go to test-results/screenshots (docs/screenshots with UPDATE_SCREENSHOTS=1).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { ROOT } from './helpers/build-ui';
import { boardSettled } from './helpers/dom';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

const OUT = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const OPEN_BUGS = 'project = CS AND type = Bug AND statusCategory != Done';

let t: TestWorkbench;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [t, browser] = await Promise.all([startTestWorkbench(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The board with O-WINBACK open and one of its KRs' details showing. */
async function openKr(kr: string, options: { width?: number; mode?: 'light' | 'dark' } = {}): Promise<{ page: Page; section: Locator }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1400, height: 1000 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${t.url}/board?team=cs${options.mode ? `&theme=${options.mode}` : ''}`);
  await boardSettled(page);
  const objective = page.locator('li[data-objective="O-WINBACK"]');
  await objective.locator('> .h-row').getByRole('button', { expanded: false }).click();
  const row = objective.locator(`li[data-kr="${kr}"]`);
  await row.getByRole('button', { name: new RegExp(`Details of ${kr}`) }).click();
  const section = row.locator(`[data-measure="${kr}"]`);
  await section.waitFor();
  return { page, section };
}

describe('a KR measured by a query (workbench)', () => {
  it('is defined with a live preview, measured now, and opens its query in Jira', async () => {
    const { page, section } = await openKr('KR-FCR');
    await expect.poll(() => section.textContent()).toContain('Typed in by hand');
    await section.getByRole('button', { name: 'Measure by a query' }).click();
    const query = section.getByLabel('JQL query');

    // A query Jira refuses: the preview says what Jira says.
    await query.fill('type Bug');
    const preview = section.locator('[data-measure-preview]');
    await expect.poll(() => preview.getAttribute('data-measure-preview')).toBe('done');
    expect(await preview.textContent()).toMatch(/Error in the JQL Query/);

    // The right one: what it matches now, as the viewer.
    await query.fill(OPEN_BUGS);
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/^Matches 9 issues now/);
    const previewLink = preview.getByRole('link', { name: 'open in Jira' });
    expect(await previewLink.getAttribute('href')).toBe(`${t.wb.jira.url}/issues/?jql=${encodeURIComponent(OPEN_BUGS)}`);
    await section.getByRole('button', { name: 'Save the measure' }).click();

    // Saved: the query shows, and "Measure now" records the value.
    await section.getByRole('button', { name: 'Measure now' }).waitFor();
    expect(await section.locator('code').textContent()).toBe(OPEN_BUGS);
    await section.getByRole('button', { name: 'Measure now' }).click();
    await expect.poll(() => section.locator('[data-measure-age]').textContent()).toMatch(/Value measured (just now|\d+ min ago)/);
    const link = section.getByRole('link', { name: 'open the query in Jira' });
    expect(await link.getAttribute('href')).toBe(`${t.wb.jira.url}/issues/?jql=${encodeURIComponent(OPEN_BUGS)}`);
    const detail = await t.api('getKeyResult', { kr: 'KR-FCR' });
    expect(detail.kr).toMatchObject({ current: 9, currentAt: '2026-11-15' });

    // The run log explains the value: as whom, what it matched, the requests made.
    await section.locator('summary').click();
    const run = section.locator('table.h-measure-log tbody tr').first();
    expect(await run.locator('td').allTextContents()).toEqual([expect.stringMatching(/UTC \(viewer\)$/) as unknown, 'maria', '9', '9', '1']);

    await page.close();
  });

  it('screenshots: 400 and 1440 px, light and dark', async () => {
    await t.api('measureNow', { id: 'KR-OPEN-BUGS' });
    for (const mode of ['light', 'dark'] as const) {
      for (const width of [400, 1440]) {
        const { page, section } = await openKr('KR-OPEN-BUGS', { width, mode });
        await section.locator('summary').click();
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(OUT, `measure-${width}-${mode}.png`), fullPage: true });
        await page.close();
      }
    }
  });
});
