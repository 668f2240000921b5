import type { Page } from 'playwright-core';

/**
 * One keystroke in the command palette (Ctrl+K, issue 19): keydown in its box to the patients,
 * screens and actions listed and painted. Its floor is the search screen's (20 rows written at once
 * and painted): the palette shows fewer rows, so the same floor is a fair one.
 */
export async function paletteKeystroke(page: Page, prefix: string, key: string): Promise<number> {
  const box = page.getByRole('dialog', { name: 'Search everything' }).getByRole('combobox');
  if (!(await box.isVisible())) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await box.waitFor();
  }
  await box.fill(prefix);
  await page.evaluate(
    `window.__bench.settle(document.querySelector('[role=dialog]') || document.body, performance.now(), 150)`,
  );
  await box.focus();
  await page.evaluate(`(() => {
    const input = document.querySelector('[role=dialog] [role=combobox]');
    window.__bench.pending = new Promise((done) => input.addEventListener('keydown', () => done(performance.now()), { once: true })).then((started) => {
      const dialog = document.querySelector('[role=dialog]') || document.body;
      return window.__bench.settle(dialog, started, 100).then((painted) => painted - started);
    });
  })()`);
  await page.keyboard.press(key);
  return page.evaluate<number>('window.__bench.pending');
}
