import { expect, test } from './fixtures';
import { AppShell } from './page-models/app-shell';

test('first start loads the demo data and the Overview shows real figures', async ({ page }) => {
  const app = new AppShell(page);
  await app.open('/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const leads = page.getByTestId('figure-leads');
  // Every lead stored (the demo landed in the background, a chunk at a time), and the figure counts them all.
  const total = await app.countStore('leads');
  expect(total).toBeGreaterThan(15_000);
  await expect
    .poll(async () => Number((await leads.locator('dd').first().innerText()).replace(/\D/g, '')), { timeout: 30_000 })
    .toBe(total);
  // The engine follows the demo's last chunks (and its scrub record, stored last: a rebuild) a moment after the seed is stored.
  const callableNow = async () =>
    Number((await page.getByTestId('figure-callable').locator('dd').first().innerText()).replace(/\D/g, ''));
  await expect.poll(callableNow, { timeout: 30_000 }).toBeGreaterThan(0);
  const callable = await callableNow();
  expect(callable).toBeLessThan(total);
  await expect(page.getByTestId('queue-dncListed')).toContainText(/[1-9]/);
  await expect(page.getByTestId('queue-retention')).toContainText(/[1-9]/);
  await expect(page.getByTestId('figure-storage')).toContainText(/MB/);
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
  expect(app.errors).toEqual([]);
});

test('every route renders without console errors', async ({ app }) => {
  const page = app.page;
  await app.open('/');
  const routes: [RegExp, RegExp][] = [
    [/^Leads$/, /Leads/],
    [/^Cohorts$/, /Cohorts/],
    [/^Compliance$/, /Compliance/],
    [/^Import$/, /Import/],
    [/^Export$/, /Export/],
    [/^Audit$/, /Audit trail/],
    [/^Settings$/, /Settings/],
    [/^Overview$/, /Overview/],
  ];
  for (const [link, heading] of routes) {
    await app.nav(link).click();
    await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
  }
  await page.goto('/no-such-page');
  await expect(page.getByText('Page not found')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('switching to 中文 changes the interface and survives a reload', async ({ app }) => {
  const page = app.page;
  await app.open('/settings');
  await app.switchLanguage('中文');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(app.nav('概览')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await app.waitForData();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await app.switchLanguage('English');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('a Chinese browser gets the Chinese interface', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // From the first paint, while the demo data is still being seeded: no need to wait for it.
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概览' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await context.close();
});
