import { chartMarkup, expect, settled, summary, test } from './fixtures.ts';

const result = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Result' });

test('switching the policy changes the charts and the URL, and the URL restores it', async ({ page, browser }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const before = { summary: await summary(page), iterations: await chartMarkup(page, 'chart-iterations'), curves: await chartMarkup(page, 'chart-curves') };
  await expect(page.getByRole('radio', { name: 'Xen 3.x (Akoush)' })).toBeChecked();
  // Each option says what it does.
  await expect(page.getByRole('radio', { name: 'QEMU/KVM' })).toHaveAccessibleDescription(/dirty data fits the downtime limit/);

  await page.getByRole('radio', { name: 'QEMU/KVM' }).check();
  await settled(page);
  await expect(result(page).getByTestId('stop-reason')).toHaveAttribute('data-reason', 'within-downtime-limit');
  await expect.poll(() => summary(page)).not.toEqual(before.summary);
  expect(await chartMarkup(page, 'chart-iterations')).not.toEqual(before.iterations);
  expect(await chartMarkup(page, 'chart-curves')).not.toEqual(before.curves);
  await expect(page.getByTestId('chart-stop-reason')).toHaveText('Pre-copy ended: dirty data fits the downtime limit');
  // Eq. 3 and 4 are Xen's: shown as a reference, and said so.
  await expect(page.getByTestId('bounds-note')).toContainText("Xen's bounds");
  await expect.poll(() => page.url()).toContain('policy=qemu');
  const shown = await summary(page);

  const fresh = await browser.newContext();
  const reopened = await fresh.newPage();
  await reopened.goto(page.url());
  await settled(reopened);
  await expect(reopened.getByRole('radio', { name: 'QEMU/KVM' })).toBeChecked();
  expect(await summary(reopened)).toEqual(shown);
  await fresh.close();
});

test('post-copy shows its switch-over, remote faults and degraded time', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&pattern=uniform');
  await settled(page);
  await page.getByRole('radio', { name: 'Post-copy' }).check();
  await settled(page);
  await expect(result(page).getByTestId('stop-reason')).toHaveAttribute('data-reason', 'postcopy');
  await expect(result(page).getByTestId('remote-faults')).toHaveText(/^[\d,]+ pages$/);
  expect(await result(page).getByTestId('remote-faults').innerText()).not.toBe('0 pages');
  await expect(result(page).getByTestId('degraded-time')).toHaveText(/^\d[\d.,]* (s|ms)$/);
  // Downtime is the state and the activation only, whatever the dirty rate.
  await expect(result(page).getByTestId('downtime')).toHaveText(/^3\d\d ms$/);
  await expect(page.getByTestId('bounds-note')).toContainText('do not apply');
  // The per-iteration chart: the paused switch-over and the post-copy phase; the timeline in that order.
  const iterations = page.getByTestId('chart-iterations');
  await expect(iterations.locator('g[data-phase="switch-over"]')).toHaveCount(1);
  await expect(iterations.locator('g[data-phase="postcopy"]')).toHaveCount(1);
  await expect(iterations.getByTestId('switch-over-label')).toContainText('state only');
  const stages = await page.getByTestId('chart-timeline').locator('rect[data-stage]').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
  expect(stages).toEqual(['pre', 'final', 'post', 'postcopy']);
  await expect(page.getByTestId('chart-timeline').getByTestId('timeline-degraded')).toBeVisible();
  await expect.poll(() => page.url()).toContain('policy=postcopy');
});

test('QEMU auto-converge shows its throttle steps and the CPU the guest lost', async ({ page }) => {
  await page.goto('./?preset=akoush-1g&policy=qemu');
  await settled(page);
  await page.getByText('Advanced').click();
  await page.getByLabel('Auto-converge (throttle a guest that dirties too fast)').check();
  await settled(page);
  await expect(result(page).getByTestId('throttle')).toHaveText(/^\d+ steps?, up to \d+ %$/);
  await expect(result(page).getByTestId('cpu-lost')).toHaveText(/^\d[\d.,]* (s|ms)$/);
  expect(await page.getByTestId('chart-iterations').locator('g[data-throttle]').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('chart-timeline').locator('g.throttle-tick').count()).toBeGreaterThan(0);
  await expect.poll(() => page.url()).toContain('auto-converge=true');
});

test('a QEMU run that never converges says what downtime it needed', async ({ page }) => {
  await page.goto('./?policy=qemu&rate=40000&timeout=30');
  await settled(page);
  await expect(result(page).getByTestId('stop-reason')).toHaveAttribute('data-reason', 'no-convergence');
  await expect(result(page).getByTestId('required-downtime')).toHaveText(/^needed \d[\d.,]* (s|ms) of downtime \(limit 300 ms\)$/);
});

test('the vCPU-limit preset shows the time saved against the CPU the writer lost', async ({ page }) => {
  await page.goto('./?preset=mp4-stream-100m-vcpu20');
  await settled(page);
  await expect(result(page).getByTestId('time-saved')).toHaveText(/^24\.\d s \(3\d\.\d %\)$/);
  // On the one-screen workbench the facts' notes open under one button.
  await result(page).getByRole('button', { name: 'What these mean' }).click();
  await expect(result(page).getByText(/For 80 % less CPU for the writer/)).toBeVisible();
  await expect(result(page).getByText(/cannot raise downtime/)).toBeVisible();
  await expect(result(page).getByTestId('cpu-lost')).toHaveText(/^38\.\d s$/);
});

test('compared policies are overlaid on the curves, dashed, and kept in the link', async ({ page }) => {
  await page.goto('./?preset=akoush-1g');
  await settled(page);
  const curves = page.getByTestId('chart-curves');
  await curves.getByRole('checkbox', { name: 'Post-copy' }).check();
  await curves.getByRole('checkbox', { name: 'QEMU/KVM' }).check();
  await settled(page);
  await expect(curves.locator('path[data-policy="postcopy"]')).toHaveCount(2);
  await expect(curves.locator('path[data-policy="qemu"]')).toHaveCount(2);
  await expect(curves.getByRole('checkbox', { name: 'Xen 3.x (Akoush) (current)' })).toBeDisabled();
  await expect(curves.locator('.chart__legend')).toContainText('Post-copy (935 Mbit/s)');
  await expect.poll(() => page.url()).toContain('compare=qemu%2Cpostcopy');
});
