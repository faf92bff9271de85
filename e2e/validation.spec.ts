// The validation view, the SLA lens and the closed-form overlay, as a user meets them.
import AxeBuilder from '@axe-core/playwright';
import { expect, openPresets, openView, settled, test } from './fixtures.ts';

const violations = (r: { violations: { id: string; nodes: { target: unknown[] }[] }[] }) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('the validation view opens with Table I rows all within 0.5 %', async ({ page }) => {
  await page.goto('./?view=check');
  await settled(page);
  const view = page.getByRole('region', { name: 'How close is this to the papers?' });
  const button = view.getByRole('button', { name: 'Compare with the papers' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(view.getByRole('button', { name: 'Hide the comparison' })).toHaveAttribute('aria-expanded', 'true');
  const rows = view.locator('[data-testid^="validation-row-table1-"]');
  await expect(rows).toHaveCount(12);
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-ok', 'true');
    expect(Math.abs(Number(await row.getAttribute('data-error')))).toBeLessThanOrEqual(0.005);
  }
  // The paper's and the simulator's figures side by side: 1 Gbps lower bound 13.3 s against 13.281 s.
  await expect(view.getByTestId('validation-row-table1-1G-mt-lower')).toContainText('13.3 s');
  await expect(view.getByTestId('validation-row-table1-1G-mt-lower')).toContainText('13.281 s');
  // Fig. 1 traits, the Asterisk rows, and the one known disagreement, marked.
  await expect(view.getByTestId('validation-row-fig1-knee-moves')).toHaveAttribute('data-ok', 'true');
  await expect(view.getByTestId('validation-row-preset-asterisk-active-100m-1024-downtime')).toHaveAttribute('data-ok', 'true');
  const vcpu = view.getByTestId('validation-row-vcpu-downtime');
  await expect(vcpu).toHaveAttribute('data-ok', 'false');
  await expect(vcpu).toContainText('beyond tolerance');
  await expect(view.getByTestId('validation-summary')).toContainText('1 beyond tolerance');
});

test('the SLA lens follows the run\'s downtime', async ({ page }) => {
  const lens = page.getByTestId('sla-lens');
  // 400 ms downtime: 99.99 % allows 3,155.76 s a year, 7,889 such migrations.
  await page.goto('./?preset=asterisk-idle-1g-1024&view=sla');
  await settled(page);
  await expect(lens.getByTestId('sla-per-year')).toHaveText('7,889');
  await expect(lens.getByTestId('sla-share')).toHaveText('0.01 %'); // issue 11: shares below 1 % to two decimals ("0.01 %", never an exponent)
  await expect(lens.getByTestId('sla-verdict')).toHaveText('keeps within the SLA');
  await lens.getByRole('button', { name: '99.999 %' }).click();
  await expect(lens.getByRole('button', { name: '99.999 %' })).toHaveAttribute('aria-pressed', 'true');
  await expect(lens.getByTestId('sla-per-year')).toHaveText('788');
  // The 100 Mbps knee preset: 7.51 s of downtime, 42 a year at 99.999 %, and the 1 s / 99th SLA breaks.
  await openPresets(page);
  await page.getByRole('link', { name: 'Akoush Fig. 1, 100 Mbps' }).click();
  await settled(page);
  await expect(lens.getByTestId('sla-per-year')).toHaveText('42');
  await expect(lens.getByTestId('sla-verdict')).toHaveText('breaks the SLA');
  // Relaxing the percentile to the 90th lets 3,000 requests be slow: it holds again.
  await lens.getByTestId('sla-percentile').fill('90');
  await expect(lens.getByTestId('sla-verdict')).toHaveText('keeps within the SLA');
});

test('a bad custom target shows a message and the app keeps working', async ({ page }) => {
  await page.goto('./?preset=asterisk-idle-1g-1024&view=sla');
  await settled(page);
  const lens = page.getByTestId('sla-lens');
  await lens.getByRole('button', { name: 'Custom' }).click();
  const input = lens.getByRole('spinbutton', { name: 'Custom availability target (%)' });
  await input.fill('100');
  await expect(lens.getByTestId('sla-target-error')).toHaveText('The availability must lie strictly between 0 and 100 %.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('');
  await expect(lens.getByTestId('sla-target-error')).toContainText('Enter the availability');
  // 99.9 % as a custom value: 31,557.6 s a year, 78,894 migrations of 400 ms.
  await input.fill('99.9');
  await expect(lens.getByTestId('sla-target-error')).toHaveCount(0);
  await expect(lens.getByTestId('sla-per-year')).toHaveText('78,894');
  await lens.getByTestId('sla-requestRate').fill('0');
  await expect(lens.getByTestId('sla-response')).toContainText('The request rate must be a positive number');
});

test('the overlay toggle draws the closed form and the RAM / bandwidth line', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const chart = page.getByTestId('chart-curves');
  await expect(chart.locator('path[data-model]')).toHaveCount(0);
  const toggle = chart.getByRole('checkbox', { name: 'Closed form and RAM/bandwidth' });
  await toggle.check();
  await expect(chart.locator('path[data-model="closed-form"]')).toHaveCount(2);
  await expect(chart.locator('g[data-panel="migrationTimeS"] path[data-model="naive"]')).toHaveCount(1);
  await expect(chart.locator('g[data-panel="downtimeS"] path[data-model="naive"]')).toHaveCount(0);
  await expect(chart.getByTestId('model-parting')).toContainText('peeks at the dirty bitmap');
  await expect(chart.getByText('RAM / bandwidth, as CloudSim-style simulators take it')).toBeVisible();
  // The table gains the closed form's columns.
  await chart.getByRole('button', { name: 'Show table' }).click();
  await expect(chart.getByRole('columnheader', { name: 'Closed form: migration time' })).toBeVisible();
  await toggle.uncheck();
  await expect(chart.locator('path[data-model]')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the validation view and the SLA lens (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    // Each lives in its own view now: Check against the papers, then SLA, then the curves on Explore.
    await page.goto('./?preset=akoush-100m&view=check');
    await page.getByRole('button', { name: 'Compare with the papers' }).click();
    await expect(page.getByTestId('validation-row-table1-100M-dt-upper')).toBeVisible();
    let r = await new AxeBuilder({ page }).include('[data-testid="validation"]').analyze();
    expect(violations(r)).toEqual([]);
    await openView(page, 'SLA');
    await settled(page);
    const lens = page.getByTestId('sla-lens');
    await lens.getByRole('button', { name: 'Custom' }).click();
    await lens.getByRole('spinbutton', { name: 'Custom availability target (%)' }).fill('200');
    r = await new AxeBuilder({ page }).include('[data-testid="sla-lens"]').analyze();
    expect(violations(r)).toEqual([]);
    await openView(page, 'Explore');
    await settled(page);
    await page.getByTestId('chart-curves').getByRole('checkbox', { name: 'Closed form and RAM/bandwidth' }).check();
    r = await new AxeBuilder({ page }).include('[data-testid="chart-curves"]').analyze();
    expect(violations(r)).toEqual([]);
  });
}
