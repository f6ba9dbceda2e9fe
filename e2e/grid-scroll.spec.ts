import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/**
 * Issue 16 item 3: while the grid is scrolled fast its rows draw plain text cells (no badge, icon
 * or tooltip), and fill in the details when the scroll settles; End reaches the last row.
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

  // Jump 30 rows down in one scroll (rows 0–99 are loaded) and read the rows in the same task,
  // right after the grid's own scroll handler has drawn them: no timer can settle it in between.
  const during = await grid.evaluate(
    (el) =>
      new Promise<{ rows: number; badges: number; firstCells: string[] }>((resolve) => {
        el.addEventListener(
          'scroll',
          () => {
            const rows = [...el.querySelectorAll('[data-testid="lead-row"]')];
            resolve({
              rows: rows.length,
              badges: el.querySelectorAll('[data-testid="verdict-badge"]').length,
              firstCells: [...(rows[0]?.querySelectorAll('[role="gridcell"]') ?? [])].map((c) => c.textContent ?? ''),
            });
          },
          { once: true },
        );
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

  // The keyboard reaches the last row.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(grid.locator(`[role="row"][aria-rowindex="${count + 1}"]`)).toBeVisible();
  await expect(grid.locator(`[role="row"][aria-rowindex="${count + 1}"]`).getByTestId('verdict-badge')).toBeVisible();
});
