import { expect, test } from './fixtures';
import { ImportScreen } from './page-models/import';

const OUT = process.env.E2E_OUTPUT ?? 'test-results';

test('a 9,000-lead commit shows its progress moving in leads before it ends, with the time waited', async ({ app }) => {
  test.setTimeout(300_000);
  const page = app.page;
  const screen = new ImportScreen(page);
  const rows = Array.from(
    { length: 9_000 },
    (_, i) => `+1312${String(7_000_000 + i)},Progress ${i},2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
  );
  await screen.open();
  await screen.chooseFile('nine-thousand.csv', Buffer.from(`phone,name,acquired at\n${rows.join('\n')}\n`));
  await screen.select('Default source').fill('web-forms');
  await screen.check();
  await expect(screen.count('valid')).toHaveText('9,000');
  // Every state the progress line passes through, recorded in the page as it changes.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="import-progress-count"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page
    .getByRole('button', { name: /^Import / })
    .filter({ hasText: /\d/ })
    .click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.screenshot({ path: `${OUT}/import-commit-progress.png` });
  await expect(page.getByRole('status').filter({ hasText: /Imported as batch #\d+/ })).toBeVisible({
    timeout: 240_000,
  });
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  // Written of the leads to write (a number the demo already holds is merged, so the total may be a little under 9,000).
  const n = (x: string) => Number(x.replace(/,/g, ''));
  const partway = seen
    .map((s) => s.match(/^(\d+)% · ([\d,]+) of ([\d,]+) leads · \d+ s elapsed$/))
    .filter((m) => m && n(m[3]!) > 8_900 && n(m[2]!) > 0 && n(m[2]!) < n(m[3]!));
  expect(partway.length, `progress states seen: ${seen.join(' | ')}`).toBeGreaterThan(0);
  expect(Number(partway[0]![1])).toBeGreaterThan(0);
  expect(Number(partway[0]![1])).toBeLessThan(100);
});
