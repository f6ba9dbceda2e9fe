import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/**
 * Issue 16 item 3: while the grid is scrolled fast its rows draw plain text cells (no badge, icon
 * or tooltip; rows not yet held draw empty and are asked for when the scroll slows), and fill in the
 * details when the scroll settles; End reaches the last row.
 */

test('a fast scroll draws plain rows, the details come back when it settles, and End reaches the last row', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  const count = await leads.countValue();
  expect(count).toBeGreaterThan(200);
  const grid = page.getByTestId('lead-grid');
  await expect(leads.rows().first().getByTestId('verdict-badge')).toBeVisible({ timeout: 90_000 });

  // Two jumps of 30 rows within one scroll (a fling; rows 0–99 are loaded), the rows read in the
  // same task as the second, right after the grid's own scroll handler has drawn them: no timer
  // can settle it in between. (One jump alone, End or Page Down, is no fast scroll.)
  const during = await grid.evaluate(
    (el) =>
      new Promise<{ rows: number; badges: number; firstCells: string[] }>((resolve) => {
        let events = 0;
        const onScroll = () => {
          if (++events === 1) {
            el.scrollTop = 60 * 36;
            return;
          }
          el.removeEventListener('scroll', onScroll);
          const rows = [...el.querySelectorAll('[data-testid="lead-row"]')];
          resolve({
            rows: rows.length,
            badges: el.querySelectorAll('[data-testid="verdict-badge"]').length,
            firstCells: [...(rows[0]?.querySelectorAll('[role="gridcell"]') ?? [])].map((c) => c.textContent ?? ''),
          });
        };
        el.addEventListener('scroll', onScroll);
        el.scrollTop = 30 * 36;
      }),
  );
  expect(during.rows).toBeGreaterThan(10);
  expect(during.badges).toBe(0);
  // Plain text, still one cell a column: the phone number and the verdict in words.
  expect(during.firstCells.join(' ')).toMatch(/\+\d/);
  expect(during.firstCells.join(' ')).toMatch(/Callable|Blocked/);

  // Settled: every row on screen has its badge again.
  await expect(grid.getByTestId('verdict-badge').first()).toBeVisible();
  await expect.poll(() => grid.getByTestId('verdict-badge').count()).toBe(await leads.rows().count());

  // A fling far into rows never asked for: empty rows while it lasts, filled once it ends.
  const far = Math.min(1_000, count - 50);
  const flung = await grid.evaluate(
    (el, to) =>
      new Promise<{ empty: number; filled: number }>((resolve) => {
        let events = 0;
        const onScroll = () => {
          if (++events === 1) {
            el.scrollTop = to * 36;
            return;
          }
          el.removeEventListener('scroll', onScroll);
          resolve({
            empty: el.querySelectorAll('[data-testid="lead-row-loading"]').length,
            filled: el.querySelectorAll('[data-testid="lead-row"]').length,
          });
        };
        el.addEventListener('scroll', onScroll);
        el.scrollTop = (to / 2) * 36;
      }),
    far,
  );
  expect(flung.empty).toBeGreaterThan(5);
  expect(flung.filled).toBe(0);
  await expect(grid.getByTestId('lead-row-loading')).toHaveCount(0);
  await expect(grid.locator(`[role="row"][aria-rowindex="${far + 2}"]`).getByTestId('verdict-badge')).toBeVisible();

  // The keyboard reaches the last row.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(grid.locator(`[role="row"][aria-rowindex="${count + 1}"]`)).toBeVisible();
  await expect(grid.locator(`[role="row"][aria-rowindex="${count + 1}"]`).getByTestId('verdict-badge')).toBeVisible();
});
