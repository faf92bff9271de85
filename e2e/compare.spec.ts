import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, numberField, settled, summary, test } from './fixtures.ts';

const table = (page: Page) => page.getByTestId('pins-table');

async function set(page: Page, name: string, value: string) {
  await numberField(page, name).fill(value);
  await numberField(page, name).press('Enter');
  await settled(page);
}

async function pin(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Pin this scenario' }).click();
  await expect(table(page).locator(`tr[data-pin-name="${name}"] [data-testid=pin-downtime]`)).toBeVisible();
}

/** Every pinned row's name and numbers, in order. */
async function rows(page: Page) {
  return table(page)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.getAttribute('data-pin-name'),
        cells: ['pin-migration-time', 'pin-downtime', 'pin-iterations', 'pin-data-sent'].map((id) => tr.querySelector(`[data-testid=${id}]`)?.textContent?.trim()),
      })),
    );
}

test('three pinned scenarios come back from the link in order with the same numbers', async ({ page, browser }) => {
  await page.goto('./?preset=akoush-1g&view=compare');
  await settled(page);
  const first = await summary(page);
  await pin(page, 'Akoush 1 Gbps');
  await set(page, 'Page dirty rate', '60000');
  await pin(page, 'Busy writer');
  await page.getByRole('radio', { name: /QEMU/ }).check();
  await settled(page);
  await pin(page, 'Same on QEMU');

  const shown = await rows(page);
  expect(shown.map((r) => r.name)).toEqual(['Akoush 1 Gbps', 'Busy writer', 'Same on QEMU']);
  // The first pin's numbers are the summary's of its scenario; the others carry a difference to it.
  expect(shown[0].cells[0]).toBe(first['migration-time']);
  expect(shown[1].cells[1]).toMatch(/^\S+ s [+−]/);
  // Each pin draws a dotted curve on both panels, and its own point.
  await expect(page.locator('path[data-pin]')).toHaveCount(6);
  await expect(page.locator('circle[data-pin-marker]')).toHaveCount(6);
  // …and a dotted line of its pages sent per iteration over the bars.
  await expect(page.getByTestId('chart-iterations').locator('g[data-pin-overlay]')).toHaveCount(3);
  await expect(page.getByTestId('chart-iterations').locator('g[data-pin-overlay="Pinned: Busy writer"] circle')).toHaveCount(8);
  await expect.poll(() => new URL(page.url()).searchParams.getAll('pin').length).toBe(3);

  const fresh = await browser.newContext();
  const reopened = await fresh.newPage();
  await reopened.goto(page.url());
  await settled(reopened);
  await expect(table(reopened).locator('[data-testid=pin-data-sent]')).toHaveCount(3);
  expect(await rows(reopened)).toEqual(shown);
  await fresh.close();

  // Another baseline changes the differences; removing a pin drops it from the link.
  await page.getByRole('radio', { name: 'Baseline: Busy writer' }).check();
  await expect(table(page).locator('tr[data-pin-name="Akoush 1 Gbps"] [data-testid=pin-migration-time]')).toContainText('−');
  await page.getByRole('button', { name: 'Remove Busy writer' }).click();
  await expect(table(page).locator('tbody tr')).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).searchParams.getAll('pin').length).toBe(2);
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  // A rename is cleaned, shown as stored, and goes into the link.
  const name = page.getByRole('textbox', { name: 'Name of Same on QEMU' });
  await name.fill('  QEMU*run  ');
  await name.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name of QEMU-run' })).toHaveValue('QEMU-run');
  await expect.poll(() => new URL(page.url()).searchParams.getAll('pin')[1]).toMatch(/^\d\*QEMU-run\*/);
  // Loading a pin puts its scenario in the controls.
  await page.getByRole('button', { name: 'Load Akoush 1 Gbps' }).click();
  await settled(page);
  expect(await summary(page)).toEqual(first);
});

test('which VM first: least migration time, then downtime; and the downtime order beside it', async ({ page }) => {
  const values = (vm: number, rate: number) => `${vm}_935_${rate}_sequential_all_0.1_0.9_1_3.78_0.314_4096_xen_29_50_3_300_128_false_150_1_0_1_all_0`;
  // A constructed host: the quickest migrations are not the ones with the least downtime.
  const pins = [
    ['Web', 512, 40000],
    ['Idle 1G', 1024, 0],
    ['Idle 2G', 2048, 0],
    ['Busy 256M', 256, 60000],
  ] as const;
  const query = pins.map(([name, vm, rate], i) => `pin=${i}*${encodeURIComponent(name)}*${values(vm, rate)}`).join('&');
  await page.goto(`./?${query}&view=compare`);
  await settled(page);
  const order = (id: string) => page.getByTestId(id).locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-pin-name')));
  await expect.poll(() => order('rank-by-time')).toEqual(['Idle 1G', 'Busy 256M', 'Idle 2G', 'Web']);
  expect(await order('rank-by-downtime')).toEqual(['Idle 1G', 'Idle 2G', 'Busy 256M', 'Web']); // the idle VMs tie on downtime: the quicker first
});

test('a bad pin in a link is reported and the good ones kept', async ({ page }) => {
  await page.goto('./?pin=junk&pin=1*Fine*1024_935_100&view=compare');
  await expect(page.getByTestId('url-notice')).toContainText('pin 1: "junk" is not colour*name*values');
  await settled(page);
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  await expect(table(page).locator('tr[data-pin-name="Fine"]')).toBeVisible();
});

test('a seventh pin is refused with a reason, and axe finds no violations in compare mode', async ({ page }) => {
  const query = Array.from({ length: 6 }, (_, i) => `pin=${i}*VM+${i + 1}*${512 * (i + 1)}_935_${i * 5000}`).join('&');
  await page.goto(`./?${query}&view=compare`);
  await settled(page);
  await expect(page.getByRole('button', { name: 'Pin this scenario' })).toBeDisabled();
  await expect(page.getByTestId('pin-hint')).toHaveText('6 pinned: remove one to pin another.');
  await expect(table(page).locator('[data-testid=pin-downtime]')).toHaveCount(6);
  const results = await new AxeBuilder({ page }).include('.compare').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
