/**
 * Issue 18: a token near its end is exchanged for a new one before the next request, so a long
 * sync (a first sync of a large organisation outlasts a token) never stops for a sign-in. The
 * server here issues tokens of 4 minutes, less than the 5 minutes before their end at which the
 * app refreshes: every round exchanges its token, and keeps syncing with the new one.
 */
import { expect, test } from '@playwright/test';
import { lastSyncedAt, openAs, syncUntil } from './support/team-browser';
import { startTeamServer, type TeamServer } from './support/team-server';

let server: TeamServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTeamServer({ tokenTtlSec: 240 });
});
test.afterAll(async () => {
  await server?.stop();
});

const SESSION_KEY = 'leadledger.team-session';

test('a token near its end is exchanged for a new one and the sync goes on with it', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const agent = await server.addUser('agent', [server.teams[0]!]);
  const { context, page } = await openAs(server, browser, baseURL!, agent);
  const session = async () =>
    JSON.parse((await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)) ?? 'null') as {
      token: string;
      expiresAt: number;
    } | null;
  const signedIn = (await session())!;
  expect(signedIn.expiresAt - Date.now()).toBeLessThan(5 * 60_000);

  const refreshes: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('/auth/refresh')) refreshes.push(response.status());
  });
  await syncUntil(page, async () => refreshes.includes(200) && (await lastSyncedAt(page)) > 0);

  // The session now runs the server's full term from the exchange, not from the sign-in. (The token
  // itself may read the same: one signed in the same second as the sign-in's carries the same claims.)
  const after = (await session())!;
  expect(after.expiresAt).toBeGreaterThan(signedIn.expiresAt);
  expect(refreshes.every((status) => status === 200)).toBe(true);
  // Still signed in, with no error: the sidebar says so, and Settings too.
  const status = page.getByTestId('sync-status');
  await expect(status).not.toContainText(/expired|sign in/i);
  await expect(page.getByTestId('team-signed-in')).toContainText(`Signed in as ${agent}`);
  await page.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/team-token-refreshed.png` });

  // And the next round goes on with the new token.
  const before = await lastSyncedAt(page);
  await syncUntil(page, async () => (await lastSyncedAt(page)) > before);
  await context.close();
});

test('a password set again on the server ends the session: the app asks to sign in, and the new password syncs again', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const agent = await server.addUser('agent', [server.teams[0]!]);
  const { context, page } = await openAs(server, browser, baseURL!, agent);
  await syncUntil(page, async () => (await lastSyncedAt(page)) > 0);
  const status = page.getByTestId('sync-status');
  await expect(status).not.toContainText(/ended|sign in/i);

  // A steward sets the agent's password again (a laptop lost): the session this tab holds ends at
  // its next request, though its token has minutes left.
  await server.setPassword(agent, 'a brand new passphrase');
  // The app's own next round may meet the ended session first, and disable "Sync now": either way
  // the sidebar says so.
  const syncNow = status.getByRole('button', { name: 'Sync now' });
  if (await syncNow.isEnabled()) await syncNow.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(status).toContainText('Session ended: sign in again in Settings.');
  await page.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/team-session-ended.png` });

  // Signing in again with the new password: syncing goes on.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Sign in to the team server' });
  await expect(form).toBeVisible();
  await form.getByLabel('E-mail').fill(agent);
  await form.getByLabel('Password').fill('a brand new passphrase');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('team-signed-in')).toContainText(`Signed in as ${agent}`);
  const before = await lastSyncedAt(page);
  await syncUntil(page, async () => (await lastSyncedAt(page)) > before);
  await expect(status).not.toContainText(/ended|sign in/i);
  await context.close();
});
