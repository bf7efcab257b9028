// Small readers over the page, so tests compare what the user sees with what the API says.
import type { Locator, Page } from 'playwright-core';

export async function progressOf(bar: Locator): Promise<{ now: number; text: string }> {
  const [now, text] = await Promise.all([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuetext')]);
  return { now: Number(now), text: text ?? '' };
}

/** Waits until the panel shows data and is not reloading. */
export async function panelSettled(page: Page): Promise<Locator> {
  const panel = page.locator('section.h-panel[data-state="ready"]:not([data-reloading])');
  await panel.waitFor();
  return panel;
}

export async function boardSettled(page: Page): Promise<Locator> {
  const board = page.locator('.h-board[data-state="ready"]:not([data-reloading])');
  await board.waitFor();
  return board;
}

/** Presses Tab until the focused element matches, as a keyboard user would reach it. */
export async function tabTo(page: Page, matches: (el: { role: string | null; label: string; text: string }) => boolean, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { role: null, label: '', text: '' };
      const labelled = a.id ? document.querySelector(`label[for="${CSS.escape(a.id)}"]`)?.textContent ?? '' : '';
      return { role: a.getAttribute('role') ?? a.tagName.toLowerCase(), label: a.getAttribute('aria-label') ?? labelled, text: a.textContent ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error(`no focusable element matched within ${maxTabs} tabs`);
}
