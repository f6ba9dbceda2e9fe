import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { CohortsPage } from './page-models/cohorts-page';

test('screens render (screenshots)', async ({ app }) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts');
  await cohorts.waitForFigures();
  await page.screenshot({ path: 'test-results-h3/cohorts-chart.png', fullPage: true });
  for (const v of ['Table', 'Triangle', 'Source scorecard', 'Campaigns']) {
    await cohorts.tab(v).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `test-results-h3/cohorts-${v.replace(/ /g, '-').toLowerCase()}.png`, fullPage: true });
  }
  await page.goto('/cohorts?grain=week&split=source&chart=line');
  await cohorts.waitForFigures();
  await page.screenshot({ path: 'test-results-h3/cohorts-line.png', fullPage: true });
  expect(Papa).toBeTruthy();
  expect(app.errors).toEqual([]);
});
