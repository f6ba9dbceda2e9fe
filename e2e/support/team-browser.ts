/** A browser context signed in to a team server (e2e/support/team-server.ts), and the sidebar's "Sync now" until something holds. */
import { expect, type Browser, type Page } from '@playwright/test';
import { readStore } from './idb-read';
import { TEAM_PASSWORD, TEAM_PATH, type TeamServer } from './team-server';

/** A new context on a small demo, its team calls routed to `server`, signed in as `email` in Settings. */
export async function openAs(server: TeamServer, browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(() => {
    try {
      if (localStorage.getItem('leadledger:demo-scale') === null) localStorage.setItem('leadledger:demo-scale', '0.05');
    } catch {
      // about:blank has no storage
    }
  });
  const link = await server.connect(context);
  const page = await context.newPage();
  await page.goto('/settings');
  // Signing in waits for the first start's demo (the app shows at once; the demo lands beneath it).
  await expect(page.locator('main[data-seed="ready"]')).toBeAttached({ timeout: 240_000 });
  await expect(page.locator('main h1').first()).toBeVisible();
  const form = page.getByRole('form', { name: 'Sign in to the team server' });
  await expect(form).toContainText('Team mode is off');
  await form.getByLabel('Server address').fill(`${baseURL}${TEAM_PATH}`);
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(TEAM_PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('team-signed-in')).toContainText(`Signed in as ${email}`);
  return { context, page, link };
}

/** Sync (the sidebar's button) until `check` holds: a round already running when a change lands may have pulled before it. */
export async function syncUntil(page: Page, check: () => Promise<boolean>) {
  // A lead's drawer is modal: close it so the sidebar can be used.
  if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect
    .poll(
      async () => {
        await page.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
        return check();
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
}

/** When this replica last finished a sync round (0: never), from its sync state in IndexedDB. */
export const lastSyncedAt = async (page: Page) =>
  (await readStore<{ key: string; value?: { lastSyncedAt?: number } }>(page, 'syncState')).find(
    (r) => r.key === 'status',
  )?.value?.lastSyncedAt ?? 0;
