// Big VMs (issue 13): a 16 TiB scenario from a link opens with the numbers the command line gives for
// the same flags (the app's own "Copy CLI command", run through the bundled CLI), and the 12 TiB preset
// too. The CLI bundle is built first when its sources are newer (scripts/cli-bundle.ts).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { CLI_BUNDLE, ensureCliBundle } from '../scripts/cli-bundle.ts';
import { expect, settled, test } from './fixtures.ts';

test.beforeAll(() => {
  ensureCliBundle();
});

/** The shown run as the app's JSON export has it, and the CLI's answer for the app's own command. */
async function appAndCli(page: Page) {
  const result = page.getByRole('region', { name: 'Result' });
  const [file] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Download JSON' }).click()]);
  const app = JSON.parse(await readFile((await file.path())!, 'utf8'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await result.getByRole('button', { name: 'Copy CLI command' }).click();
  const command = (await result.getByTestId('cli-command').innerText()).trim();
  const flags = command.replace(/^npm run --silent simulate -- /, '').split(/\s+/);
  const cli = JSON.parse(execFileSync(process.execPath, [CLI_BUNDLE, ...flags, '--json'], { encoding: 'utf8' }));
  return { app, cli, command };
}

test('a 16 TiB VM from a link opens with the same numbers as the command line', async ({ page }) => {
  await page.goto('./?vm=16777216&link=93500&rate=400000');
  await settled(page);
  const { app, cli, command } = await appAndCli(page);
  expect(command).toContain('--vm 16777216');
  expect(app.scenario).toEqual(cli.scenario);
  expect(app.result).toEqual(cli.result);
  await expect(page.getByRole('region', { name: 'Result' }).getByTestId('iterations')).toHaveText(String(cli.result.iterations));
});

test('the 12 TiB in-memory database preset opens with the command line’s numbers', async ({ page }) => {
  await page.goto('./?preset=inmem-db-12t-100g');
  await settled(page);
  const { app, cli } = await appAndCli(page);
  expect(app.scenario.vmMiB).toBe(12_582_912);
  expect(app.result).toEqual(cli.result);
});
