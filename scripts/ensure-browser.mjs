// Runs before `npm test`: makes sure Playwright has a Chromium. It uses $CHROMIUM_PATH or the system's
// /usr/bin/chromium when present; otherwise it asks Playwright to download its own build.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const system = candidates.find((p) => existsSync(p));
if (system) {
  console.log(`Browser for the end-to-end tests: ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`Browser for the end-to-end tests: Playwright's ${chromium.executablePath()}`);
} else {
  console.log('No Chromium found; running `npx playwright install chromium`…');
  try {
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  } catch {
    console.error(
      'Could not download a browser for the end-to-end tests.\n' +
        'Install Chromium yourself (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.',
    );
    process.exit(1);
  }
}
