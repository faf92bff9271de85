// Classroom links: hidden groups, embed mode, the player's start, theme and type size from the link,
// the share dialog's link, and the guided lessons opened from their URLs.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { GROUPS } from '../src/app/state/classroom.ts';
import { LESSONS } from '../src/app/teach/lessons.ts';
import { expect, openView, test } from './fixtures.ts';

/** How each group is found on the page. */
const GROUP_LOCATORS: Record<string, (p: Page) => Locator> = {
  header: (p) => p.getByRole('button', { name: 'Dark theme' }),
  rate: (p) => p.locator('#ctl-rate'),
  link: (p) => p.locator('#ctl-link'),
  vm: (p) => p.locator('#ctl-vm'),
  policy: (p) => p.locator('.policy-picker'),
  trace: (p) => p.locator('.trace-controls'),
  advanced: (p) => p.locator('details.advanced'),
  presets: (p) => p.locator('.presets'),
  summary: (p) => p.getByRole('region', { name: 'Result' }),
  sla: (p) => p.getByTestId('sla-lens'),
  charts: (p) => p.getByTestId('chart-iterations'),
  curves: (p) => p.getByTestId('chart-curves'),
  compare: (p) => p.getByRole('region', { name: 'Compare scenarios' }),
  validation: (p) => p.getByTestId('validation'),
};

/** The run and the curves are done (whether or not they are shown); in the Teach view, its replay has loaded. */
async function computed(page: Page): Promise<void> {
  await expect(page.locator('.charts__curves[data-complete="true"], .teachview .teach__canvas').first()).toBeAttached();
}

const position = (page: Page) => page.getByTestId('teach-position');
const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('every group has a locator', () => {
  expect(Object.keys(GROUP_LOCATORS).sort()).toEqual(GROUPS.map((g) => g.id).sort());
});

/** The view each group lives in (the long page became views; a hidden view-group hides its tab too). */
const GROUP_VIEW: Record<string, 'Explore' | 'Compare' | 'SLA' | 'Check against the papers'> = { compare: 'Compare', sla: 'SLA', validation: 'Check against the papers' };
const viewOfGroup = (id: string) => GROUP_VIEW[id] ?? 'Explore';

for (const { id } of GROUPS) {
  test(`${id}_hide=1 hides exactly that group`, async ({ page }) => {
    await page.goto(`./?preset=akoush-1g&${id}_hide=1`);
    await computed(page);
    for (const view of ['Explore', 'Compare', 'SLA', 'Check against the papers'] as const) {
      const tab = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });
      if (view !== 'Explore') {
        if (viewOfGroup(id) === view) {
          // The view's own group hidden: its tab goes too.
          await expect(tab).toHaveCount(0);
          continue;
        }
        await openView(page, view);
      }
      for (const other of GROUPS.filter((g) => viewOfGroup(g.id) === view)) {
        if (other.id === id) await expect(GROUP_LOCATORS[other.id](page)).toBeHidden();
        else await expect(GROUP_LOCATORS[other.id](page), other.id).toBeVisible();
      }
    }
    // The key is kept in the address bar and not reported as unknown.
    await expect(page).toHaveURL(new RegExp(`${id}_hide=1`));
    await expect(page.locator('.notice')).toHaveCount(0);
  });
}

test('an embed link works inside an iframe on another page', async ({ page, baseURL }) => {
  await page.setContent(`<iframe title="embedded" width="900" height="600" src="${baseURL}?preset=akoush-1g&embed=1&chart=iterations"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('chart-iterations')).toBeVisible();
});

for (const chart of ['iterations', 'timeline', 'curves'] as const) {
  test(`embed=1&chart=${chart} shows only that chart`, async ({ page }) => {
    await page.goto(`./?preset=akoush-1g&embed=1&chart=${chart}`);
    await computed(page);
    await expect(page.getByTestId(`chart-${chart}`)).toBeVisible();
    for (const other of ['iterations', 'timeline', 'curves'].filter((c) => c !== chart)) await expect(page.getByTestId(`chart-${other}`)).toBeHidden();
    for (const g of ['header', 'rate', 'presets', 'summary']) await expect(GROUP_LOCATORS[g](page)).toBeHidden();
    await expect(page.getByTestId('memory-map')).toHaveCount(0);
    const open = page.getByRole('link', { name: /Open in the visualiser/ });
    await expect(open).toHaveAttribute('href', /preset|rate=/);
    expect(await open.getAttribute('href')).not.toContain('embed=');
    expect(await violations(page)).toEqual([]);
  });
}

test('embed=1&chart=memory shows the memory map with its player and nothing else', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&embed=1&chart=memory&step=3&by=iteration');
  await expect(page.getByTestId('memory-map')).toBeVisible();
  await expect(position(page)).toContainText('Step 3 of');
  for (const c of ['iterations', 'timeline', 'curves']) await expect(page.getByTestId(`chart-${c}`)).toHaveCount(0);
  for (const g of ['header', 'rate', 'presets', 'summary']) await expect(GROUP_LOCATORS[g](page)).toBeHidden();
});

test('teach=1 with step, by and speed opens the player there; theme and large apply without being saved', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&teach=1&step=4&by=iteration&speed=2&theme=dark&large=1');
  await expect(position(page)).toContainText('Step 4 of');
  await expect(page.locator('#teach-granularity')).toHaveValue('iteration');
  await expect(page.locator('#teach-speed')).toHaveValue('2');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-type', 'large');
  await expect(page).toHaveURL(/teach=1.*step=4.*by=iteration.*speed=2.*theme=dark.*large=1/);
  expect(await page.evaluate(() => localStorage.getItem('precopy-visualiser:prefs'))).toBeNull();
  // A step past the run's end is clamped to the last stop.
  await page.goto('./?preset=akoush-1g&teach=1&step=999999&by=iteration');
  await expect(position(page)).toHaveText(/Step (\d+) of \1 /);
});

test('bad classroom values are reported in the notice and ignored', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&teach=1&speed=7&by=page&rate_hide=yes&theme=pink&lesson=nope&step=-2');
  const notice = page.locator('.notice');
  for (const text of ['speed: "7"', 'by: "page"', 'rate_hide: "yes"', 'theme: "pink"', 'lesson: "nope"', 'step: "-2"']) await expect(notice).toContainText(text);
  await expect(position(page)).toContainText('Step 1 of');
  await expect(page.locator('#teach-speed')).toHaveValue('10');
  // rate_hide=yes was ignored: the rate control is there on the workbench.
  await openView(page, 'Explore');
  await expect(page.locator('#ctl-rate')).toBeVisible();
});

test('autoplay=1 plays from the link', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&teach=1&autoplay=1&speed=10');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('the share dialog builds a link that reproduces the state, and works from the keyboard', async ({ page, context }) => {
  await page.goto('./?preset=akoush-1g');
  await computed(page);
  await openView(page, 'Teach');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.locator('#teach-granularity').selectOption('iteration');
  await page.locator('#teach-speed').selectOption('5');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toContainText('Step 3 of');

  const opener = page.getByRole('button', { name: 'Share this lesson' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this lesson' });
  await expect(dialog).toBeVisible();
  // Focus starts on the first checkbox; Space ticks it; Tab moves on and stays in the dialog.
  await expect(dialog.getByLabel(GROUPS[0].label)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Page dirty rate', { exact: true })).toBeFocused();
  await page.keyboard.press('Space');
  await dialog.getByLabel('Large type', { exact: true }).check();
  await dialog.getByLabel('Theme', { exact: true }).selectOption('dark');
  expect(await violations(page)).toEqual([]);
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

  const link = await dialog.getByTestId('share-link').inputValue();
  expect(link).toMatch(/rate_hide=1/);
  expect(link).toMatch(/step=3/);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(position(fresh)).toContainText('Step 3 of');
  await expect(fresh.locator('#teach-speed')).toHaveValue('5');
  await expect(fresh.locator('#teach-granularity')).toHaveValue('iteration');
  await openView(fresh, 'Explore');
  await expect(fresh.locator('#ctl-rate')).toBeHidden();
  await expect(fresh.locator('#ctl-link')).toBeVisible();
  await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(fresh.locator('html')).toHaveAttribute('data-type', 'large');
  await fresh.close();

  // Embed: a snippet appears with an iframe of the chosen chart.
  await dialog.getByLabel('Embed: one chart alone, for an iframe').check();
  await dialog.getByLabel('Chart', { exact: true }).selectOption('timeline');
  await expect(dialog.getByTestId('share-snippet')).toHaveValue(/^<iframe src=".*embed=1&amp;chart=timeline/);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id} opens from its URL at its step, and Next / Back work`, async ({ page }) => {
    const k = lesson.steps.length; // the last step: Next is off, Back goes to k - 1
    await page.goto(`./?lesson=${lesson.id}&lesson-step=${k}`);
    const panel = page.getByTestId('lesson');
    await expect(panel).toHaveAttribute('data-step', String(k));
    await expect(panel).toContainText(`Step ${k} of ${k}`);
    // As shown: the glossary tooltips of the text's terms are in the DOM but hidden.
    await expect(panel).toContainText(lesson.steps[k - 1].text.slice(0, 40), { useInnerText: true });
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
    await expect(position(page)).toContainText('Step');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    for (const g of lesson.steps[k - 1].hide) await expect(GROUP_LOCATORS[g](page)).toBeHidden();

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(panel).toContainText(`Step ${k - 1} of ${k}`);
    await expect(page).toHaveURL(new RegExp(`lesson=${lesson.id}&lesson-step=${k - 1}`));
    const rate = lesson.steps[k - 2].scenario.dirtyRate ?? 0;
    await expect(page).toHaveURL(new RegExp(`[?&]rate=${rate}(&|$)`));
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(panel).toContainText(`Step ${k} of ${k}`);
  });
}

test('the first lesson starts at the beginning, with the narration, and axe finds nothing', async ({ page }) => {
  await page.goto(`./?lesson=${LESSONS[0].id}`);
  await expect(page.getByTestId('lesson')).toContainText('Step 1 of');
  await expect(position(page)).toContainText('Step 1 of');
  await expect(page.getByTestId('narration')).toContainText('Before the migration');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await violations(page)).toEqual([]);
});

test('a bad lesson step is reported and the lesson opens at its last step', async ({ page }) => {
  await page.goto(`./?lesson=${LESSONS[1].id}&lesson-step=99`);
  await expect(page.locator('.notice')).toContainText(`lesson-step: the lesson has ${LESSONS[1].steps.length} steps`);
  await expect(page.getByTestId('lesson')).toContainText(`Step ${LESSONS[1].steps.length} of`);
});

test('starting a lesson from the list and leaving it', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await computed(page);
  await openView(page, 'Teach');
  await page.getByRole('button', { name: LESSONS[1].title }).click();
  await expect(page.getByTestId('lesson')).toContainText('Step 1 of');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
});

test('Copy link keeps the classroom keys, and the share dialog copies its link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?preset=akoush-1g&teach=1&speed=30&vm_hide=1');
  await computed(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toMatch(/teach=1&speed=30&vm_hide=1$/);

  await page.getByRole('button', { name: 'Share this lesson' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this lesson' });
  await dialog.getByLabel('Summary', { exact: true }).check();
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied');
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  expect(shared).toBe(await dialog.getByTestId('share-link').inputValue());
  expect(shared).toMatch(/vm_hide=1&summary_hide=1/);
});
