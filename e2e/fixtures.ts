import { test as base, type BrowserContext } from '@playwright/test';
import { AppShell } from './page-models/app-shell';
import { useE2eDemoScale } from './support/demo-scale';
import { assertNoSecurityIncidents, guardPage } from './support/security-guard';

/**
 * Seeding the demo data costs several seconds of IndexedDB writes, so most tests share one
 * browser context per worker that was seeded once. Tests that need a fresh profile (first
 * start, two tabs, a different locale) create their own context instead. It stays an
 * incognito context seeded in place rather than a copy of a seeded persistent profile: on this
 * machine a persistent profile opened the grid and Compliance 3-5x slower (decision 022, session 7),
 * and storage-warning's "nearly full" case failed on one (its reported usage moves between reloads).
 */
export const test = base.extend<{ app: AppShell }, { seeded: BrowserContext }>({
  seeded: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ ...workerInfo.project.use, baseURL: workerInfo.project.use.baseURL });
      await useE2eDemoScale(context);
      const page = await context.newPage();
      const app = new AppShell(page);
      await app.open('/');
      await page.getByTestId('figure-leads').waitFor({ timeout: 60_000 });
      await page.close();
      await use(context);
      await context.close();
    },
    { scope: 'worker', timeout: 480_000 },
  ],
  // Every test fails on a Content-Security-Policy violation or a native dialog (e2e/support/security-guard.ts).
  app: async ({ seeded }, use) => {
    const page = await seeded.newPage();
    const guard = await guardPage(page);
    await use(new AppShell(page));
    await page.close();
    assertNoSecurityIncidents(guard);
  },
});

export { expect } from '@playwright/test';
