// Shared by the end-to-end tests: a page that fails its test on any console error, page error or
// dialog, and helpers that read the summary and move sliders the way a user does.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export const SUMMARY_IDS = ['migration-time', 'downtime', 'iterations', 'data-sent', 'stop-reason'] as const;

export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await use(problems);
      expect(problems, 'console errors, page errors or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the summary shows a result for the current controls and the curves are complete. */
export async function settled(page: Page): Promise<void> {
  // The view the link opened decides what there is to wait for: Check shows no run, SLA no curves.
  const params = new URL(page.url()).searchParams;
  const view = params.get('view');
  if (view === 'check') return;
  if (view === 'teach' || (view === null && (params.has('teach') || params.has('lesson')))) {
    await expect(page.getByTestId('narration')).toBeVisible();
    return;
  }
  await expect(page.getByRole('region', { name: 'Result' }).getByTestId('migration-time')).toBeVisible();
  await expect(page.locator('.summary')).toHaveAttribute('aria-busy', 'false');
  if (view !== 'sla') await expect(page.locator('.charts__curves')).toHaveAttribute('data-complete', 'true');
}

export async function summary(page: Page): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  // Scoped to the summary: the charts reuse some of these test ids for their own labels.
  const section = page.getByRole('region', { name: 'Result' });
  for (const id of SUMMARY_IDS) values[id] = (await section.getByTestId(id).innerText()).trim();
  return values;
}

/** The sliders and number fields of the controls, by their accessible names. */
export function slider(page: Page, name: string): Locator {
  return page.getByRole('slider', { name, exact: true });
}

export function numberField(page: Page, name: string): Locator {
  return page.getByRole('spinbutton', { name: new RegExp(`^${name} \\(`) });
}

/** Drags a range input's thumb with the mouse to `fraction` of its width. */
export async function dragSlider(page: Page, name: string, fraction: number): Promise<void> {
  const input = slider(page, name);
  const box = (await input.boundingBox())!;
  const { value, max } = await input.evaluate((el: HTMLInputElement) => ({ value: Number(el.value), max: Number(el.max) }));
  const y = box.y + box.height / 2;
  const thumb = 8; // the thumb's half-width: its centre travels from thumb to width - thumb
  const xAt = (f: number) => box.x + thumb + f * (box.width - 2 * thumb);
  await page.mouse.move(xAt(value / max), y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(xAt(value / max + ((fraction - value / max) * i) / 10), y);
  await page.mouse.up();
}

/** The markup of a chart, to see that it changed. */
export async function chartMarkup(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).locator('svg').first().innerHTML();
}

/** Opens a view from the persistent bar (the views replaced the long page's sections). */
export async function openView(page: Page, name: 'Explore' | 'Teach' | 'Compare' | 'SLA' | 'Check against the papers'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();
}

/** Opens the compact presets picker (a disclosure) on the workbench. */
export async function openPresets(page: Page): Promise<void> {
  const picker = page.locator('details.presets');
  if (!(await picker.evaluate((d: HTMLDetailsElement) => d.open))) await picker.locator('summary').click();
}
