import AxeBuilder from '@axe-core/playwright';
import { expect, settled, test } from './fixtures.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the main view (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('./?preset=akoush-1g');
    await settled(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const main = await new AxeBuilder({ page }).analyze();
    expect(main.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The advanced group and a URL notice too.
    await page.goto('./?preset=akoush-1g&pattern=hotcold&bogus=1');
    await settled(page);
    await page.getByText('Advanced').click();
    const more = await new AxeBuilder({ page }).analyze();
    expect(more.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('large type keeps the page accessible', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Large type' }).click();
  await settled(page);
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});
