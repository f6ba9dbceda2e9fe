import { test as base, type BrowserContext } from '@playwright/test';
import { AppShell } from './page-models/app-shell';
import { assertNoSecurityIncidents, guardPage } from './support/security-guard';

/**
 * Seeding the demo data costs several seconds of IndexedDB writes, so most tests share one
 * browser context per worker that was seeded once. Tests that need a fresh profile (first
 * start, two tabs, a different locale) create their own context instead. This one stays an
 * incognito context seeded in place, not a copy of support/seeded-profile.ts: on a persistent
 * profile the usage Chromium reports moves between reloads (files on disk), which storage-warning
 * reads against a quota it sets from the usage a moment earlier.
 */
export const test = base.extend<{ app: AppShell }, { seeded: BrowserContext }>({
  seeded: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ ...workerInfo.project.use, baseURL: workerInfo.project.use.baseURL });
      const page = await context.newPage();
      const app = new AppShell(page);
      await app.open('/');
      await page.getByTestId('figure-leads').waitFor({ timeout: 240_000 });
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
