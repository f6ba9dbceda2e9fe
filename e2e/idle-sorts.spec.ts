import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/**
 * While nobody asks anything, the grid's engine works out the sort orders of the columns ahead,
 * in a helper worker (the engine's own thread stays free to answer: a sort of a million rows
 * holds a thread for ~0.7 s). Checked in the built app, where the helper is a nested worker under
 * the Content-Security-Policy: every order is worked out and kept, and a header click then sorts
 * at once, by name in the reader's collation.
 */
test('the engine works out sort orders in a helper while idle; a header click then sorts by them', async ({ app }) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  expect(await leads.countValue()).toBeGreaterThan(100);
  const grid = page.workers().find((w) => /grid[.-]worker|grid\.worker/.test(w.url()));
  expect(grid, 'the grid worker').toBeTruthy();
  // Nine keys, one per pause of 1.5 s after the last question: each measured when its order was kept.
  await expect
    .poll(() => grid!.evaluate(() => performance.getEntriesByName('engine:warm-order').length), { timeout: 45_000 })
    .toBe(9);

  await page.getByRole('columnheader', { name: /^Name/ }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=name/);
  // The name cells of the rows on screen, in row order (aria-rowindex; the grid keeps rows absolutely placed).
  const column = (await page.getByRole('columnheader').allInnerTexts()).findIndex((h) => h.startsWith('Name'));
  await expect(leads.rows().first()).toBeVisible();
  const namesShown = () =>
    leads.rows().evaluateAll(
      (rows, c) =>
        rows
          .map(
            (r) =>
              [
                Number(r.getAttribute('aria-rowindex')),
                r.querySelectorAll('[role="gridcell"]')[c]?.textContent ?? '',
              ] as const,
          )
          .sort((a, b) => a[0] - b[0])
          .map(([, name]) => name)
          .slice(0, 10),
      column,
    );
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const sorted = (names: string[]) => [...names].sort(collator.compare);
  // The header and the URL change at the click; the rows shown before stay (busy) until the sorted
  // ones arrive, so the rows are read once the grid is no longer busy.
  await expect(page.getByTestId('grid-rows')).not.toHaveAttribute('aria-busy', 'true');
  await expect
    .poll(async () => {
      const names = await namesShown();
      return JSON.stringify(names) === JSON.stringify(sorted(names));
    })
    .toBe(true);
  const shown = await namesShown();
  expect(shown.length).toBeGreaterThan(5);
  expect(shown).toEqual(sorted(shown));
});
