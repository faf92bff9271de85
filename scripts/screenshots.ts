// Screenshots of the built app at the screens people use, for judging the layout (and the README).
// Serves the existing dist/ with `vite preview` on its own port, saves PNGs to screenshots/ (git-ignored).
//
//   npm run build && npx tsx scripts/screenshots.ts [--port 4193] [--only explore-1280x720] [--query '?view=teach']
import { waitForServer } from './wait-for-server.ts';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PORT = Number(option('port', '4193'));
const ONLY = option('only', '');
const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'screenshots');
const BROWSER = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));

const SCREENS: [number, number][] = [
  [1280, 720],
  [1366, 768],
  [1024, 768],
  [1920, 1080],
  [768, 1024],
  [390, 844],
  [360, 640],
];

interface Shot {
  name: string;
  query: string;
  large?: boolean;
  dark?: boolean;
  fullPage?: boolean;
}

const SHOTS: Shot[] = [
  ...SCREENS.map(([w, h]) => ({ name: `explore-${w}x${h}`, query: '' })),
  { name: 'explore-1280x720-large', query: '', large: true },
  { name: 'explore-1366x768-large', query: '', large: true },
  { name: 'explore-1024x768-large', query: '', large: true },
  { name: 'explore-1280x720-dark', query: '', dark: true },
  ...SCREENS.map(([w, h]) => ({ name: `teach-${w}x${h}`, query: '?lesson=knee' })),
  { name: 'teach-1280x720-large', query: '?lesson=knee', large: true },
  { name: 'compare-1280x720', query: '?preset=akoush-1g&view=compare' },
  { name: 'sla-1280x720', query: '?preset=akoush-1g&view=sla' },
  { name: 'check-1280x720', query: '?preset=akoush-1g&view=check' },
  { name: 'embed-390x844', query: '?preset=akoush-1g&embed=1&chart=curves' },
  { name: 'explore-390x844-full', query: '', fullPage: true },
];

const sizeOf = (name: string): [number, number] => {
  const m = /(\d+)x(\d+)/.exec(name)!;
  return [Number(m[1]), Number(m[2])];
};

async function settle(page: Page): Promise<void> {
  await page.locator('.summary[aria-busy="false"], [data-testid="narration"], [data-testid="embed"], main[data-view]').first().waitFor({ timeout: 30_000 });
  await page.locator('.charts__curves[data-complete="true"], .teach__canvas, [data-testid="embed"]').first().waitFor({ timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(600);
}

const server = spawn(resolve(ROOT, 'node_modules/.bin/vite'), ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' });
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`, server);
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox', '--disable-gpu'] });
  for (const shot of SHOTS) {
    if (ONLY && !shot.name.includes(ONLY)) continue;
    const [width, height] = sizeOf(shot.name);
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: shot.dark ? 'dark' : 'light' });
    const page = await context.newPage();
    const query = option('query', shot.query);
    const extra = shot.large ? `${query ? '&' : '?'}large=1` : '';
    await page.goto(`http://127.0.0.1:${PORT}/${query}${extra}`);
    await settle(page);
    const file = resolve(OUT, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(`${shot.name}: ${file}${overflow > 0 ? `  (scrolls sideways by ${overflow}px)` : ''}`);
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
