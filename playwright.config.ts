import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Use the system Chromium where there is one (this project's machines cannot download Playwright's).
// E2E_PORT lets several checkouts test side by side (each serves its own build).
const port = Number(process.env.E2E_PORT ?? 4173);
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 120_000, // axe over a whole view takes 20-40 s on two busy cores
  // Two workers share two cores, and each page runs its own simulator workers: waits get more room
  // than the default 5 s, so a busy machine slows the suite instead of failing it.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Recording a trace screencasts and snapshots every test, failed or not: measured on this 2-core
    // machine it doubled classroom.spec's time (271-281 s against 109-154 s). CI keeps only the
    // printed output, so it records none; locally a failed test keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // The service worker precaches every asset in each new context, which costs each test a busy
    // second; offline.spec.ts (the one test of offline use) allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `npm run build && npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
