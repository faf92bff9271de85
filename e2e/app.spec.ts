import { PRESETS } from '../src/model/presets.ts';
import { chartMarkup, dragSlider, expect, numberField, openPresets, settled, slider, summary, test } from './fixtures.ts';

test('the simulator runs in a Web Worker that answers', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('./');
  await settled(page);
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.some((u) => u.includes('simulator'))).toBe(true);
  await expect(page.getByTestId('migration-time')).toHaveText(/^\d[\d.,]* (s|ms)$/);
});

for (const [name, to] of [
  ['Page dirty rate', 0.8],
  ['Link speed', 0.25],
  ['VM memory', 0.6],
] as const) {
  test(`dragging "${name}" changes the summary and the charts`, async ({ page }) => {
    // A dirty guest, so that every control shapes every chart (an idle one sends the same pages on any link).
    await page.goto('./?preset=akoush-1g');
    await settled(page);
    const before = await summary(page);
    const charts = { iterations: await chartMarkup(page, 'chart-iterations'), timeline: await chartMarkup(page, 'chart-timeline'), curves: await chartMarkup(page, 'chart-curves') };
    await dragSlider(page, name, to);
    await settled(page);
    await expect.poll(() => summary(page)).not.toEqual(before);
    expect(await chartMarkup(page, 'chart-iterations')).not.toEqual(charts.iterations);
    expect(await chartMarkup(page, 'chart-timeline')).not.toEqual(charts.timeline);
    expect(await chartMarkup(page, 'chart-curves')).not.toEqual(charts.curves);
  });
}

test('the keyboard alone moves a slider', async ({ page }) => {
  // An idle guest (the app's own start scenario is a busy one).
  await page.goto('./?rate=0');
  await settled(page);
  const before = await summary(page);
  // Tab from the top of the page to the dirty-rate slider, as a keyboard user would.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await slider(page, 'Page dirty rate').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(slider(page, 'Page dirty rate')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('10');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('1000000');
  await expect(slider(page, 'Page dirty rate')).toHaveAttribute('aria-valuetext', /pages\/s$/);
  await settled(page);
  expect(await summary(page)).not.toEqual(before);
});

test('a typed value is clamped to the control’s range', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  const vm = numberField(page, 'VM memory');
  await vm.fill('50000000');
  await vm.press('Enter');
  await expect(vm).toHaveValue('16777216');
  await expect(slider(page, 'VM memory')).toHaveAttribute('aria-valuetext', '16 TiB');
});

test('the link presets set Akoush’s goodputs', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  await page.getByRole('button', { name: '100 Mbps' }).click();
  await expect(numberField(page, 'Link speed')).toHaveValue('94.2');
  await expect(page.getByRole('button', { name: '100 Mbps' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '10 Gbps' }).click();
  await expect(numberField(page, 'Link speed')).toHaveValue('7120');
});

test('each preset loads in one click, shows its description and is a shareable link', async ({ page, context }) => {
  test.slow(); // one page load per preset, and there are many
  await page.goto('./');
  await settled(page);
  await openPresets(page);
  for (const preset of PRESETS) {
    const link = page.getByRole('link', { name: preset.title, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('.presets__description')).toContainText(preset.description.slice(0, 40));
    await expect(numberField(page, 'Page dirty rate')).toHaveValue(String(preset.scenario.dirtyRate));
    await expect(numberField(page, 'VM memory')).toHaveValue(String(preset.scenario.vmMiB));
    // The summary is the run's own; the curves' sweep is left to finish (or be superseded) in the
    // background, since twelve complete sweeps made this the suite's longest test.
    await expect(page.locator('.summary')).toHaveAttribute('aria-busy', 'false');
    const shown = await summary(page);
    // The same preset from its own URL shows the same numbers (in the SLA view: summary, no sweep).
    const other = await context.newPage();
    await other.goto(`./?preset=${preset.id}&view=sla`);
    await settled(other);
    expect(await summary(other)).toEqual(shown);
    await other.close();
  }
});

test('theme and large type toggle', async ({ page }) => {
  await page.goto('./');
  const dark = page.getByRole('button', { name: 'Dark theme' });
  const initial = await page.evaluate(() => document.documentElement.dataset.theme);
  await dark.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', initial === 'dark' ? 'light' : 'dark');
  await page.getByRole('button', { name: 'Large type' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-type', 'large');
});

test('User Timing records "update" and "curves" for a change', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  const rate = numberField(page, 'Page dirty rate');
  await rate.fill('20000');
  await settled(page);
  await page.getByRole('button', { name: '100 Mbps' }).click();
  await settled(page);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('update').length)).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('curves').length)).toBeGreaterThanOrEqual(2);
});
