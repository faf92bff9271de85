import { START_SCENARIO } from '../src/app/state/startScenario.ts';
import { expect, numberField, settled, summary, test } from './fixtures.ts';

test('the URL follows the controls, and reopening it shows the same numbers', async ({ page, browser }) => {
  await page.goto('./');
  await settled(page);
  const rate = numberField(page, 'Page dirty rate');
  await rate.fill('12345');
  await rate.press('Enter');
  await page.getByRole('button', { name: '100 Mbps' }).click();
  await page.getByText('Advanced').click();
  const factor = numberField(page, 'Data sent over');
  await factor.fill('2.5');
  await factor.press('Enter');
  await expect.poll(() => page.url()).toContain('rate=12345');
  await expect.poll(() => page.url()).toContain('max-factor=2.5');
  expect(page.url()).toContain('v=1');
  expect(page.url()).toContain('link=94.2');
  await settled(page);
  const shown = await summary(page);

  const fresh = await browser.newContext();
  const reopened = await fresh.newPage();
  await reopened.goto(page.url());
  await settled(reopened);
  expect(await summary(reopened)).toEqual(shown);
  await expect(numberField(reopened, 'Page dirty rate')).toHaveValue('12345');
  await expect(numberField(reopened, 'Link speed')).toHaveValue('94.2');
  await expect(numberField(reopened, 'Data sent over')).toHaveValue('2.5');
  expect(await reopened.getByTestId('url-notice').allInnerTexts()).toEqual([]);
  await fresh.close();
});

test('"Copy link" copies the current URL and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await settled(page);
  await numberField(page, 'Page dirty rate').fill('777');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('rate=777');
  expect(copied).toBe(page.url());
});

const junk = Array.from({ length: 900 }, (_, i) => `k${i}=%%${i}`).join('&');

const malformed: { name: string; query: string; check?: { field: string; value: string } }[] = [
  { name: 'NaN', query: '?v=1&rate=NaN', check: { field: 'Page dirty rate', value: '0' } },
  { name: 'overflow', query: '?rate=1e309', check: { field: 'Page dirty rate', value: '0' } },
  { name: 'negative size', query: '?vm=-5&rate=3000', check: { field: 'Page dirty rate', value: '3000' } },
  { name: 'script text', query: '?link=<script>alert(1)</script>', check: { field: 'Link speed', value: '935' } },
  { name: '10 kB of junk', query: `?${junk}`, check: { field: 'VM memory', value: '1024' } },
  { name: 'unknown keys', query: '?foo=1&__proto__=2&constructor=3&rate=2500', check: { field: 'Page dirty rate', value: '2500' } },
  // No scenario key at all: the app's start scenario (issue 10), as for a bare address.
  { name: 'a garbage hash', query: '#garbage', check: { field: 'Page dirty rate', value: String(START_SCENARIO.dirtyRate) } },
  { name: 'a wrong version', query: '?v=99&rate=4000', check: { field: 'Page dirty rate', value: '4000' } },
  { name: 'an unknown preset', query: '?preset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E' },
];

for (const { name, query, check } of malformed) {
  test(`a link with ${name} opens with a notice and the valid parts`, async ({ page }) => {
    expect(query.length).toBeLessThan(12_000);
    await page.goto(`./${query}`);
    const notice = page.getByTestId('url-notice');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('listitem').first()).toBeVisible();
    await settled(page);
    if (check) await expect(numberField(page, check.field)).toHaveValue(check.value);
    // The notice is text: nothing from the URL became markup.
    expect(await page.locator('main script, main img').count()).toBe(0);
    // The address bar now holds the clean form.
    await expect.poll(() => page.url()).toMatch(/\?v=1&vm=/);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });
}

test('the notice shows hostile text as text, truncated', async ({ page }) => {
  await page.goto('./?link=<script>alert(1)</script>');
  const item = page.getByTestId('url-notice').getByRole('listitem').first();
  await expect(item).toContainText('"<script>alert(1)</script…"');
  await expect(item).toContainText('link:');
  const long = 'x'.repeat(500);
  await page.goto(`./?${long}=1`);
  const text = await page.getByTestId('url-notice').innerText();
  expect(text.length).toBeLessThan(400);
});
