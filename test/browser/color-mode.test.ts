// The workbench's colour mode (issue 10, section 5): it follows the system's setting until a
// choice is made with the toggle, and the toggle says whether dark mode is on.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { startTestWorkbench, type TestWorkbench } from './helpers/workbench';

describe('workbench colour mode', () => {
  let t: TestWorkbench;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestWorkbench();
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('follows the system setting, live, until the toggle makes a choice that then stays', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${t.url}/board`);
    const mode = () => page.evaluate(() => document.documentElement.dataset.colorMode);
    const toggle = page.getByRole('switch', { name: /dark mode/i });
    expect(await mode()).toBe('dark');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await toggle.textContent()).toBe('Dark mode on');

    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.colorMode === 'light');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await toggle.textContent()).toBe('Dark mode off');

    await toggle.click();
    expect(await mode()).toBe('dark');
    // A choice made here outlasts the system's setting, across a reload.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    expect(await mode()).toBe('dark');
    await context.close();
  });
});
