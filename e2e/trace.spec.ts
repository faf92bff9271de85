import { expect, numberField, settled, slider, summary, test } from './fixtures.ts';

/** A trace file with a bad rate on line 17 (two comment lines, the header, then rows). */
function csv(rows: number, bad?: { line: number; text: string }): Buffer {
  const lines = ['# a test trace', '# made up for this test', 'time_s,dirty_pages_per_s'];
  for (let t = 0; lines.length < rows + 3; t++) lines.push(`${t},${1000 + 500 * t}`);
  if (bad) lines[bad.line - 1] = bad.text;
  return Buffer.from(lines.join('\n') + '\n');
}

const upload = (page: import('@playwright/test').Page, name: string, buffer: Buffer) =>
  page.getByLabel('Upload a CSV trace').setInputFiles({ name, mimeType: 'text/csv', buffer });

test('an upload with a bad row shows the line and keeps the scenario and the earlier trace', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const before = await summary(page);
  const url = page.url();

  await upload(page, 'bad.csv', csv(30, { line: 17, text: '13,abc' }));
  const error = page.getByTestId('trace-error');
  await expect(error).toHaveText('Trace not loaded: line 17: rate "abc" is not a number');
  await expect(error).toHaveAttribute('role', 'alert');
  // Nothing else changed: no trace, the same scenario and result.
  await expect(page.getByLabel('Trace', { exact: true })).toHaveValue('none');
  await expect(slider(page, 'Page dirty rate')).toBeEnabled();
  await settled(page);
  expect(await summary(page)).toEqual(before);
  expect(page.url()).toBe(url);

  // A valid upload drives the rate; a bad one after it keeps it.
  await upload(page, 'good.csv', csv(30));
  await expect(page.getByTestId('trace-info')).toContainText('good.csv: 30 rows over 29.0 s');
  await expect(error).toBeEmpty();
  await expect(slider(page, 'Page dirty rate')).toBeDisabled();
  await expect(page.getByTestId('rate-from-trace')).toBeVisible();
  await expect(page.getByTestId('upload-link-note')).toContainText('good.csv');
  await settled(page);
  const withTrace = await summary(page);
  expect(withTrace).not.toEqual(before);
  await expect.poll(() => page.url()).not.toContain('trace=');

  await upload(page, 'worse.csv', csv(30, { line: 9, text: '6,-5' }));
  await expect(error).toHaveText('Trace not loaded: line 9: rate -5 is negative');
  await expect(page.getByLabel('Trace', { exact: true })).toHaveValue('uploaded');
  await expect(page.getByTestId('trace-info')).toContainText('good.csv');
  expect(await summary(page)).toEqual(withTrace);
});

test('a shipped trace loads, shows the range over start times, and is kept in the link', async ({ page, browser }) => {
  await page.goto('./');
  await settled(page);
  await page.getByLabel('Trace', { exact: true }).selectOption('nfs-rising');
  await settled(page);
  await expect(page.locator('.charts__curves')).toHaveAttribute('data-mode', 'start');
  const range = page.getByTestId('start-range');
  // Akoush Table IV style: docs/TRACES.md gives 14.2 s (start 0 s) to 48.1 s (start 528 s) for this VM and link.
  await expect(range.getByTestId('start-min-migrationTimeS')).toHaveText('14.2 s (start 0 s)');
  await expect(range.getByTestId('start-max-migrationTimeS')).toHaveText('48.1 s (start 528 s)');
  await expect(range.getByTestId('start-max-downtimeS')).toContainText('9.50 s');
  await expect(page.getByTestId('chart-starts').locator('g[data-extreme]')).toHaveCount(4);
  await expect(page.getByTestId('trace-sparkline')).toBeVisible();
  await expect.poll(() => page.url()).toContain('trace=nfs-rising');
  const shown = await summary(page);

  const fresh = await browser.newContext();
  const reopened = await fresh.newPage();
  await reopened.goto(page.url());
  await settled(reopened);
  await expect(reopened.getByLabel('Trace', { exact: true })).toHaveValue('nfs-rising');
  expect(await summary(reopened)).toEqual(shown);
  await fresh.close();

  // Back to the constant rate: the rate curves return.
  await page.getByLabel('Trace', { exact: true }).selectOption('none');
  await settled(page);
  await expect(page.locator('.charts__curves')).toHaveAttribute('data-mode', 'rate');
  await expect.poll(() => page.url()).not.toContain('trace=');
});

test('the start slider changes the result', async ({ page }) => {
  await page.goto('./?trace=mapreduce-phases');
  await settled(page);
  const before = await summary(page);
  const start = numberField(page, 'Migration starts at');
  await start.fill('520');
  await start.press('Enter');
  await settled(page);
  await expect.poll(() => summary(page)).not.toEqual(before);
  await expect.poll(() => page.url()).toContain('start=520');
  // The keyboard moves it too.
  const after = await summary(page);
  await slider(page, 'Migration starts at').focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
  await settled(page);
  await expect.poll(() => summary(page)).not.toEqual(after);
});

test('an unknown trace in a link is reported and ignored', async ({ page }) => {
  await page.goto('./?trace=../../etc/passwd&rate=3000');
  await expect(page.getByTestId('url-notice')).toContainText('trace:');
  await settled(page);
  await expect(page.getByLabel('Trace', { exact: true })).toHaveValue('none');
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('3000');
});

test('an upload over 50 MB is refused before it is read, and nothing else changes', async ({ page }, testInfo) => {
  // A sparse file: 50 MB and one byte on disk in no time; the app must refuse it by its size alone.
  const path = testInfo.outputPath('huge.csv');
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'w');
  await handle.truncate(50 * 1024 * 1024 + 1);
  await handle.close();

  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const before = await summary(page);
  await page.getByLabel('Upload a CSV trace').setInputFiles(path);
  await expect(page.getByTestId('trace-error')).toHaveText('Trace not loaded: the file is 50.0 MB (52,428,801 bytes); traces may be at most 50 MB');
  await expect(page.getByLabel('Trace', { exact: true })).toHaveValue('none');
  await expect(slider(page, 'Page dirty rate')).toBeEnabled();
  expect(await summary(page)).toEqual(before);
});

test('a large valid upload (a million rows) parses in the worker while the controls stay live', async ({ page }, testInfo) => {
  const rows = 1_000_000;
  const lines = ['time_s,dirty_pages_per_s'];
  for (let t = 0; t < rows; t++) lines.push(`${t},${(t * 7919) % 40000}`);
  const path = testInfo.outputPath('million.csv');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, lines.join('\n') + '\n');

  await page.goto('./?preset=akoush-1g');
  await settled(page);
  await page.getByLabel('Upload a CSV trace').setInputFiles(path);
  // While the worker parses, the main thread still answers: a slider change shows its result.
  await numberField(page, 'Link speed').fill('7120');
  await numberField(page, 'Link speed').press('Enter');
  await expect(page.getByTestId('trace-info')).toContainText('million.csv: 1,000,000 rows', { timeout: 30_000 });
  await settled(page);
  await expect(page.getByTestId('rate-from-trace')).toBeVisible();
  await expect.poll(() => page.url()).toContain('link=7120');
});
