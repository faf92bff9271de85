// A real QEMU 7.2 in the app (issue 12): its rows in the validation view, its measured points over the
// curves chart for a matching scenario, and the writer-CPU control.
import { expect, settled, test } from './fixtures.ts';

// The measured 256 MiB VM under a 128 MiB/s cap, clock-paced writer at 5,000 pages/s.
const MEASURED = './?policy=qemu&vm=256&wss=65242&max-bandwidth=128&downtime-limit=300&pre=0&post=0&writer-cpu=0.01&rate=5000&link=10000';

test('the validation view shows every QEMU 7.2 case within tolerance', async ({ page }) => {
  await page.goto('./?view=check');
  await settled(page);
  const view = page.getByRole('region', { name: 'How close is this to the papers?' });
  await view.getByRole('button', { name: 'Compare with the papers' }).click();
  const rows = view.locator('[data-testid^="validation-row-qemu72-"]');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(16 * 5);
  await expect(view.locator('[data-testid^="validation-row-qemu72-"][data-ok="false"]')).toHaveCount(0);
  await expect(view.getByTestId('validation-row-qemu72-256-128-r50000-ac-verdict')).toContainText('stalls');
});

test('the measured points toggle draws QEMU 7.2 runs on the curves of a matching scenario', async ({ page }) => {
  await page.goto(MEASURED);
  await settled(page);
  const chart = page.getByTestId('chart-curves');
  const toggle = chart.getByRole('checkbox', { name: /QEMU 7\.2 measured/ });
  await expect(toggle).toBeVisible();
  await expect(chart.locator('.measured-point')).toHaveCount(0);
  await toggle.check();
  // 15 runs with a rate above 0 (the idle ones have no place on a log axis); the 3 stalled ones have no downtime.
  await expect(chart.locator('[data-testid="measured-points-migrationTimeS"] .measured-point')).toHaveCount(15);
  await expect(chart.locator('[data-testid="measured-points-downtimeS"] .measured-point')).toHaveCount(12);
  // Another scenario: no toggle.
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  await expect(page.getByTestId('chart-curves').getByRole('checkbox', { name: /QEMU 7\.2 measured/ })).toHaveCount(0);
});

test('the writer-CPU control sets writer-cpu, with the measured writers as examples', async ({ page }) => {
  await page.goto('./?policy=qemu');
  await settled(page);
  await page.getByText('Advanced').click();
  await page.getByRole('button', { name: /Clock-paced/ }).click();
  await expect(page).toHaveURL(/writer-cpu=0\.01/);
  await expect(page.getByRole('button', { name: /Clock-paced/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /CPU-bound/ }).click();
  await expect(page).not.toHaveURL(/writer-cpu=0\.01/);
});
