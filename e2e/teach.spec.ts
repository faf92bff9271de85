// Teaching mode: the player, the memory map (a canvas drawn from the replay worker) and the narration.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openView, settled, test } from './fixtures.ts';

async function openTeaching(page: Page, query = '?preset=akoush-1g'): Promise<void> {
  await page.goto(`./${query}`);
  await settled(page);
  await openView(page, 'Teach');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await mapShowsPosition(page);
}

const position = (page: Page) => page.getByTestId('teach-position').getAttribute('data-position');

/** Waits until the map and the narration show the player's position. */
async function mapShowsPosition(page: Page): Promise<string> {
  const p = (await position(page))!;
  await expect(page.getByTestId('memory-map')).toHaveAttribute('data-frame', p);
  await expect(page.getByTestId('narration')).toHaveAttribute('data-event', p);
  return p;
}

const pixels = (page: Page) => page.getByTestId('memory-map').evaluate((c: HTMLCanvasElement) => c.toDataURL());

test('opening teaching mode shows the player, the map and the narration', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openTeaching(page);
  expect(workers.some((u) => u.includes('replay'))).toBe(true);
  for (const name of ['Play', 'Step forward', 'Step back', 'Restart']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  const map = page.getByRole('img', { name: /Memory map of all 262,144 pages/ });
  await expect(map).toBeVisible();
  expect(await map.evaluate((c) => c.tagName)).toBe('CANVAS');
  await expect(page.getByTestId('narration')).toContainText('Before the migration');
  await expect(page.getByTestId('narration')).toContainText('262,144 pages');
});

test('Play advances the position and Pause stops it', async ({ page }) => {
  await openTeaching(page);
  await page.getByLabel('Speed', { exact: true }).selectOption('30');
  const start = await position(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => position(page)).not.toBe(start);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await mapShowsPosition(page);
  const text = await page.getByTestId('narration').innerText();
  await page.waitForTimeout(500);
  expect(await position(page)).toBe(paused);
  expect(await page.getByTestId('narration').innerText()).toBe(text);
  expect(Number(paused)).toBeGreaterThan(Number(start));
});

for (const granularity of ['batch', 'iteration'] as const) {
  test(`Step forward then Step back returns to the same map and narration (per ${granularity})`, async ({ page }) => {
    await openTeaching(page);
    await page.getByLabel('Step by', { exact: true }).selectOption(granularity);
    // Into the run a little, where batches send and the guest dirties pages.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    const here = await mapShowsPosition(page);
    const before = { pixels: await pixels(page), text: await page.getByTestId('narration').innerText() };
    await page.getByRole('button', { name: 'Step forward' }).click();
    const next = await mapShowsPosition(page);
    expect(next).not.toBe(here);
    expect(await pixels(page)).not.toBe(before.pixels);
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await mapShowsPosition(page)).toBe(here);
    expect(await page.getByTestId('narration').innerText()).toBe(before.text);
    expect(await pixels(page)).toBe(before.pixels);
  });
}

test('the keyboard plays, steps and restarts', async ({ page }) => {
  await openTeaching(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => position(page)).not.toBe('0');
  const two = await mapShowsPosition(page);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => position(page)).not.toBe(two);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect.poll(() => position(page)).toBe('0');

  // Keys typed in a field are the field's own.
  await page.getByLabel('Step by', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => position(page)).toBe('0');
});

test('the help overlay opens with ? and closes with Escape', async ({ page }) => {
  await openTeaching(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // Player keys do nothing behind the dialog.
  await page.keyboard.press('ArrowRight');
  expect(await position(page)).toBe('0');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('glossary terms explain themselves on focus', async ({ page }) => {
  await openTeaching(page);
  const term = page.getByTestId('narration').getByRole('button', { name: 'pre-copy' });
  await term.focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expect(term).toHaveAccessibleDescription(/pre-copy:.*guest keeps running/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();
});

test('a VM too large to replay shows a message instead of the map', async ({ page }) => {
  await page.goto('./?vm=262144');
  await settled(page);
  await openView(page, 'Teach');
  await expect(page.getByText(/the page-by-page replay stops at 33,554,432 pages/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Memory map/ })).toHaveCount(0);
});

test('a new scenario reloads the replay and resets the position', async ({ page }) => {
  await openTeaching(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => position(page)).not.toBe('0');
  // The scenario's controls are on the workbench; the replay follows the new scenario back in Teach.
  await openView(page, 'Explore');
  await page.getByRole('spinbutton', { name: /^VM memory \(/ }).fill('512');
  await page.getByRole('spinbutton', { name: /^VM memory \(/ }).press('Enter');
  await openView(page, 'Teach');
  await expect(page.getByRole('img', { name: /Memory map of all 131,072 pages/ })).toBeVisible();
  await expect.poll(() => position(page)).toBe('0');
  await mapShowsPosition(page);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the open player (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openTeaching(page);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    await mapShowsPosition(page);
    const result = await new AxeBuilder({ page }).include('.teachview').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    const help = await new AxeBuilder({ page }).analyze();
    expect(help.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

const currentBars = (page: Page) => page.getByTestId('chart-iterations').locator('g[data-iteration][data-current]');
const cursor = (page: Page) => page.getByTestId('chart-timeline').getByTestId('timeline-cursor');

/** The iteration the narration speaks of, from its title ("Iteration 4, batch 2 of 18"), or null. */
async function narratedIteration(page: Page): Promise<number | null> {
  const title = await page.getByTestId('narration').locator('h3').innerText();
  const m = /^Iteration (\d+)/.exec(title);
  return m ? Number(m[1]) : null;
}

test('the iteration chart follows the player in the Teach view, and only there', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  await expect(page.getByTestId('chart-iterations').locator('g[data-iteration]').first()).toBeVisible();
  await expect(currentBars(page)).toHaveCount(0);
  await expect(cursor(page)).toHaveCount(0);
  await openView(page, 'Teach');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await mapShowsPosition(page);
  // Before iteration 1 nothing is highlighted.
  await expect(currentBars(page)).toHaveCount(0);
  await page.getByLabel('Step by', { exact: true }).selectOption('iteration');
  let highlighted = 0;
  for (let i = 0; i < 4; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await mapShowsPosition(page);
    const n = await narratedIteration(page);
    if (n !== null) {
      await expect(currentBars(page)).toHaveAttribute('data-iteration', String(n));
      highlighted++;
    }
  }
  expect(highlighted).toBeGreaterThan(0);
  // The other groups are dimmed; the current one is not.
  expect(await currentBars(page).evaluate((g) => getComputedStyle(g).opacity)).toBe('1');
  const other = page.getByTestId('chart-iterations').locator('g[data-iteration]:not([data-current])').first();
  expect(Number(await other.evaluate((g) => getComputedStyle(g).opacity))).toBeLessThan(0.5);
  const axe = await new AxeBuilder({ page }).include('[data-testid="chart-iterations"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByTestId('chart-iterations').screenshot({ path: 'test-results/follow-charts.png' });
  // Back on the workbench the charts show the run as it is: nothing highlighted, no cursor.
  await openView(page, 'Explore');
  await expect(page.getByTestId('chart-iterations').locator('g[data-iteration]').first()).toBeVisible();
  await expect(currentBars(page)).toHaveCount(0);
  await expect(cursor(page)).toHaveCount(0);
});

// The player's iteration must be the chart's: pre-copy passes, QEMU's stop-and-copy, post-copy's
// switch-over and push phase.
for (const [name, query, expected] of [
  ['QEMU', '?vm=64&rate=20000&policy=qemu', ['stop-and-copy']],
  ['hybrid', '?vm=64&rate=20000&policy=hybrid', ['switch-over', 'postcopy']],
] as const) {
  test(`the highlighted iteration is the chart's own numbering (${name})`, async ({ page }) => {
    await openTeaching(page, query);
    await page.getByLabel('Step by', { exact: true }).selectOption('iteration');
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.getByRole('button', { name: 'Step forward' }).click();
      const p = await mapShowsPosition(page);
      const title = await page.getByTestId('narration').locator('h3').innerText();
      const n = await narratedIteration(page);
      if (n !== null) await expect(currentBars(page)).toHaveAttribute('data-iteration', String(n));
      if (/^(Stop-and-copy|Pause)/.test(title)) await expect(currentBars(page)).toHaveAttribute('data-phase', 'stop-and-copy');
      if (/^Switch-over/.test(title)) await expect(currentBars(page)).toHaveAttribute('data-phase', 'switch-over');
      if (/^Post-copy push/.test(title)) await expect(currentBars(page)).toHaveAttribute('data-phase', 'postcopy');
      const phase = await currentBars(page).getAttribute('data-phase').catch(() => null);
      if (phase) seen.add(phase);
      if (title === 'Migration complete') break;
      expect(p).not.toBe('');
    }
    await expect(page.getByTestId('narration').locator('h3')).toHaveText('Migration complete');
    for (const phase of expected) expect(seen).toContain(phase);
  });
}

test('a trace-driven run is replayed with its trace', async ({ page }) => {
  await page.goto('./?trace=nfs-rising');
  await settled(page);
  await expect(page.locator('.charts__curves')).toHaveAttribute('data-mode', 'start');
  const iterations = /\d+/.exec(await page.getByRole('region', { name: 'Result' }).getByTestId('iterations').innerText())![0];
  await openView(page, 'Teach');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await mapShowsPosition(page);
  await expect(page.getByTestId('narration')).toContainText('Before the migration');
  await page.getByLabel('Step by', { exact: true }).selectOption('iteration');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await mapShowsPosition(page);
  await expect(page.getByTestId('narration')).toContainText(/Iteration \d+/);
  await expect(page.getByText(/cannot be replayed|constant dirty rate/)).toHaveCount(0);
  // The replay is of the shown run (the same trace), so the Teach view's chart follows it.
  await expect(currentBars(page)).toHaveCount(1);
  // The run it replays is the summary's: the end has the same number of iterations.
  await page.getByLabel('Step by', { exact: true }).selectOption('batch');
  await page.getByLabel('Position').fill(String(Number(await page.getByLabel('Position').getAttribute('max'))));
  // The end counts in the shared vocabulary (issue 11): "6 iterations: 5 live and the stop-and-copy".
  await expect(page.getByTestId('narration')).toContainText(`${iterations} iterations: ${Number(iterations) - 1} live and the stop-and-copy`);
});
