/**
 * Selection in the leads grid (issue 16: ≤ 50 ms to painted): tick one row's box, shift-click
 * the box of the row 1,000 rows further on, then "select all N matching" in the header. Each is
 * timed from the click to the frame where the selection bar's count (always shown) changes. The grid is
 * left unselected and unfiltered for the next scenario.
 */
import type { Page } from '@playwright/test';
import { clickUntil } from './features';
import type { RunContext, Scenario } from './types';

const GOAL = 'issue 16: click to painted ≤ 50 ms';
const COUNT = '[data-testid="selection-count"]';
const RANGE = 1_000;

const rowBox = (page: Page, n: number) => page.getByRole('checkbox', { name: `Select row ${n}`, exact: true });

/** Scroll the grid until row `n` (1-based) is drawn, as a person dragging the scrollbar would. */
async function scrollToRow(ctx: RunContext, n: number): Promise<void> {
  for (let tries = 0; tries < 20; tries++) {
    if (await rowBox(ctx.page, n).count()) return;
    await ctx.page.evaluate(
      ({ n, size }) => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
        const drawn = Array.from(document.querySelectorAll('[aria-label^="Select row "]')).map((e) =>
          Number(e.getAttribute('aria-label')!.slice('Select row '.length)),
        );
        const first = drawn.length ? Math.min(...drawn) : 1;
        const perRow = (grid.scrollHeight - grid.clientHeight) / Math.max(1, size - drawn.length);
        grid.scrollTop += (n - first - 3) * perRow;
      },
      { n, size: ctx.spec.size },
    );
    await ctx.page.waitForTimeout(100);
  }
  throw new Error(`row ${n} was never drawn`);
}

export const selection: Scenario = {
  id: 'selection',
  rows: [
    { name: 'select-one', goal: GOAL, note: 'tick the first row’s box' },
    { name: 'select-shift-1k', goal: GOAL, note: `shift-click the box ${RANGE.toLocaleString('en-US')} rows on` },
    { name: 'select-all', goal: GOAL, note: '“select all N matching” in the header' },
  ],
  async measure(ctx) {
    const page = ctx.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Leads' }).click();
    // The grid may still be scrolled where an earlier scenario left it: back to the first row.
    await page
      .getByRole('checkbox', { name: /^Select row \d+$/ })
      .first()
      .waitFor({ timeout: ctx.timeoutMs });
    await scrollToRow(ctx, 1);
    await page.waitForTimeout(1_000);
    const one = await clickUntil(ctx, () => rowBox(page, 1).click(), COUNT);
    await scrollToRow(ctx, RANGE);
    // Let the scroll settle (the rows drawn in full again) before the click, so only the click is timed.
    await page.waitForTimeout(1_000);
    const range = await clickUntil(ctx, () => rowBox(page, RANGE).click({ modifiers: ['Shift'] }), COUNT);
    if (!/1,000/.test(range.text)) throw new Error(`shift-click selected “${range.text}”, not 1,000`);
    const header = page.getByRole('checkbox', { name: /^Select all .* matching leads$/ });
    const all = await clickUntil(ctx, () => header.click(), COUNT);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    // The count stays on screen, at 0 (“0 leads selected”).
    await page.locator(COUNT).filter({ hasText: /^0 / }).waitFor({ timeout: ctx.timeoutMs });
    return { 'select-one': one.sample, 'select-shift-1k': range.sample, 'select-all': all.sample };
  },
};
