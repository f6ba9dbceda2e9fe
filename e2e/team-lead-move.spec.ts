/**
 * Issue 18: a lead moved to another team on the server leaves the replicas of the team it left
 * (checked in their IndexedDB and on their grid) and reaches the new team's with its earlier
 * calls, which the stream had sent before their cursors; a user added to a team gets its leads
 * with their history, and a user who leaves it drops them. Tokens of 4 minutes here: every round
 * refreshes its token, so a change of the user's teams reaches the device at the next round.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { held, leadWithCalls, stamp } from './support/team-leads';
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

const LEAD = 'lead-e2e-moved';
const PHONE = '+12133734481';
test('a lead moved to another team leaves the old team’s replica and reaches the new team’s with its calls', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const [team1, team2] = server.teams as [string, string];
  const pushed = await server.pushAsSteward(leadWithCalls(LEAD, PHONE, 'Moving Lead', team1, 2));
  expect(pushed.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

  const agent1 = await openAs(server, browser, baseURL!, await server.addUser('agent', [team1]));
  const agent2 = await openAs(server, browser, baseURL!, await server.addUser('agent', [team2]));

  await test.step('team 1 holds the lead and its two calls; team 2 nothing of it', async () => {
    await syncUntil(agent1.page, async () => (await held(agent1.page, PHONE)).calls === 2);
    await syncUntil(agent2.page, async () => (await lastSyncedAt(agent2.page)) > 0);
    expect(await held(agent2.page, PHONE)).toEqual({ lead: null, calls: 0 });
  });

  await test.step('moved to team 2 on the server: team 1’s replica drops it, team 2’s gets it with its calls', async () => {
    const moved = await server.pushAsSteward([
      {
        id: randomUUID(),
        type: 'lead.put',
        leadId: LEAD,
        phoneE164: PHONE,
        fields: { teamId: { value: team2, hlc: stamp(Date.now()) } },
      },
    ]);
    expect(moved.map((r) => r.status)).toEqual(['applied']);
    await syncUntil(agent1.page, async () => (await held(agent1.page, PHONE)).lead === null);
    expect(await held(agent1.page, PHONE)).toEqual({ lead: null, calls: 0 });
    await syncUntil(agent2.page, async () => (await held(agent2.page, PHONE)).calls === 2);
    expect(await held(agent2.page, PHONE)).toEqual({ lead: 'Moving Lead', calls: 2 });
  });

  await test.step('on the grid: gone from team 1’s, shown on team 2’s with its two attempts', async () => {
    for (const [side, count] of [
      [agent1, 0],
      [agent2, 1],
    ] as const) {
      await side.page.getByRole('navigation').getByRole('link', { name: 'Leads' }).click();
      await side.page.getByRole('searchbox', { name: /Search/ }).fill('Moving Lead');
      await expect(side.page.getByTestId('lead-row')).toHaveCount(count);
    }
    await agent2.page.getByTestId('lead-row').first().dblclick();
    const drawer = agent2.page.getByRole('dialog', { name: 'Moving Lead' });
    await expect(drawer).toBeVisible();
    await agent2.page.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/team-lead-moved-in.png` });
  });
  await agent1.context.close();
  await agent2.context.close();
});

test('a user added to a team gets its leads with their calls, and drops them on leaving it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const [team1, team2] = server.teams as [string, string];
  const phone = '+12133734482';
  await server.pushAsSteward(leadWithCalls('lead-e2e-team2', phone, 'Team Two Lead', team2, 3));
  const email = await server.addUser('agent', [team1]);
  const agent = await openAs(server, browser, baseURL!, email);
  await syncUntil(agent.page, async () => (await lastSyncedAt(agent.page)) > 0);
  expect(await held(agent.page, phone)).toEqual({ lead: null, calls: 0 });

  // Added to team 2: the lead and its three calls, all sent before this replica's cursor.
  await server.setTeams(email, [team1, team2]);
  await syncUntil(agent.page, async () => (await held(agent.page, phone)).calls === 3);
  expect(await held(agent.page, phone)).toEqual({ lead: 'Team Two Lead', calls: 3 });

  // Left team 2: gone from this device, and nothing queued for the server about it.
  await server.setTeams(email, [team1]);
  await syncUntil(agent.page, async () => (await held(agent.page, phone)).lead === null);
  expect(await held(agent.page, phone)).toEqual({ lead: null, calls: 0 });
  await expect(agent.page.getByTestId('sync-pending')).toHaveText(/^0 /);
  await agent.context.close();
});

test('a consent captured offline for a lead of a team the agent has since left is refused by the server, and shown in words', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const [team1, team2] = server.teams as [string, string];
  const phone = '+12133734483';
  const leadId = 'lead-e2e-left-team';
  await server.pushAsSteward(leadWithCalls(leadId, phone, 'Left Team Lead', team2, 1));
  const email = await server.addUser('agent', [team1, team2]);
  const agent = await openAs(server, browser, baseURL!, email);
  await syncUntil(agent.page, async () => (await held(agent.page, phone)).calls === 1);

  // Offline, the agent captures the person's consent on the lead of team 2…
  await agent.link.offline(true);
  await agent.page.getByRole('navigation').getByRole('link', { name: 'Leads' }).click();
  await agent.page.getByRole('searchbox', { name: /Search/ }).fill('Left Team Lead');
  await agent.page.getByTestId('lead-row').first().dblclick();
  const drawer = agent.page.getByRole('dialog', { name: 'Left Team Lead' });
  await drawer.getByRole('button', { name: 'Capture consent' }).click();
  const consent = drawer.getByRole('form', { name: 'Capture consent for calls' });
  await consent.getByLabel('Proof reference').fill('rec-left-0001');
  await consent.getByRole('button', { name: 'Save consent' }).click();
  await expect(consent).toBeHidden();
  await agent.page.keyboard.press('Escape');
  await expect(agent.page.getByTestId('sync-pending')).not.toHaveText(/^0 /);
  // …while a steward takes them out of team 2.
  await server.setTeams(email, [team1]);

  // Back online: the consent is refused (another team's lead is not theirs to add to), the lead
  // leaves this device, and the refusal is shown to its author in words.
  await agent.link.offline(false);
  await syncUntil(agent.page, async () => (await held(agent.page, phone)).lead === null);
  expect(await server.eventsOf(leadId)).toEqual({ calls: 1, consents: 0 });
  await agent.page.goto('/settings');
  const refused = agent.page
    .getByTestId('sync-issue')
    .filter({ hasText: 'Refused by the server: the lead belongs to a team you are not in' });
  await expect(refused).toHaveCount(1);
  await refused.scrollIntoViewIfNeeded();
  await agent.page.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/team-refused-out-of-reach.png` });
  await agent.context.close();
});
