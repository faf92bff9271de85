// Teaching-mode benchmark: opens the built app in Chromium on a 1 GiB VM (Akoush's 1 Gbps scenario,
// 20,000 pages/s), opens teaching mode, plays per batch at 60 steps/s and counts the memory map's
// canvas updates (window.__teachFrames, bumped on every putImageData) per second for ~5 s. It prints
// the median and lowest frames per second and the longest main-thread task (PerformanceObserver
// "longtask"); numbers only, no assertions (machines are noisy).
//
//   npm run build && npx tsx scripts/bench-fps.ts [--port 4175] [--seconds 5]
//
// It serves the existing dist/ with `vite preview` on its own port and stops it at the end.
import { waitForServer } from './wait-for-server.ts';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PORT = option('port', 4175);
const SECONDS = option('seconds', 5);
const ROOT = resolve(import.meta.dirname, '..');
const BROWSER = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function main() {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) throw new Error('no dist/: run `npm run build` first');
  const server = spawn(resolve(ROOT, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${PORT}/`;
    await waitForServer(base, server);
    const browser = await chromium.launch({
      executablePath: BROWSER,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(() => {
        const w = window as unknown as { __longest: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${base}?preset=akoush-1g&rate=20000`);
      await page.locator('.summary[aria-busy="false"]').waitFor();
      // The curves' sweep runs in its own worker; let it finish so it does not share the cores.
      await page.locator('.charts__curves[data-complete="true"]').waitFor({ timeout: 120_000 });
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Teach', exact: true }).click();
      await page.getByRole('img', { name: /Memory map of all 262,144 pages/ }).waitFor();
      await page.locator('.teach__canvas[data-frame="0"]').waitFor();
      await page.locator('#teach-granularity').selectOption('batch');
      await page.locator('#teach-speed').selectOption('60');
      const steps = await page.evaluate(() => document.querySelector('.teach__scrub input')?.getAttribute('max'));
      await page.getByRole('button', { name: 'Play', exact: true }).scrollIntoViewIfNeeded();
      await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      // Frames per second, one sample per second, counted in the page.
      const perSecond = await page.evaluate(async (seconds) => {
        const out: number[] = [];
        for (let i = 0; i < seconds; i++) {
          const before = window.__teachFrames ?? 0;
          await new Promise((r) => setTimeout(r, 1000));
          out.push((window.__teachFrames ?? 0) - before);
        }
        return out;
      }, SECONDS);
      const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
      const playing = await page.getByRole('button', { name: 'Pause', exact: true }).isVisible();
      console.log(`scenario: 1 GiB VM (262,144 pages, 512 x 512 cells), xen, 20,000 pages/s, ${Number(steps) + 1} batch steps, 60 steps/s`);
      console.log(`fps per second: ${perSecond.join(' ')}`);
      console.log(`median fps: ${median(perSecond)}`);
      console.log(`lowest fps: ${Math.min(...perSecond)}`);
      console.log(`longest main-thread task: ${longest ? `${longest.toFixed(0)} ms` : 'none over 50 ms'}`);
      console.log(`still playing at the end: ${playing}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
