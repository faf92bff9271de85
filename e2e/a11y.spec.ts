import AxeBuilder from '@axe-core/playwright';
import { expect, settled, test } from './fixtures.ts';

// The main view in both themes (with the Advanced group open and a URL notice) is checked in
// layout.spec.ts with every other view.
test('large type keeps the page accessible', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Large type' }).click();
  await settled(page);
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

const violations = (r: { violations: { id: string; nodes: { target: unknown[] }[] }[] }) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the policy views (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    // Post-copy with compared policies: the switch-over and post-copy bands, degraded bracket, dashed curves.
    await page.goto('./?preset=akoush-1g&pattern=uniform&policy=postcopy&compare=xen,qemu');
    await settled(page);
    expect(violations(await new AxeBuilder({ page }).analyze())).toEqual([]);
    // QEMU with auto-converge: throttle marks, the facts; Advanced open.
    await page.goto('./?preset=akoush-1g&policy=qemu&auto-converge=true&vcpu-limit=0.5');
    await settled(page);
    await page.getByText('Advanced').click();
    expect(violations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  });

  test(`axe finds no violations in the trace view (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./?trace=nfs-rising&start=300&compare=postcopy');
    await settled(page);
    await expect(page.getByTestId('start-range')).toBeVisible();
    // With an error showing in the alert region too.
    await page.getByLabel('Upload a CSV trace').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('time_s,dirty_pages_per_s\n0,1\nx,2\n') });
    await expect(page.getByTestId('trace-error')).toContainText('line 3');
    await page.getByRole('button', { name: 'Show table' }).last().click();
    expect(violations(await new AxeBuilder({ page }).analyze())).toEqual([]);
  });
}
