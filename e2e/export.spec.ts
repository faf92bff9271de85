// Exports: each chart as SVG and PNG (downloads), the result as CSV and JSON, the CLI command.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { csvParse } from 'd3';
import { expect, settled, test } from './fixtures.ts';

async function download(page: Page, button: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(await file.failure()).toBeNull();
  return { file, bytes: await readFile((await file.path())!) };
}

/** Parses SVG text in the page (DOMParser) and reports what a reader of the file would find. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: doc.querySelector('title')?.textContent ?? '',
      caption: doc.querySelector('[data-caption]')?.textContent ?? '',
      series: [...doc.querySelectorAll('path[data-series]')].map((p) => ({ link: p.getAttribute('data-series'), d: (p.getAttribute('d') ?? '').length, stroke: p.getAttribute('stroke') ?? '' })),
      bars: doc.querySelectorAll('g[data-iteration]').length,
      legend: [...doc.querySelectorAll('[data-legend] text')].map((t) => t.textContent),
      classes: doc.querySelectorAll('[class]').length,
      styled: doc.querySelectorAll('[style]').length,
    };
  }, text);
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the curves chart exports as a standalone SVG with its series, legend and caption, and as a 2x PNG', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&rate=20000');
  await settled(page);
  const chart = page.getByTestId('chart-curves');
  const { file, bytes } = await download(page, chart.getByRole('button', { name: /^SVG/ }));
  expect(file.suggestedFilename()).toBe('precopy-curves-1GiB-935Mbps-20000pps.svg');
  const svg = await parseSvg(page, bytes.toString('utf8'));
  expect(svg.error).toBeNull();
  expect(svg.root).toBe('svg');
  expect(svg.ns).toBe('http://www.w3.org/2000/svg');
  // The three Akoush links, each a drawn path (twice: migration time and downtime panels), coloured inline.
  const onPage = await chart.locator('path[data-series]').count();
  expect(svg.series.length).toBe(onPage);
  expect(new Set(svg.series.map((s) => s.link))).toEqual(new Set(['94.2', '935', '7120']));
  for (const s of svg.series) {
    expect(s.d).toBeGreaterThan(50);
    expect(s.stroke).toMatch(/^rgb\(/);
  }
  expect(svg.classes + svg.styled).toBe(0); // no dependence on the page's CSS, no style attributes
  expect(svg.legend.join(' ')).toContain('1 Gbps');
  expect(svg.caption).toContain('1 GiB VM, 935 Mbit/s link, 20,000 pages/s dirtied'); // the shared description's digits
  expect(svg.caption).toContain('?v=1&vm=1024&link=935&rate=20000');

  const png = await download(page, chart.getByRole('button', { name: /^PNG/ }));
  expect(png.file.suggestedFilename()).toBe('precopy-curves-1GiB-935Mbps-20000pps.png');
  expect(pngSize(png.bytes)).toEqual({ width: svg.width * 2, height: svg.height * 2 });
});

test('the iteration chart SVG has one bar group per iteration', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&rate=20000&policy=qemu');
  await settled(page);
  const chart = page.getByTestId('chart-iterations');
  const { file, bytes } = await download(page, chart.getByRole('button', { name: /^SVG/ }));
  expect(file.suggestedFilename()).toBe('precopy-iterations-1GiB-935Mbps-20000pps-qemu.svg');
  const svg = await parseSvg(page, bytes.toString('utf8'));
  expect(svg.error).toBeNull();
  expect(svg.title).toBe('Pages per iteration');
  expect(svg.bars).toBe(await chart.locator('g[data-iteration]').count());
  expect(svg.bars).toBeGreaterThan(1);
  // The stop note, HTML over the plot on the page (its words are glossary terms), is drawn in the file.
  const texts = [...bytes.toString('utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  expect(texts).toContain('Pre-copy ended: dirty data fits the downtime limit');
});

test('the result CSV parses back to the chart numbers; the JSON holds the scenario and result', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&rate=20000');
  await settled(page);
  const result = page.getByRole('region', { name: 'Result' });
  const csv = await download(page, result.getByRole('button', { name: 'Download CSV' }));
  expect(csv.file.suggestedFilename()).toBe('precopy-result-1GiB-935Mbps-20000pps.csv');
  const rows = csvParse(csv.bytes.toString('utf8'));
  const iterations = Number(await result.getByTestId('iterations').innerText());
  expect(rows).toHaveLength(iterations);
  // The iteration chart's bar groups and its table say the same.
  const chart = page.getByTestId('chart-iterations');
  expect(rows.map((r) => r.iteration)).toEqual(await chart.locator('g[data-iteration]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-iteration'))));
  expect(rows.at(-1)!.phase).toBe('stop-and-copy');

  const json = await download(page, result.getByRole('button', { name: 'Download JSON' }));
  const file = JSON.parse(json.bytes.toString('utf8'));
  expect(file.version).toBe(1);
  expect(file.scenario).toMatchObject({ vmMiB: 1024, linkMbps: 935, dirtyRate: 20000 });
  expect(file.result.perIteration.map((it: { pagesSent: number }) => String(it.pagesSent))).toEqual(rows.map((r) => r['pages sent']));
  const total = rows.reduce((sum, r) => sum + Number(r['pages sent']), 0);
  expect(total).toBe(file.result.pagesSent);
});

test('Copy CLI command shows and copies the flags; a shipped trace is named by its path', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?preset=akoush-1g&rate=20000&policy=qemu');
  await settled(page);
  const result = page.getByRole('region', { name: 'Result' });
  await result.getByRole('button', { name: 'Copy CLI command' }).click();
  await expect(result.getByRole('status').filter({ hasText: 'Command copied.' })).toBeVisible();
  const command = (await result.getByTestId('cli-command').innerText()).trim();
  expect(command).toMatch(/^npm run --silent simulate -- /);
  expect(command).toContain('--rate 20000');
  expect(command).toContain('--policy qemu');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);

  await page.getByLabel('Trace', { exact: true }).selectOption('nfs-rising');
  await settled(page);
  await result.getByRole('button', { name: 'Copy CLI command' }).click();
  await expect(result.getByTestId('cli-command')).toContainText('--trace public/traces/nfs-rising.csv');
  await expect(result.getByTestId('cli-command')).not.toContainText('--rate');

  // The start-time chart exports too, and axe finds nothing in the export controls and the command.
  const starts = await download(page, page.getByTestId('chart-starts').getByRole('button', { name: /^SVG/ }));
  expect(starts.file.suggestedFilename()).toBe('precopy-start-times-1GiB-935Mbps-trace-nfs-rising-start0s-qemu.svg');
  expect((await parseSvg(page, starts.bytes.toString('utf8'))).caption).toContain('shipped trace nfs-rising');
  const axe = await new AxeBuilder({ page }).include('.summary').include('.charts').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the print view hides the controls and fits every chart to the page', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&rate=20000');
  await settled(page);
  const plots = page.locator('.chart__plot svg[role="img"]');
  expect(await plots.count()).toBeGreaterThan(2);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  // A narrower page, as on paper: the charts re-render at its width and stay within it.
  await page.setViewportSize({ width: 700, height: 900 });
  await expect(page.locator('.controls')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy CLI command' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Result' }).getByTestId('migration-time')).toBeVisible();
  for (const svg of await plots.all()) {
    const box = (await svg.boundingBox())!;
    const figure = (await svg.locator('xpath=ancestor::figure').boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x + box.width).toBeLessThanOrEqual(figure.x + figure.width + 0.5);
    expect(box.height).toBeGreaterThan(80);
  }
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(plots.first()).not.toHaveAttribute('viewBox', /./);
  expect(await plots.evaluateAll((svgs) => svgs.every((s) => /^\d+(\.\d+)?$/.test(s.getAttribute('width') ?? '')))).toBe(true);
});
