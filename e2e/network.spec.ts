import { dragSlider, expect, openPresets, settled, test } from './fixtures.ts';

test('the app makes no request outside its own origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => requests.push(w.url()));
  await page.goto('./?preset=akoush-100m');
  await settled(page);
  await dragSlider(page, 'VM memory', 0.7);
  await openPresets(page);
  await page.getByRole('link', { name: 'Akoush Fig. 1, 10 Gbps' }).click();
  await page.getByRole('button', { name: 'Show table' }).first().click();
  await settled(page);
  // A shipped trace comes from the app's own origin.
  await page.getByLabel('Trace', { exact: true }).selectOption('mapreduce-phases');
  await settled(page);
  await expect(page.getByTestId('start-range')).toBeVisible();
  expect(requests.some((u) => u.endsWith('/traces/mapreduce-phases.csv'))).toBe(true);
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
});
