import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/**
 * Issue 16 item 3: while the grid is scrolled fast its rows draw plain text cells (no badge, icon
 * or tooltip; rows not yet held draw empty and are asked for when the scroll slows), and fill in the
 * details when the scroll settles; End reaches the last row.
 */

interface Flung {
  rows: number;
  empty: number;
  badges: number;
  firstCells: string[];
  /** Rows a view this tall touches: what a flying scroll draws, no overscan. */
  inView: number;
}

/**
 * Two moves within one scroll (a fling: to row `a`, then to row `b`), each told to the grid by its
 * scroll event at once, in one task (the browser's own events come a frame later each, and on a
 * busy machine a frame can outlast the scroll), then the grid read right after its own scroll
 * handler has drawn the second.
 */
async function fling(grid: Locator, a: number, b: number): Promise<Flung> {
  return grid.evaluate(
    (el, [to1, to2]) => {
      el.scrollTop = to1! * 36;
      el.dispatchEvent(new Event('scroll'));
      el.scrollTop = to2! * 36;
      el.dispatchEvent(new Event('scroll'));
      const rows = [...el.querySelectorAll('[data-testid="lead-row"]')];
      return {
        rows: rows.length,
        empty: el.querySelectorAll('[data-testid="lead-row-loading"]').length,
        badges: el.querySelectorAll('[data-testid="verdict-badge"]').length,
        firstCells: [...(rows[0]?.querySelectorAll('[role="gridcell"]') ?? [])].map((c) => c.textContent ?? ''),
        inView: Math.ceil((el.clientHeight - 37) / 36) + 2,
      };
    },
    [a, b],
  );
}

test('a fast scroll draws plain rows, the details come back when it settles, and End reaches the last row', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  const count = await leads.countValue();
  expect(count).toBeGreaterThan(1_100);
  const grid = page.getByTestId('lead-grid');
  await expect(leads.rows().first().getByTestId('verdict-badge')).toBeVisible({ timeout: 90_000 });
  const settled = async () => {
    await expect(grid.getByTestId('lead-row-loading')).toHaveCount(0);
    await expect.poll(() => grid.getByTestId('verdict-badge').count()).toBe(await leads.rows().count());
  };
  const toTop = async () => {
    await grid.evaluate((el) => (el.scrollTop = 0));
    await settled();
  };

  // Moves of 30 rows (rows 0–99 are loaded): fast, not flying. (One jump alone, End or Page Down,
  // is no fast scroll.)
  const during = await fling(grid, 30, 60);
  expect(during.rows).toBeGreaterThan(10);
  expect(during.badges).toBe(0);
  // Plain text, still one cell a column: the phone number and the verdict in words.
  expect(during.firstCells.join(' ')).toMatch(/\+\d/);
  expect(during.firstCells.join(' ')).toMatch(/Callable|Blocked/);

  // Settled: every row on screen has its badge again.
  await settled();

  // Flying far into rows never asked for: only the rows in view, drawn empty while it lasts, filled once it ends.
  await toTop();
  const flung = await fling(grid, 500, 1_000);
  expect(flung.empty).toBeGreaterThan(5);
  expect(flung.empty).toBeLessThanOrEqual(flung.inView);
  expect(flung.rows).toBe(0);
  await settled();
  await expect(grid.locator('[role="row"][aria-rowindex="1002"]').getByTestId('verdict-badge')).toBeVisible();

  // The keyboard reaches the last row.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(grid.locator(`[role="row"][aria-rowindex="${count + 1}"]`)).toBeVisible();
  await expect(grid.locator(`[role="row"][aria-rowindex="${count + 1}"]`).getByTestId('verdict-badge')).toBeVisible();
});
