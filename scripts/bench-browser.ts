// Browser benchmark: opens the built app in Chromium, drags sliders for ~5 s each, and prints the
// User Timing measures the app records ("update": input -> frame showing the summary and the
// per-iteration chart; "curves": input -> frame showing the curves) and the longest main-thread task
// (PerformanceObserver "longtask"); then ticks the compared policies ("compare": toggle -> complete
// curves with them). It prints numbers; it asserts nothing (CI machines are noisy).
//
//   npm run build && npx tsx scripts/bench-browser.ts [--port 4174] [--seconds 5] [--vm 1024,1048576,16777216]
//
// With --vm (sizes in MiB) it drags the dirty rate and the link speed of Akoush's 1 Gbps scenario at
// each size instead. Every phase prints how long the link took from opening to complete curves ("open")
// and the boot: navigation start to the frame with complete curves, and the renderer main thread's busy
// time over it (Chromium's Performance.getMetrics TaskDuration, script and layout included).
//
// It builds nothing: it serves the existing dist/ with `vite preview` on its own port and stops it
// at the end.
import { waitForServer } from './wait-for-server.ts';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PORT = option('port', 4174);
const vmArg = args.indexOf('--vm');
const VMS = vmArg >= 0 ? args[vmArg + 1].split(',').map(Number) : null;
const SECONDS = option('seconds', 5);
const ROOT = resolve(import.meta.dirname, '..');
const BROWSER = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–');


async function settled(page: Page): Promise<void> {
  await page.locator('.summary[aria-busy="false"]').waitFor();
  await page.locator('.charts__curves[data-complete="true"]').waitFor({ timeout: 120_000 });
}

/** Drags a slider's thumb back and forth across its track with the mouse for `seconds`. */
async function drag(page: Page, name: string, seconds: number): Promise<number> {
  const slider = page.getByRole('slider', { name, exact: true });
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const x = (f: number) => box.x + 8 + f * (box.width - 16);
  const value = await slider.evaluate((el: HTMLInputElement) => Number(el.value) / Number(el.max));
  await page.mouse.move(x(value), y);
  await page.mouse.down();
  const start = Date.now();
  let moves = 0;
  while (Date.now() - start < seconds * 1000) {
    const t = (Date.now() - start) / 2000; // one sweep across the track every 2 s
    const f = 0.1 + 0.8 * Math.abs(((t + value) % 2) - 1);
    await page.mouse.move(x(f), y);
    moves++;
    await page.waitForTimeout(16); // about one pointer event per frame, like a hand
  }
  await page.mouse.up();
  return moves;
}

interface Phase {
  label: string;
  url: string;
  slider: string;
}

/** The renderer main thread's busy time so far, ms (all its tasks: script, style, layout, paint). */
async function busyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN);
}

async function runPhase(page: Page, cdp: CDPSession, base: string, phase: Phase) {
  const opened = Date.now();
  await page.goto(base + phase.url);
  await settled(page);
  const openMs = Date.now() - opened;
  // performance.now() counts from this document's navigation start; the frame after complete curves.
  const bootMs = (await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(performance.now())))')) as number;
  // Chromium restarts the counter with each new document, so this is the new page's own busy time.
  const bootBusyMs = await busyMs(cdp);
  await page.waitForTimeout(300);
  const t0 = await page.evaluate(() => {
    performance.clearMeasures();
    return performance.now();
  });
  const moves = await drag(page, phase.slider, SECONDS);
  const t1 = await page.evaluate(() => performance.now());
  await settled(page);
  await page.waitForTimeout(200);
  // A string, not a function: tsx would wrap named helpers in a __name() the page does not have.
  const collected = await page.evaluate(`(() => {
    const durations = (name) => performance.getEntriesByName(name, 'measure').map((e) => e.duration).sort((a, b) => a - b);
    const tasks = (window.__longTasks || []).filter((t) => t.start >= ${t0} && t.start <= ${t1});
    return { update: durations('update'), curves: durations('curves'), longest: Math.max(0, ...tasks.map((t) => t.duration)), longTasks: tasks.length };
  })()`);
  return { ...(collected as { update: number[]; curves: number[]; longest: number; longTasks: number }), moves, openMs, bootMs, bootBusyMs };
}

/** Ticks and unticks the compared policies one at a time, waiting for complete curves after each. */
async function toggleCompared(page: Page, base: string, rounds: number) {
  await page.goto(base + '?preset=akoush-1g');
  await settled(page);
  await page.evaluate(() => performance.clearMeasures());
  const boxes = page.locator('.compare-policies input:not([disabled])');
  const n = await boxes.count();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      await boxes.nth(i).click();
      await settled(page);
    }
  }
  await page.waitForTimeout(200);
  return (await page.evaluate(`performance.getEntriesByName('compare', 'measure').map((e) => e.duration).sort((a, b) => a - b)`)) as number[];
}

async function main() {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) {
    console.error('No dist/ to serve: run `npm run build` first.');
    process.exit(1);
  }
  const server = spawn(resolve(ROOT, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({
    executablePath: BROWSER,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await waitForServer(base, server);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sizeLabel = (mib: number) => (mib >= 1_048_576 ? `${mib / 1_048_576} TiB` : `${mib / 1024} GiB`);
    const phases: Phase[] = VMS
      ? VMS.flatMap((vm) => [
          { label: `dirty rate, ${sizeLabel(vm)} VM, 1 Gbps`, url: `?preset=akoush-1g&vm=${vm}`, slider: 'Page dirty rate' },
          { label: `link speed, ${sizeLabel(vm)} VM, 1 Gbps (curves re-swept)`, url: `?preset=akoush-1g&vm=${vm}`, slider: 'Link speed' },
        ])
      : [
          { label: 'dirty rate, 1 GiB VM, 1 Gbps', url: '?preset=akoush-1g', slider: 'Page dirty rate' },
          { label: 'link speed, 1 GiB VM (curves re-swept)', url: '?preset=akoush-1g', slider: 'Link speed' },
          { label: 'dirty rate, 1 TiB VM, 10 Gbps', url: '?preset=akoush-10g&vm=1048576', slider: 'Page dirty rate' },
          { label: 'VM memory, 64 MiB to 16 TiB, 1 Gbps', url: '?preset=akoush-1g', slider: 'VM memory' },
        ];
    console.log(`Chromium ${browser.version()}, ${SECONDS} s of mouse drag per slider, app at ${base}\n`);
    for (const phase of phases) {
      const r = await runPhase(page, cdp, base, phase);
      console.log(`Dragging ${phase.label}: ${r.moves} pointer moves, ${r.update.length} "update" and ${r.curves.length} "curves" measures`);
      console.log(`  open    ${r.openMs} ms from page.goto to complete curves`);
      console.log(`  boot    ${ms(r.bootMs)} from navigation to the frame with complete curves, main thread busy ${ms(r.bootBusyMs)}`);
      console.log(`  update  median ${ms(quantile(r.update, 0.5))}   p95 ${ms(quantile(r.update, 0.95))}   max ${ms(r.update.at(-1) ?? NaN)}`);
      console.log(`  curves  median ${ms(quantile(r.curves, 0.5))}   p95 ${ms(quantile(r.curves, 0.95))}   max ${ms(r.curves.at(-1) ?? NaN)}`);
      console.log(`  longest main-thread task while dragging: ${r.longTasks ? ms(r.longest) : 'none over 50 ms'} (${r.longTasks} long tasks)\n`);
    }
    if (VMS) return;
    const compare = await toggleCompared(page, base, 4);
    console.log(`Ticking compared policies, 1 GiB VM, 1 Gbps: ${compare.length} "compare" measures (toggle -> complete curves)`);
    console.log(`  compare median ${ms(quantile(compare, 0.5))}   p95 ${ms(quantile(compare, 0.95))}   max ${ms(compare.at(-1) ?? NaN)}\n`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
