// One screen, any screen (issue 10): the workbench and the Teach view on the screens people use, the
// views in the URL and history, old links, touch targets, no sideways scrolling, axe in every view.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { LESSONS } from '../src/app/teach/lessons.ts';
import { VIEWS } from '../src/app/state/views.ts';
import { chartMarkup, dragSlider, expect, numberField, openView, settled, slider, summary, test } from './fixtures.ts';

interface Screen {
  width: number;
  height: number;
  large?: boolean;
}

const SCREENS: Screen[] = [
  { width: 1280, height: 720 },
  { width: 1280, height: 720, large: true },
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

const nameOf = (s: Screen) => `${s.width}x${s.height}${s.large ? ' Large type' : ''}`;
/** Screens wide enough for the one-screen layout (below 700 px the page is one column in flow). */
const oneScreen = (s: Screen) => s.width >= 700;

async function inViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  const { width, height } = page.viewportSize()!;
  expect(box!.x, `${what} left edge`).toBeGreaterThanOrEqual(-0.5);
  expect(box!.y, `${what} top edge`).toBeGreaterThanOrEqual(-0.5);
  expect(box!.x + box!.width, `${what} right edge`).toBeLessThanOrEqual(width + 0.5);
  expect(box!.y + box!.height, `${what} bottom edge`).toBeLessThanOrEqual(height + 0.5);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

/** Visible controls smaller than 24 x 24 CSS px; text-inline ones (a term in a sentence) are exempt (WCAG 2.5.8). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const items = document.querySelectorAll<HTMLElement>('button, input:not([type="hidden"]), select, summary, textarea, .viewbar__tab, a.chip');
    for (const el of items) {
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (closed disclosure, hidden group)
      if (el.closest('.visually-hidden, [hidden]')) continue;
      if (r.width < 23.5 || r.height < 23.5) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
    }
    return out;
  });
}

for (const screen of SCREENS) {
  test.describe(nameOf(screen), () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test('the workbench: sliders, headline and both charts on arrival; no sideways scroll; 24 px targets', async ({ page }) => {
      await page.goto(screen.large ? './?large=1' : './');
      await settled(page);
      const parts: [string, Locator][] = [
        ['Page dirty rate', slider(page, 'Page dirty rate')],
        ['Link speed', slider(page, 'Link speed')],
        ['VM memory', slider(page, 'VM memory')],
        ['migration time', page.getByRole('region', { name: 'Result' }).getByTestId('migration-time')],
        ['downtime', page.getByRole('region', { name: 'Result' }).getByTestId('downtime')],
        ['iterations chart', page.getByTestId('chart-iterations')],
        ['curves chart', page.getByTestId('chart-curves')],
      ];
      if (oneScreen(screen)) for (const [what, locator] of parts) await inViewport(page, locator, what);
      else {
        // One column: every part as wide as the screen allows, none wider.
        for (const [what, locator] of parts) {
          const box = (await locator.boundingBox())!;
          expect(box.x + box.width, what).toBeLessThanOrEqual(screen.width);
        }
        const chart = (await page.getByTestId('chart-curves').boundingBox())!;
        expect(chart.width).toBeGreaterThan(screen.width * 0.85);
        await inViewport(page, slider(page, 'Page dirty rate'), 'Page dirty rate');
      }
      await noSidewaysScroll(page);
      expect(await smallTargets(page)).toEqual([]);
    });

    test('every lesson link opens the Teach view with its text, the map, Play and the narration in view', async ({ page }) => {
      for (const lesson of LESSONS) {
        await page.goto(`./?lesson=${lesson.id}${screen.large ? '&large=1' : ''}`);
        await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
        await expect(page.getByTestId('narration')).not.toContainText('Loading');
        const parts: [string, Locator][] = [
          // Large type: the lesson's title and the start of its text (it scrolls inside its column).
          ['lesson', screen.large ? page.getByTestId('lesson').locator('h3') : page.getByTestId('lesson')],
          ['memory map', page.getByTestId('memory-map')],
          ['Play', page.getByRole('button', { name: 'Play' })],
          ['narration', page.getByTestId('narration')],
        ];
        if (oneScreen(screen)) {
          for (const [what, locator] of parts) await inViewport(page, locator, `${lesson.id}: ${what}`);
          // The chart that follows the player is in view too, with a plot tall enough to read its bars (about 100 px before the Large-type fix).
          const chart = page.getByTestId('chart-iterations');
          await inViewport(page, chart, `${lesson.id}: the chart that follows the player`);
          const plot = (await chart.locator('line.chart-axis__domain[y2]').first().boundingBox())!;
          expect(plot.height, `${lesson.id}: the following chart's plot height`).toBeGreaterThanOrEqual(110);
        } else {
          // A phone: the lesson's text starts in view; the rest follows in one column.
          const box = (await page.getByTestId('lesson').boundingBox())!;
          expect(box.y).toBeLessThan(screen.height / 2);
        }
        await noSidewaysScroll(page);
      }
      expect(await smallTargets(page)).toEqual([]);
    });
  });
}

test.describe('on a projector (1280x720)', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('dragging the rate redraws both charts, and they stay in view', async ({ page }) => {
    await page.goto('./');
    await settled(page);
    const before = { iterations: await chartMarkup(page, 'chart-iterations'), curves: await chartMarkup(page, 'chart-curves') };
    await dragSlider(page, 'Page dirty rate', 0.45);
    await settled(page);
    expect(await chartMarkup(page, 'chart-iterations')).not.toEqual(before.iterations);
    expect(await chartMarkup(page, 'chart-curves')).not.toEqual(before.curves);
    await inViewport(page, page.getByTestId('chart-iterations'), 'iterations chart');
    await inViewport(page, page.getByTestId('chart-curves'), 'curves chart');
    await expect(page.getByTestId('drag-cue')).toHaveCount(0);
  });

  test("an operator's QEMU scenario keeps its facts on one strip and both plots readable, in either type size", async ({ page }) => {
    for (const large of [false, true]) {
      // The 12 TiB in-memory database: QEMU, its bounds for reference, what QEMU reports, the cap note.
      await page.goto(`./?preset=inmem-db-12t-100g${large ? '&large=1' : ''}`);
      await settled(page);
      const facts = page.getByRole('region', { name: 'Result' }).locator('.facts');
      await expect(facts.locator('.fact__value').first()).toBeVisible();
      // The notes fold away under one button, and open on it.
      await expect(facts.locator('.fact__note').first()).toBeHidden();
      await facts.getByRole('button', { name: 'What these mean' }).click();
      await expect(facts.locator('.fact__note').first()).toBeVisible();
      await facts.getByRole('button', { name: 'Hide the notes' }).click();
      for (const id of ['chart-iterations', 'chart-curves']) {
        const chart = page.getByTestId(id);
        await inViewport(page, chart, `${id}${large ? ' (Large type)' : ''}`);
        // About 70 px for the curves before the facts were folded into a strip.
        const plot = (await chart.locator('line.chart-axis__domain[y2]').first().boundingBox())!;
        expect(plot.height, `${id}'s plot height${large ? ' in Large type' : ''}`).toBeGreaterThanOrEqual(85);
      }
    }
  });

  test("in the default type a chart's own controls fold behind Options; the compared policies stay in view", async ({ page }) => {
    await page.goto('./?preset=akoush-1g');
    await settled(page);
    const curves = page.getByTestId('chart-curves');
    const log = curves.getByRole('checkbox', { name: 'Log y-axis' });
    await expect(log).toBeHidden();
    await expect(curves.getByRole('checkbox', { name: 'Post-copy' })).toBeVisible();
    await curves.getByRole('button', { name: /^Chart options:/ }).click();
    await expect(log).toBeVisible();
    await inViewport(page, curves.getByRole('button', { name: /^PNG/ }), 'the PNG button in the open options');
    // A taller screen keeps them in the header.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect(curves.getByRole('button', { name: /^Chart options:/ })).toBeHidden();
    await expect(page.getByTestId('chart-iterations').getByRole('checkbox', { name: 'Log y-axis' })).toBeVisible();
  });

  test('the share dialog opens from the header in every view and its Copy button is in view', async ({ page }) => {
    await page.goto('./?preset=akoush-1g');
    for (const v of VIEWS) {
      await openView(page, v.label as Parameters<typeof openView>[1]);
      await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Share a link' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('View', { exact: true })).toHaveValue(v.id);
      await inViewport(page, dialog.getByRole('button', { name: 'Copy link' }), `Copy link in ${v.label}`);
      await dialog.getByLabel('Embed: one chart alone, for an iframe').check();
      // The snippet is responsive: the frame's width follows its container.
      await expect(dialog.getByTestId('share-snippet')).toHaveValue(/style="width:100%;aspect-ratio:/);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  });
});

test('the app opens on its own busy scenario only when the link names none', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('15000');
  // Several live iterations before the stop-and-copy.
  expect(Number(await page.getByRole('region', { name: 'Result' }).getByTestId('iterations').innerText())).toBeGreaterThanOrEqual(5);
  // Written in full into the address bar like any other scenario.
  await expect(page).toHaveURL(/[?&]rate=15000(&|$)/);
  await expect(page.getByTestId('drag-cue')).toBeVisible();
  // Any scenario key keeps the model's defaults for the rest (old links carry every field anyway).
  await page.goto('./?vm=2048');
  await settled(page);
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('0');
});

test('old links open what they opened, in the right view', async ({ page }) => {
  // Scenario keys.
  await page.goto('./?v=1&vm=4096&link=7120&rate=30000&policy=qemu');
  await settled(page);
  await expect(numberField(page, 'VM memory')).toHaveValue('4096');
  await expect(numberField(page, 'Link speed')).toHaveValue('7120');
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('30000');
  await expect(page.getByRole('radio', { name: 'QEMU/KVM' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Explore', exact: true })).toHaveAttribute('aria-current', 'page');
  // A preset.
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  await expect(page.locator('.presets__current')).toHaveText(/Akoush Fig\. 1, 1 Gbps/);
  // teach=1 with a step: the Teach view at that step.
  await page.goto('./?preset=akoush-1g&teach=1&step=3&by=iteration');
  await expect(page.getByRole('link', { name: 'Teach', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('teach-position')).toContainText('Step 3 of');
  await expect(page.getByTestId('teach-position')).toContainText(/Iteration \d+ of \d+/);
  // A lesson.
  await page.goto(`./?lesson=${LESSONS[0].id}`);
  await expect(page.getByTestId('lesson')).toBeVisible();
  // Compared policies and pins keep their keys.
  await page.goto('./?preset=akoush-1g&compare=qemu&pin=1*Fine*1024_935_100');
  await settled(page);
  await expect(page.getByRole('checkbox', { name: 'QEMU/KVM' })).toBeChecked();
  await expect(page).toHaveURL(/compare=qemu/);
  await expect(page).toHaveURL(/pin=/);
  // Embed.
  await page.goto('./?preset=akoush-1g&embed=1&chart=curves');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
});

test('back and forward move between views; scenario edits add no history entries', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const tab = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
  await openView(page, 'Teach');
  await expect(page).toHaveURL(/view=teach/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await openView(page, 'SLA');
  await expect(page.getByTestId('sla-lens')).toBeVisible();
  const rate = numberField(page, 'Page dirty rate');
  await rate.fill('12345');
  await rate.press('Enter');
  await expect(page).toHaveURL(/rate=12345/);
  await page.goBack();
  await expect(tab('Teach')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('memory-map')).toBeVisible();
  await page.goBack();
  await expect(tab('Explore')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('chart-curves')).toBeVisible();
  // The edit made in SLA holds in every view.
  await expect(numberField(page, 'Page dirty rate')).toHaveValue('12345');
  await page.goForward();
  await expect(tab('Teach')).toHaveAttribute('aria-current', 'page');
  await page.goForward();
  await expect(tab('SLA')).toHaveAttribute('aria-current', 'page');
});

test('PageUp and PageDown take large steps; the knee region has travel', async ({ page }) => {
  await page.goto('./?rate=0');
  await settled(page);
  const rate = slider(page, 'Page dirty rate');
  await rate.focus();
  await page.keyboard.press('PageUp');
  const max = Number(await rate.getAttribute('max'));
  const afterUp = Number(await rate.inputValue());
  expect(afterUp).toBeGreaterThanOrEqual(max / 10 - 1);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageDown');
  expect(Number(await rate.inputValue())).toBe(afterUp);
  // From a quarter of the link's rate to 1.25 times it (the knee) is over a third of the track.
  const pos = async (v: number) => {
    await numberField(page, 'Page dirty rate').fill(String(v));
    await numberField(page, 'Page dirty rate').press('Enter');
    return Number(await rate.inputValue());
  };
  const pagesPerS = (935e6 / 8 / 4096) * 1; // 1 Gbps goodput, 4 KiB pages
  expect(((await pos(Math.round(pagesPerS * 1.25))) - (await pos(Math.round(pagesPerS / 4)))) / max).toBeGreaterThan(1 / 3);
});

test('a skip link, chart titles as headings, and three distinct "Show table" names', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the charts' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#charts')).toBeFocused();
  for (const title of ['Pages per iteration', 'Downtime and migration time against page dirty rate', 'Timeline of the migration'])
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const names = await page.getByRole('button', { name: /^Show table/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names).toHaveLength(3);
  expect(new Set(names).size).toBe(3);
});

test('embed=1 fits a 320 px frame', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 480 });
  for (const chart of ['iterations', 'timeline', 'curves', 'memory']) {
    await page.goto(`./?preset=akoush-1g&embed=1&chart=${chart}`);
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.getByTestId(chart === 'memory' ? 'memory-map' : `chart-${chart}`)).toBeVisible();
    await noSidewaysScroll(page);
  }
});

for (const theme of ['light', 'dark'] as const) {
  for (const v of VIEWS) {
    test(`axe finds nothing in ${v.label}, ${theme}`, async ({ page }) => {
      // Explore with its Advanced group open and a URL notice showing (an unknown key).
      const extra = v.id === 'explore' ? '&pattern=hotcold&bogus=1' : '';
      await page.goto(`./?preset=akoush-1g&view=${v.id}&theme=${theme}${extra}`);
      if (v.id === 'teach') await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
      else if (v.id === 'check') await expect(page.getByTestId('validation')).toBeVisible();
      else await expect(page.getByRole('region', { name: 'Result' }).getByTestId('migration-time').or(page.getByTestId('sla-lens')).first()).toBeVisible();
      if (v.id === 'explore') {
        await expect(page.getByTestId('url-notice')).toBeVisible();
        const advanced = page.locator('details.advanced');
        if (!(await advanced.evaluate((d: HTMLDetailsElement) => d.open))) await advanced.locator('summary').click();
        await expect(advanced).toHaveAttribute('open', '');
      }
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('the summary numbers do not depend on the view they were read in', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const explore = await summary(page);
  await openView(page, 'SLA');
  expect(await summary(page)).toEqual(explore);
});
