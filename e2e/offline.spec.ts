// Offline: after one visit the service worker serves the app, its workers, teaching mode, presets and
// shipped traces.
import { expect, openPresets, openView, settled, slider, summary, test } from './fixtures.ts';

// The other specs block service workers (playwright.config.ts); this one is about them.
test.use({ serviceWorkers: 'allow' });

test('after one visit the app reloads and runs with the network off', async ({ page, context }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  // Installed and in control (clients.claim) before the network goes.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

  await context.setOffline(true);
  expect(await page.evaluate(() => fetch('./index.html?probe', { cache: 'no-store' }).then(() => 'cached', () => 'failed'))).toBe('cached');

  await page.reload();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const before = await summary(page);
  // A slider change runs a scenario in the (cached) worker.
  const rate = slider(page, 'Page dirty rate');
  await rate.focus();
  for (let i = 0; i < 8; i++) await rate.press('ArrowRight');
  await settled(page);
  expect(await summary(page)).not.toEqual(before);

  // Teaching mode (its replay worker comes from the cache), a preset and a shipped trace too.
  await openView(page, 'Teach');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByTestId('narration')).toContainText('Before the migration');
  await openView(page, 'Explore');
  await openPresets(page);
  await page.getByRole('link', { name: 'Akoush Fig. 1, 10 Gbps' }).click();
  await settled(page);
  await page.getByLabel('Trace', { exact: true }).selectOption('mapreduce-phases');
  await settled(page);
  await expect(page.getByTestId('start-range')).toBeVisible();
  await expect(page.getByTestId('trace-error')).toBeEmpty();
  await context.setOffline(false);
});
