import { expect, test } from './fixtures';
import { AppShell } from './page-models/app-shell';

// A visit to the worker's shared seeded profile (./fixtures) is "one visit"; a first start is not needed here.
test('after one visit the app loads with the network off', async ({ app, seeded }) => {
  const page = app.page;
  const context = seeded;
  await app.open('/');
  await expect(page.getByTestId('figure-leads')).toContainText(/[1-9]/);
  // Wait until the service worker has installed and precached the app shell.
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    return reg.active?.state;
  });
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByTestId('figure-leads')).toContainText(/[1-9]/, { timeout: 30_000 });
    await app.nav(/^Settings$/).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

test('two tabs opening at once seed the demo data exactly once', async ({ context }) => {
  test.setTimeout(300_000);
  const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([a.goto('/'), b.goto('/')]);
  const appA = new AppShell(a);
  const appB = new AppShell(b);
  await Promise.all([appA.waitForData(), appB.waitForData()]);
  // Each tab's engine builds its index from the new data at once (one engine per tab, not yet one
  // per origin): on a loaded 2-core machine that took 35 s here, so the figures get time.
  await expect(a.getByTestId('figure-leads')).toContainText(/[1-9]/, { timeout: 120_000 });
  await expect(b.getByTestId('figure-leads')).toContainText(/[1-9]/, { timeout: 120_000 });
  const leads = await appA.countStore('leads');
  expect(leads).toBeGreaterThan(15_000);
  expect(leads).toBeLessThan(25_000);
  await a.goto('/audit?action=seed');
  await expect(a.getByTestId('audit-row')).toHaveCount(1);
  await b.reload();
  await appB.waitForData();
  expect(await appB.countStore('leads')).toBe(leads);
});
