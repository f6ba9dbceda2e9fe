import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/**
 * Issue 17 items 5, 7 and 16 on the leads grid: the lifecycle stage as a column and a filter,
 * a cell edited in place (audited, undone), columns that fit with every header whole, a compact
 * density, and banners that leave the screen's content above the fold.
 */

test('item 16: the Stage column and filter — every listed lead is in the stage asked for, in the URL, and the drawer agrees', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  const total = await leads.countValue();
  await expect(page.getByRole('columnheader', { name: 'Stage' })).toBeVisible();
  await expect(leads.rows().first().getByTestId('stage-badge')).toBeVisible({ timeout: 90_000 });

  await leads.pick('stage', ['Dormant']);
  await expect(page).toHaveURL(/stage=.*dormant/);
  await expect.poll(() => leads.countValue()).toBeLessThan(total);
  const dormant = await leads.countValue();
  expect(dormant).toBeGreaterThan(0);
  const badges = page.getByTestId('lead-row').getByTestId('stage-badge');
  await expect(badges.first()).toHaveAttribute('data-stage', 'dormant');
  for (const stage of await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage'))))
    expect(stage).toBe('dormant');

  // The drawer reads the stage with the same rule.
  await leads.rows().first().getByRole('gridcell').nth(1).getByRole('button').click();
  await expect(page.getByRole('dialog').getByTestId('drawer-lifecycle')).toHaveAttribute('data-stage', 'dormant');
  await page.keyboard.press('Escape');

  // Two stages: the union; the counts of the parts add up.
  await leads.pick('stage', ['New']);
  await expect(page).toHaveURL(/stage=.*new/);
  // The count keeps the last answer until the new one arrives: wait for the union's, which holds new leads too.
  await expect.poll(() => leads.countValue()).toBeGreaterThan(dormant);
  const both = await leads.countValue();
  await page.goto('/leads?stage=new');
  await expect.poll(() => leads.countValue()).toBe(both - dormant);
});

test('item 5: a cell edited in place is saved as an audited bulk edit of that lead, and undone from the bar', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  // Natural order: the renamed lead keeps its place.
  await app.open('/leads');
  await expect(leads.rows().first()).toBeVisible({ timeout: 90_000 });
  const row = leads.rows().nth(2);
  const id = await row.getAttribute('id');
  const nameCell = row.getByRole('gridcell').nth(2);
  const before = (await nameCell.innerText()).trim();

  await nameCell.dblclick();
  const editor = page.getByTestId('cell-editor');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(before);
  await editor.fill('Inline Edited E2E');
  await editor.press('Enter');
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('inline-saved')).toContainText('Saved: Name of');
  await expect(page.locator(`#${id}`).getByRole('gridcell').nth(2)).toHaveText('Inline Edited E2E');
  await expect(page.getByRole('grid')).toBeFocused();

  // Escape leaves a cell as it was; F2 edits the focused row's first editable column.
  await page.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await editor.fill('Never saved');
  await editor.press('Escape');
  await expect(editor).toBeHidden();
  await expect(page.getByText('Never saved')).toHaveCount(0);

  // The same audit trail as any bulk edit, in words.
  await app.nav(/^Audit$/).click();
  await expect(page.getByTestId('audit-row').first()).toContainText('name → Inline Edited E2E');
  await page.goBack();
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Undone/ })).toBeVisible();
  await expect(page.locator(`#${id}`).getByRole('gridcell').nth(2)).toHaveText(before);
});

for (const [width, height, fits] of [
  [1920, 1080, true],
  [1366, 768, false],
] as const) {
  test(`item 7: at ${width}×${height} every header reads whole${fits ? ' and the 14 default columns fit' : ', the grid scrolls sideways'}; compact rows; the content starts above the fold`, async ({
    app,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width, height });
    const leads = new LeadsPage(page);
    await app.open('/leads');
    await expect(leads.rows().first()).toBeVisible({ timeout: 90_000 });
    const headers = page.getByRole('columnheader');
    await expect(headers).toHaveCount(15);
    const cut = await headers.evaluateAll((els) =>
      els
        .filter((e) => {
          const label = e.querySelector('button, span');
          return label !== null && label.scrollWidth > label.clientWidth + 1;
        })
        .map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    // The number to call and every state badge read whole in every row on screen, at the default widths
    // (they were "+1 646 223 …" and "Uncheck…").
    for (const header of ['Phone', 'Stage', 'Consent', 'DNC']) {
      const col = await headers.evaluateAll((els, h) => els.findIndex((e) => e.textContent?.trim() === h), header);
      expect(col, header).toBeGreaterThan(0);
      const cutCells = await leads.rows().evaluateAll(
        (rows, at) =>
          rows
            .map((r) => r.querySelectorAll('[role="gridcell"]')[at] as HTMLElement | undefined)
            // Cut where the text is: the cell, or the button or badge inside it that truncates with an ellipsis.
            .filter(
              (c): c is HTMLElement =>
                c !== undefined &&
                [c, ...c.querySelectorAll<HTMLElement>('*')].some((e) => e.scrollWidth > e.clientWidth + 1),
            )
            .map((c) => c.textContent),
        col,
      );
      expect(cutCells, header).toEqual([]);
    }
    const grid = page.getByRole('grid');
    const overflow = await grid.evaluate((g) => g.scrollWidth - g.clientWidth);
    if (fits) expect(overflow).toBeLessThanOrEqual(0);
    else expect(overflow).toBeGreaterThan(0);
    // The grid's first rows are on screen, not pushed below the fold by banners and filters.
    const top = (await leads.rows().first().boundingBox())!.y;
    expect(top).toBeLessThan(height * 0.45);

    // Compact rows: more leads on a screen, kept in the URL.
    const tall = (await leads.rows().first().boundingBox())!.height;
    await page.getByRole('button', { name: 'Compact rows' }).click();
    await expect(page.getByRole('button', { name: 'Compact rows' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/density=compact/);
    await expect.poll(async () => (await leads.rows().first().boundingBox())!.height).toBeLessThan(tall);
    await page.reload();
    await expect(leads.rows().first()).toBeVisible({ timeout: 90_000 });
    expect((await leads.rows().first().boundingBox())!.height).toBeLessThan(tall);

    // The less-used filters wait behind "More filters"; a link that sets one opens them.
    await expect(page.getByLabel('Cohort')).toBeHidden();
    await page.getByRole('button', { name: /^More filters/ }).click();
    await expect(page.getByLabel('Cohort')).toBeVisible();
    await page.goto('/leads?cohort=2026-03');
    await expect(page.getByLabel('Cohort')).toHaveValue('2026-03');
    await expect(page.getByRole('button', { name: /^More filters \(1\)/ })).toHaveAttribute('aria-expanded', 'true');

    // The Overview: the warnings keep to one line each, the figures stay above the fold.
    await app.open('/');
    await expect(page.getByTestId('figure-leads')).toBeVisible({ timeout: 120_000 });
    expect((await page.getByTestId('figure-leads').boundingBox())!.y).toBeLessThan(height * 0.6);
    for (const banner of [page.getByTestId('storage-warning'), page.getByTestId('policy-coverage')]) {
      if ((await banner.count()) === 0) continue;
      const more = banner.getByRole('button', { name: 'More' });
      if ((await more.count()) === 0) continue;
      const closed = (await banner.boundingBox())!.height;
      await more.click();
      await expect(banner.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');
      expect((await banner.boundingBox())!.height).toBeGreaterThanOrEqual(closed);
    }
    // One storage warning on the screen: the Overview's card states the fact without repeating it.
    await expect(page.getByTestId('figure-storage').getByRole('button')).toHaveCount(0);
  });
}
