import { expect, test } from '@playwright/test';
import { AppShell } from './page-models/app-shell';
import { useE2eDemoScale } from './support/demo-scale';

/**
 * A tab left open while a newer version is deployed asks for its workers' old hashed files, which
 * the server no longer has. Comlink alone would wait forever for such a worker: the screen would
 * hang with no word of why. Here the bulk-edit worker's file answers 404 (the Leads screen starts
 * that worker once its grid has answered, for its Undo button): the tab must say what happened and
 * offer a reload, the rest of the screen keep working, and the reload bring the worker back.
 * Service workers are blocked so that the request reaches the network (a service worker's cache
 * would answer it, unseen by the route).
 */
test.use({ serviceWorkers: 'block' });

const BULK_EDIT_WORKER = /\/assets\/bulk-edit\.worker-[\w-]+\.js$/;

test('a worker whose file is gone shows the reload banner instead of hanging, and a reload brings it back', async ({
  context,
}) => {
  test.setTimeout(240_000);
  await useE2eDemoScale(context);
  const page = await context.newPage();
  const app = new AppShell(page);
  await page.route(BULK_EDIT_WORKER, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  const refused = page.waitForResponse((r) => BULK_EDIT_WORKER.test(r.url()) && r.status() === 404);
  await app.open('/leads');
  await refused;

  const banner = page.getByTestId('outdated-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toHaveAttribute('data-reason', 'worker');
  await expect(banner).toContainText(
    'Part of LeadLedger could not be loaded, most likely because a newer version was installed while this tab was open. Reload to continue: nothing you saved is lost.',
  );
  // One banner, whatever else failed with it.
  await expect(page.getByTestId('outdated-banner')).toHaveCount(1);
  // The grid's own worker is not affected: the leads are there.
  await app.waitForData();
  await expect(page.getByRole('grid')).toBeVisible();
  await page.screenshot({ path: `${test.info().outputDir}/worker-failed-banner.png` });

  // The new version's file is there again (as after a reload the tab asks for the new build's files).
  await page.unroute(BULK_EDIT_WORKER);
  const loaded = page.waitForResponse((r) => BULK_EDIT_WORKER.test(r.url()) && r.status() === 200);
  await banner.getByRole('button', { name: 'Reload' }).click();
  await loaded;
  await app.waitForData();
  await expect(page.getByTestId('outdated-banner')).toHaveCount(0);
});

test('in Chinese, the banner says the same', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  await useE2eDemoScale(context);
  const page = await context.newPage();
  await page.route(BULK_EDIT_WORKER, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/leads');
  const banner = page.getByTestId('outdated-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText('LeadLedger 的部分组件无法加载');
  await expect(banner.getByRole('button', { name: '重新加载' })).toBeVisible();
  await context.close();
});

test("the app's own code gone: the page says so and asks for a reload, instead of staying blank", async ({
  context,
}) => {
  await useE2eDemoScale(context);
  const page = await context.newPage();
  // The app after the engine's start is a chunk of its own (main.tsx): here its file answers 404.
  const APP_CHUNK = /\/assets\/start-app-[\w-]+\.js$/;
  await page.route(APP_CHUNK, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/leads');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('LeadLedger could not start. Reload the page: nothing you saved is lost.');
  // Its Reload, once the file is back, brings the app.
  await page.unroute(APP_CHUNK);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('LeadLedger could not start.')).toHaveCount(0);
});

test("the grid engine's worker gone before the screen is up: the banner still says so when the shell appears", async ({
  context,
}) => {
  await useE2eDemoScale(context);
  const page = await context.newPage();
  // The engine's worker starts before the app's own code is fetched (main.tsx), so it can fail
  // before the shell is there to hear it: the shell reads what failed when it mounts.
  const GRID_WORKER = /\/assets\/grid\.worker-[\w-]+\.js$/;
  await page.route(GRID_WORKER, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/leads');
  const banner = page.getByTestId('outdated-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toHaveAttribute('data-reason', 'worker');
  await page.unroute(GRID_WORKER);
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('grid-count')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('outdated-banner')).toHaveCount(0);
});
