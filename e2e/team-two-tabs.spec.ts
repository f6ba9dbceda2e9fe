/**
 * Issue 18: one user, two tabs of one replica (one IndexedDB, each tab its own token). Tokens of 15
 * minutes here, so neither is refreshed during the test: a team the user leaves on the server
 * leaves both tabs' replica at their next round, and stays gone whichever tab syncs after, however
 * their rounds interleave (each pulled page says the scope the server read it under; rounds over
 * one replica hold a Web Lock). Before, a tab pulled under its token's teams: a tab signed in again
 * noted the new teams for the replica, the other's older token pulled the left team's leads back,
 * and nothing dropped them again.
 */
import { expect, test, type Page } from '@playwright/test';
import { held, leadWithCalls } from './support/team-leads';
import { readStore } from './support/idb-read';
import { lastSyncedAt, openAs, syncUntil } from './support/team-browser';
import { startTeamServer, type TeamServer } from './support/team-server';

let server: TeamServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTeamServer({ tokenTtlSec: 900 });
});
test.afterAll(async () => {
  await server?.stop();
});

/** A round of this tab, finished: Sync now, until the replica's last sync is later than before. */
async function oneRound(page: Page): Promise<void> {
  const before = await lastSyncedAt(page);
  await syncUntil(page, async () => (await lastSyncedAt(page)) > before);
}

/** The teams the replica's cursor was pulled under, as noted in its sync state. */
const notedTeams = async (page: Page) =>
  (await readStore<{ key: string; value?: { teamIds?: string[] } }>(page, 'syncState')).find((r) => r.key === 'scope')
    ?.value?.teamIds;

test('a team the user leaves leaves both tabs of the replica, and does not come back from either', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const [team1, team2] = server.teams as [string, string];
  const kept = '+12133734491';
  const left = '+12133734492';
  await server.pushAsSteward([
    ...leadWithCalls('lead-e2e-tabs-kept', kept, 'Team One Lead', team1, 1),
    ...leadWithCalls('lead-e2e-tabs-left', left, 'Team Two Lead', team2, 2),
  ]);
  const email = await server.addUser('agent', [team1, team2]);
  const signedIn = await openAs(server, browser, baseURL!, email);
  const tabA = signedIn.page;
  await syncUntil(tabA, async () => (await held(tabA, left)).calls === 2);

  // A second tab opened from the first: the same replica, and a copy of the first tab's session
  // (sessionStorage is copied to a tab its opener opens).
  const opening = signedIn.context.waitForEvent('page');
  await tabA.evaluate(() => window.open('/leads', '_blank'));
  const tabB = await opening;
  await tabB.waitForLoadState();
  await expect(tabB.getByTestId('sync-status').getByRole('button', { name: 'Sync now' })).toBeVisible();
  await oneRound(tabB);
  expect(await held(tabB, left)).toEqual({ lead: 'Team Two Lead', calls: 2 });

  await test.step('left team 2 on the server: the next round of either tab drops its lead, with no new token', async () => {
    await server.setTeams(email, [team1]);
    await syncUntil(tabB, async () => (await held(tabB, left)).lead === null);
    expect(await notedTeams(tabB)).toEqual([team1]);
    expect(await held(tabB, kept)).toEqual({ lead: 'Team One Lead', calls: 1 });
  });

  await test.step('rounds of both tabs, in turn and at once: the left team stays gone, the kept lead held once', async () => {
    await oneRound(tabA);
    await oneRound(tabB);
    const syncNow = (page: Page) => page.getByTestId('sync-status').getByRole('button', { name: 'Sync now' }).click();
    await Promise.all([syncNow(tabA), syncNow(tabB)]);
    await oneRound(tabA);
    for (const tab of [tabA, tabB]) {
      expect(await held(tab, left)).toEqual({ lead: null, calls: 0 });
      expect(await held(tab, kept)).toEqual({ lead: 'Team One Lead', calls: 1 });
    }
    const leads = await readStore<{ phoneE164: string }>(tabA, 'leads');
    expect(leads.filter((l) => l.phoneE164 === kept)).toHaveLength(1);
    expect(await notedTeams(tabA)).toEqual([team1]);
    await expect(tabA.getByTestId('sync-pending')).toHaveText(/^0 /);
  });

  await test.step('back in team 2: its lead returns with both calls', async () => {
    await server.setTeams(email, [team1, team2]);
    await syncUntil(tabA, async () => (await held(tabA, left)).calls === 2);
    expect(await held(tabB, left)).toEqual({ lead: 'Team Two Lead', calls: 2 });
  });
  await signedIn.context.close();
});
