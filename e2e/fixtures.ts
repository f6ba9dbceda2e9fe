import { test as base, type BrowserContext } from '@playwright/test';
import { AppShell } from './page-models/app-shell';
import { assertNoSecurityIncidents, guardPage } from './support/security-guard';
import { seededProfile } from './support/seeded-profile';

/**
 * Seeding the demo data costs 23 s to minutes of IndexedDB writes, so most tests share one
 * browser context per worker: a copy of the run's seeded profile (support/seeded-profile.ts,
 * seeded once per run, not once per worker). Tests that need a fresh profile (first start, two
 * tabs) create their own context instead.
 */
export const test = base.extend<{ app: AppShell }, { seeded: BrowserContext }>({
  seeded: [
    // eslint-disable-next-line no-empty-pattern -- a worker fixture that needs no other fixture
    async ({}, use, workerInfo) => {
      const context = await seededProfile(workerInfo);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
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
