import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { CohortsPage } from './page-models/cohorts-page';
import { LeadsPage } from './page-models/leads-page';

const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('weekly by source: a bar’s tooltip, its CSV against the table view, and a click into the leads behind it', async ({
  app,
}) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts');
  await cohorts.waitForFigures();
  await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeVisible();

  await cohorts.choose('Period', 'week');
  await cohorts.choose('Split by', 'source');
  await expect(page).toHaveURL(/grain=week/);
  await expect(page).toHaveURL(/split=source/);
  await expect(cohorts.axisLabel(/^W\d+ \d{4}$/)).toBeVisible();

  // The series with most leads is drawn first (s0); hover one of its older (complete, large) weeks.
  // Its bars by their marks: a week without a figure has no bar (recharts still leaves it an empty group).
  const bars = page.locator('[data-testid="cohort-chart"] rect[data-mark$=":s0"]');
  await expect(bars.first()).toBeVisible();
  const count = await bars.count();
  expect(count).toBeGreaterThan(5);
  const bar = bars.nth(count - 4);
  await bar.hover();
  const tip = cohorts.tooltip();
  await expect(tip).toBeVisible();
  const cohortLabel = (await tip.locator('div').first().innerText()).trim();
  expect(cohortLabel).toMatch(/^W\d+ \d{4}$/);
  const series = await tip.getByTestId('tooltip-series').innerText();
  const ratio = await tip.getByTestId('tooltip-ratio').innerText();
  const [, numerator, denominator] = ratio.match(/^([\d,]+) of ([\d,]+)$/) ?? [];
  expect(number(denominator!)).toBeGreaterThan(0);
  expect(number(numerator!)).toBeLessThanOrEqual(number(denominator!));
  const rate = await tip.getByTestId('tooltip-value').innerText();
  const interval = await tip.getByTestId('tooltip-interval').innerText();
  const [, low, high] = interval.match(/^95% interval ([\d.]+)% – ([\d.]+)%$/) ?? [];
  expect(Number(low)).toBeLessThanOrEqual(Number(rate.replace('%', '')));
  expect(Number(high)).toBeGreaterThanOrEqual(Number(rate.replace('%', '')));
  await page.screenshot({ path: 'test-results-h3/cohorts-week-tooltip.png' });

  // The chart's CSV is exactly the table view.
  const csv = Papa.parse<string[]>(await cohorts.exportCsv(), { skipEmptyLines: true }).data;
  await cohorts.tab('Table').click();
  expect(csv[0]).toEqual(await cohorts.tableHeader());
  const rows = await cohorts.tableRows();
  expect(csv.slice(1)).toEqual(rows);
  // The hovered bar is a row of the table with the same figures.
  expect(rows).toContainEqual(expect.arrayContaining([cohortLabel, series, numerator, denominator, rate]));
  await page.screenshot({ path: 'test-results-h3/cohorts-week-table.png' });

  // Clicking the bar opens the grid on exactly its denominator: that week, that source, contacted.
  // (The bar is not remounted when the click's mousedown focuses it: it stays the element clicked.)
  await cohorts.tab('Chart').click();
  await bars.nth(count - 4).click();
  await expect(page).toHaveURL(/\/leads\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('cohort')).toMatch(/^\d{4}-W\d{2}$/);
  expect(JSON.parse(url.searchParams.get('source')!)).toHaveLength(1);
  expect(url.searchParams.get('contacted')).toBe('yes');
  const grid = new LeadsPage(page);
  await expect.poll(() => grid.countValue(), { timeout: 60_000 }).toBe(number(denominator!));
  expect(app.errors).toEqual([]);
});

test('a longer conversion window marks more young cohorts; every view renders', async ({ app }) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?grain=week&split=none&metric=conversionWithinRate&n=7&view=table');
  await cohorts.waitForFigures();
  const young = async () => (await cohorts.tableRows()).filter((r) => r[r.length - 1]!.includes('window open')).length;
  await expect.poll(young).toBeGreaterThan(0);
  const short = await young();
  await page.getByLabel('Conversion window N (days)').fill('60');
  await expect(page).toHaveURL(/n=60/);
  await expect.poll(young).toBeGreaterThan(short);
  await cohorts.tab('Chart').click();
  await expect(page.locator('[data-testid="cohort-chart"] [fill^="url(#hatch"]').first()).toBeAttached();
  await expect(page.getByTestId('legend-young')).toContainText('60-day window');
  await page.screenshot({ path: 'test-results-h3/cohorts-young.png', fullPage: true });

  await cohorts.tab('Triangle').click();
  await expect(page.getByTestId('cohort-triangle').locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: 'test-results-h3/cohorts-triangle.png', fullPage: true });
  await cohorts.tab('Source scorecard').click();
  await expect(page.getByTestId('source-scorecard').locator('tbody tr')).not.toHaveCount(0);
  await cohorts.choose('Period', 'quarter');
  await expect(page).toHaveURL(/grain=quarter/);
  await page.screenshot({ path: 'test-results-h3/cohorts-scorecard.png', fullPage: true });
  await cohorts.tab('Campaigns').click();
  const campaigns = page.getByTestId('campaigns-table');
  await expect(campaigns.getByRole('row', { name: /Expo follow-up/ })).toBeVisible();
  await expect(campaigns.getByRole('link', { name: /matched by window/ })).toBeVisible();
  await page.screenshot({ path: 'test-results-h3/cohorts-campaigns.png', fullPage: true });
  expect(app.errors).toEqual([]);
});

test('in 中文 the controls, the chart’s labels and its dates are Chinese', async ({ app }) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?grain=month&split=source&chart=bar');
  await cohorts.waitForFigures();
  await app.switchLanguage('中文');
  try {
    await expect(page.getByRole('heading', { level: 1, name: '同期群' })).toBeVisible();
    await expect(cohorts.tab('图表')).toBeVisible();
    await expect(page.getByLabel('拆分维度')).toBeVisible();
    await expect(cohorts.axisLabel(/^\d{4}年\d{1,2}月$/)).toBeVisible();
    await expect(page.locator('.recharts-legend-item-text').first()).toBeVisible();
    const bars = page.locator('[data-testid="cohort-chart"] rect[data-mark$=":s0"]');
    await expect(bars.first()).toBeVisible();
    await bars.nth((await bars.count()) - 3).hover();
    await expect(cohorts.tooltip().getByTestId('tooltip-ratio')).toContainText(/^[\d,]+ 中的 [\d,]+$/);
    await expect(cohorts.tooltip().getByTestId('tooltip-interval')).toContainText('95% 区间');
    await page.screenshot({ path: 'test-results-h3/cohorts-zh.png', fullPage: true });
    await cohorts.choose('时段', 'week');
    await expect(cohorts.axisLabel(/^\d{4}年第\d+周$/)).toBeVisible();
    await cohorts.tab('表格').click();
    await expect(page.getByRole('columnheader', { name: '已联系' })).toBeVisible();
  } finally {
    await app.switchLanguage('English');
  }
  expect(app.errors).toEqual([]);
});

test('the figures follow the data: a bulk edit in another tab moves leads into a campaign, and back on undo', async ({
  app,
}) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?view=campaigns');
  const explicit = () =>
    page
      .getByTestId('campaigns-table')
      .getByRole('row', { name: /Spring outbound/ })
      .locator('td')
      .nth(2);
  await expect(explicit()).toHaveText(/^[\d,]+$/, { timeout: 60_000 });
  const before = number(await explicit().innerText());

  const other = await page.context().newPage();
  try {
    const grid = new LeadsPage(other);
    await other.goto(`/leads?source=${encodeURIComponent('["referrals"]')}&campaign=${encodeURIComponent('[""]')}`);
    const moved = await grid.countValue();
    expect(moved).toBeGreaterThan(0);
    await grid.selectAllMatching();
    await other.getByRole('button', { name: 'Bulk edit…' }).click();
    const dialog = other.getByRole('dialog');
    await dialog.getByLabel('Operation').selectOption({ label: 'Set campaign' });
    await dialog.getByRole('combobox').nth(1).selectOption({ label: 'Spring outbound' });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('button', { name: /Apply to/ }).click();
    await expect(dialog).toBeHidden();

    // The first tab was not reloaded: its worker heard of the change and rebuilt its snapshot.
    await expect.poll(async () => number(await explicit().innerText()), { timeout: 30_000 }).toBe(before + moved);
    await other.getByRole('button', { name: /Undo/ }).click();
    await expect.poll(async () => number(await explicit().innerText()), { timeout: 30_000 }).toBe(before);
  } finally {
    await other.close();
  }
  await cohorts.tab('Chart').click();
  expect(app.errors).toEqual([]);
});
