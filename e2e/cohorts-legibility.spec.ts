import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { CohortsPage } from './page-models/cohorts-page';
import { LeadsPage } from './page-models/leads-page';

/** Issue 17, items 9–11: legible charts, every cohort in the table, keyboard drill-down, a triangle that fits. */

/** Okabe–Ito (less its yellow) and the grey of "other": the only colours a series may have. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000', '#808080'];
const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

async function yTicks(page: CohortsPage['page'], root = 'cohort-chart'): Promise<number[]> {
  // The chart draws once its container is measured: wait for its axis before reading it.
  const ticks = page
    .getByTestId(root)
    .first()
    .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.nth(1)).toBeVisible({ timeout: 30_000 });
  const texts = await ticks.allTextContents();
  return texts.map((t) => Number(t.replace(/[^\d.]/g, '')));
}

test('item 9: a colour-blind-safe palette, top series plus "other", small multiples, even y-ticks', async ({ app }) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?grain=month&split=source&chart=bar');
  await cohorts.waitForFigures();

  // Ten sources: six are named, the other four are added up as one grey "Other" that the chart names.
  const legend = page.locator('[data-testid="cohort-chart"] .recharts-legend-item-text');
  await expect(legend).toHaveCount(7);
  await expect(legend.last()).toHaveText('Other');
  await expect(page.getByTestId('chart-other')).toContainText('4 smaller series');
  await expect(page.getByTestId('chart-other')).toContainText('Legacy CRM migration');
  const fills = await page
    .locator('[data-testid="cohort-chart"] rect[data-mark]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('fill')!).filter((f) => !f.startsWith('url(')))]);
  expect(fills.length).toBeGreaterThanOrEqual(5);
  for (const f of fills) expect(PALETTE).toContain(f);

  // Even ticks from 0: every step the same.
  const ticks = await yTicks(page);
  expect(ticks[0]).toBe(0);
  const step = ticks[1]! - ticks[0]!;
  expect(step).toBeGreaterThan(0);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 5);

  // Small multiples: one panel per source on the same scale, colour by the same rank.
  await page.getByRole('button', { name: 'Small multiples' }).click();
  await expect(page).toHaveURL(/layout=multiples/);
  await expect(page.getByTestId('small-multiple')).toHaveCount(10);
  await expect(page.getByTestId('small-multiple').first().getByRole('heading')).toHaveText('Website forms');
  // Every panel on one even scale from 0 (the panels hold all sources, the combined chart groups the small ones as "Other").
  const panelTicks = await yTicks(page, 'small-multiple');
  expect(panelTicks[0]).toBe(0);
  for (let i = 2; i < panelTicks.length; i++)
    expect(panelTicks[i]! - panelTicks[i - 1]!).toBeCloseTo(panelTicks[1]! - panelTicks[0]!, 5);
  await page.getByRole('button', { name: 'One chart' }).click();
  await expect(page).toHaveURL(/layout=combined/);
  expect(app.errors).toEqual([]);
});

test('item 9: the time axis keeps its gaps, and the Lines view breaks there instead of dropping to 0', async ({
  app,
}) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?grain=quarter&split=none&chart=line');
  await cohorts.waitForFigures();
  // From the first cohort: the whole history on one page (legacy leads years before the rest).
  const from = page.getByLabel('From');
  const firstKey = await from.locator('option').nth(1).getAttribute('value');
  await from.selectOption(firstKey!);
  await expect(page).toHaveURL(new RegExp(`from=${firstKey}`));
  await expect(page.getByTestId('chart-range')).toContainText('Showing all');
  const periods = number((await page.getByTestId('chart-range').innerText()).match(/all (\d+) periods/)![1]!);
  await expect(page.getByTestId('chart-gaps')).toContainText(/\d+ periods? without leads/);
  const gaps = number((await page.getByTestId('chart-gaps').innerText()).match(/^(\d+)/)![1]!);
  expect(gaps).toBeGreaterThan(0);

  // A dot for each period with figures, none for a gap; the line is cut in pieces (several "M"s), not drawn to 0.
  const dots = page.locator('[data-testid="cohort-chart"] circle[data-mark]');
  await expect(dots).toHaveCount(periods - gaps);
  const d = await page.locator('[data-testid="cohort-chart"] .recharts-line-curve').first().getAttribute('d');
  expect((d!.match(/M/g) ?? []).length).toBeGreaterThan(1);

  // The table lists exactly the periods with leads (gaps are only on the axis).
  await cohorts.tab('Table').click();
  expect((await cohorts.tableRows()).length).toBe(periods - gaps);
  expect(app.errors).toEqual([]);
});

test('item 10: the table and its CSV hold every cohort, sort by any column (in the URL), and name what they count; the chart pages', async ({
  app,
}) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?view=table&grain=month&split=none&metric=connectRate');
  await cohorts.waitForFigures();
  const cohortsWithLeads = (await page.getByLabel('From').locator('option').count()) - 1;
  expect(cohortsWithLeads).toBeGreaterThan(12);
  const rows = await cohorts.tableRows();
  // Every month with leads has contacted leads except possibly the newest one.
  expect(rows.length).toBeGreaterThanOrEqual(cohortsWithLeads - 1);
  expect(rows.length).toBeGreaterThan(12);
  const header = await cohorts.tableHeader();
  expect(header.join('|')).toMatch(/Connected.*\|Contacted/);
  expect(header.join('|')).not.toMatch(/Numerator|Denominator/);
  const csv = Papa.parse<string[]>(await cohorts.exportCsv(), { skipEmptyLines: true }).data;
  expect(csv.length - 1).toBe(rows.length);
  expect(csv.slice(1)).toEqual(rows);

  // Sort by Leads, ascending then descending; the order survives a reload (it is in the URL).
  const leadsCol = header.findIndex((h) => h.startsWith('Leads'));
  await page.getByRole('button', { name: /^Leads/ }).click();
  await expect(page).toHaveURL(/sort=leads/);
  await expect(page).toHaveURL(/dir=asc/);
  const asc = (await cohorts.tableRows()).map((r) => number(r[leadsCol]!));
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await page.getByRole('button', { name: /^Leads/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await page.reload();
  await cohorts.waitForFigures();
  await expect(page.getByRole('columnheader', { name: /Leads/ }).first()).toHaveAttribute('aria-sort', 'descending');
  const desc = (await cohorts.tableRows()).map((r) => number(r[leadsCol]!));
  expect(desc).toEqual([...asc].sort((a, b) => b - a));
  // Sort by the rate: the CSV writes the rows as sorted.
  await page.getByRole('button', { name: /^Connect rate/ }).click();
  await expect(page).toHaveURL(/sort=value/);
  const byRate = await cohorts.tableRows();
  const csvSorted = Papa.parse<string[]>(await cohorts.exportCsv(), { skipEmptyLines: true }).data;
  expect(csvSorted.slice(1)).toEqual(byRate);

  // The chart says which periods it shows of how many, and pages to older ones (page in the URL).
  await cohorts.tab('Chart').click();
  const range = page.getByTestId('chart-range');
  await expect(range).toContainText(/periods \d+–\d+ of \d+/);
  const newest = await range.innerText();
  const newestLabels = await page
    .getByTestId('cohort-chart')
    .locator('.recharts-xAxis .recharts-cartesian-axis-tick-value')
    .allTextContents();
  await expect(page.getByRole('button', { name: 'Newer ▶' })).toBeDisabled();
  await page.getByRole('button', { name: '◀ Older' }).click();
  await expect(page).toHaveURL(/page=1/);
  await expect(range).not.toHaveText(newest);
  const olderLabels = await page
    .getByTestId('cohort-chart')
    .locator('.recharts-xAxis .recharts-cartesian-axis-tick-value')
    .allTextContents();
  expect(olderLabels.filter((l) => newestLabels.includes(l))).toEqual([]);
  await page.getByRole('button', { name: 'Newer ▶' }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(range).toHaveText(newest);
  expect(app.errors).toEqual([]);
});

test('item 11: a bar is reached and drilled into by keyboard, as a click does', async ({ app }) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?grain=month&split=source&chart=bar&metric=connectRate');
  await cohorts.waitForFigures();
  // One tab stop into the chart: Tab from the button before it lands on a bar.
  const marks = page.locator('[data-testid="cohort-chart"] [data-mark]');
  await expect(page.locator('[data-testid="cohort-chart"] [data-mark][tabindex="0"]')).toHaveCount(1);
  await page.getByRole('button', { name: '◀ Older' }).focus();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-mark'));
  expect(first).toMatch(/^0:s0$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-mark'));
  expect(focused).toBe('2:s0');
  await expect(marks.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-mark'))).toBe('2:s1');
  await expect(page.getByTestId('chart-focused')).toContainText(/Enter opens these [\d,]+ leads/);
  // Still one tab stop, now on the focused bar; it names its period, series, metric, figure and count.
  await expect(page.locator('[data-testid="cohort-chart"] [data-mark][tabindex="0"]')).toHaveAttribute(
    'data-mark',
    '2:s1',
  );
  const label = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))!;
  expect(label).toMatch(/^\w{3} \d{4} · .+: Connect rate [\d.]+% \([\d,]+ of [\d,]+\)\. Opens [\d,]+ leads\.$/);
  await page.screenshot({ path: `${test.info().outputDir}/chart-focused-bar.png` });
  const count = number(label.match(/Opens ([\d,]+) leads/)![1]!);
  expect(count).toBeGreaterThan(0);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/leads\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('cohort')).toMatch(/^\d{4}-\d{2}$/);
  expect(JSON.parse(url.searchParams.get('source')!)).toHaveLength(1);
  expect(url.searchParams.get('contacted')).toBe('yes');
  await expect.poll(() => new LeadsPage(page).countValue(), { timeout: 60_000 }).toBe(count);
  expect(app.errors).toEqual([]);
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`item 11: the triangle fits its width at ${size.width}×${size.height}, and scrolls only when all weeks are asked for`, async ({
    app,
  }) => {
    const page = app.page;
    await page.setViewportSize(size);
    const cohorts = new CohortsPage(page);
    await app.open('/cohorts?view=triangle&grain=month&split=none');
    await cohorts.waitForFigures();
    const scroller = page.getByTestId('triangle-scroller');
    await expect(page.getByTestId('cohort-triangle').locator('tbody tr').first()).toBeVisible();
    const overflow = () => scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const note = page.getByTestId('triangle-width');
    if (size.width === 1366) {
      await expect(note).toContainText(/Weeks 1–\d+ of 26 shown, to fit the width/);
      await page.getByRole('button', { name: 'Show all 26 weeks' }).click();
      await expect(page).toHaveURL(/weeks=all/);
      await expect(page.getByRole('columnheader', { name: 'Wk 26' })).toBeAttached();
      await expect(note).toContainText('scroll sideways');
      await expect.poll(overflow).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Fit to width' }).click();
      await expect.poll(overflow).toBeLessThanOrEqual(0);
    } else {
      await expect(page.getByRole('columnheader', { name: 'Wk 26' })).toBeVisible();
    }
    await page.screenshot({ path: `${test.info().outputDir}/triangle-${size.width}.png`, fullPage: true });
    expect(app.errors).toEqual([]);
  });
}
