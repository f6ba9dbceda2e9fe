import { expect, test } from './fixtures';
import { CompliancePage } from './page-models/compliance';

const OUT = process.env.E2E_OUTPUT ?? 'test-results';

test('a DNC scrub counts the listed numbers read as it goes and the leads checked, then shows the re-check count refreshed', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const page = app.page;
  const c = new CompliancePage(page);
  await c.open('/compliance/dnc');
  // A newer version of a list sends every lead back to the re-check queue.
  await c.importDncVersion('UK TPS', 'tps-progress.txt', '+447911123456\n');
  await expect.poll(() => c.recheckCount(), { timeout: 120_000 }).toBeGreaterThan(0);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="scrub-step"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Scrub all leads now' }).click();
  // The steps are recorded as they are drawn (the observer above): a scrub of the demo can end in
  // under half a second, between two polls of a locator, so the line is not waited for here.
  if (await page.getByTestId('scrub-step').isVisible()) await page.screenshot({ path: `${OUT}/scrub-progress.png` });
  const done = page.getByRole('status').filter({ hasText: 'Scrub complete' });
  await expect(done).toBeVisible({ timeout: 240_000 });
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  const listsTotal = seen
    .map((s) => s.match(/^Reading the lists: ([\d,]+) of ([\d,]+) numbers$/))
    .find((m) => m && m[2] !== '0');
  expect(listsTotal, `steps seen: ${seen.join(' | ')}`).toBeTruthy();
  const lists = seen.map((s) => s.match(/^Reading the lists: ([\d,]+) of ([\d,]+) numbers$/)).filter((m) => m !== null);
  // The numbers to read are counted before the first is read, so the line tells the whole from its first step
  // (the demo's few hundred numbers are read between two frames: steps in between may be batched away).
  expect(
    lists.some((m) => m![1] === '0' && m![2] !== '0'),
    `a step with the whole counted before any was read; steps seen: ${seen.join(' | ')}`,
  ).toBe(true);
  // The leads' numbers come off the engine's columns at once; checking them is counted to the end.
  const checking = seen.map((s) => s.match(/^Checking leads: ([\d,]+) of ([\d,]+)$/)).filter((m) => m !== null);
  expect(checking.length, `steps seen: ${seen.join(' | ')}`).toBeGreaterThan(0);
  expect(checking.at(-1)![1]).toBe(checking.at(-1)![2]);
  await expect(done).toHaveText(/Scrub complete: [\d,]+ leads checked, [\d,]+ listed, in [\d.]+ s\./);
  // The leads' numbers were read off the grid engine's columns (a list import since writes no lead's row), not the phone index.
  await expect(done).toHaveAttribute('data-leads-from', 'engine');
  // The figure beside the button is asked again: nobody needs a re-check now.
  await expect(page.getByTestId('recheck-count')).toHaveText('0', { timeout: 120_000 });
  await page.screenshot({ path: `${OUT}/scrub-done.png` });
});
