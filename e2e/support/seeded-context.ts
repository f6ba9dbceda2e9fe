import { expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

/**
 * A fresh browser profile with the demo data seeded, waited for as long as seeding takes on a
 * busy machine (the shared fixture allows 90 s). For tests that need their own locale or change
 * the language back and forth.
 */
export async function seededContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto('/');
  // The demo lands in the background (the app is usable meanwhile): wait until all of it is stored.
  await expect(page.locator('main[data-seed="ready"]')).toBeAttached({ timeout: 420_000 });
  await expect(page.getByTestId('figure-leads')).toBeVisible({ timeout: 60_000 });
  await page.close();
  return context;
}
