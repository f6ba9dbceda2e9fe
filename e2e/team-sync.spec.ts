/**
 * Issue 18: the browser as an offline replica of the team server. A real server on a throwaway
 * PostgreSQL database (e2e/support/team-server.ts); two agents of one team in two browser
 * contexts, a team lead of another team in a third, and a team lead of the first team who erases
 * the person in a fourth.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readStore } from './support/idb-read';
import { lastSyncedAt, openAs as openAsUser, syncUntil } from './support/team-browser';
import { startTeamServer, type TeamServer } from './support/team-server';

test.describe.configure({ mode: 'serial' });
const PHONE_TYPED = '(213) 373-4391';
const PHONE = '+12133734391';

interface StoredLead {
  id: number;
  phoneE164: string;
  name: string;
  dncStatus: string;
}

let server: TeamServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTeamServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const openAs = (browser: Browser, baseURL: string, email: string) => openAsUser(server, browser, baseURL, email);

const leadsWithPhone = async (page: Page) =>
  (await readStore<StoredLead>(page, 'leads')).filter((l) => l.phoneE164 === PHONE);

/** Every name the person had on any device (the lead created, then renamed on both agents' devices). */
const PERSON_NAMES = ['Team Lead Test', 'Renamed by A', 'Renamed by B'];

test('two agents of one organisation converge: a DNC request and a consent reach the other, an offline conflict is shown; a team lead of another team receives none of their leads; an erasure leaves every replica', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const agentA = await server.addUser('agent', [server.teams[0]!]);
  const agentB = await server.addUser('agent', [server.teams[0]!]);
  const lead2 = await server.addUser('team_lead', [server.teams[1]!]);
  const a = await openAs(browser, baseURL!, agentA);
  const b = await openAs(browser, baseURL!, agentB);

  await test.step('A creates a lead, takes a consent and a DNC request; B receives all three', async () => {
    const page = a.page;
    await page.goto('/leads');
    await page.getByRole('button', { name: 'New lead' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lead' });
    await dialog.getByLabel('Phone').fill(PHONE_TYPED);
    await dialog.getByLabel('Acquired at').fill('2026-05-04T10:30');
    await dialog.getByLabel('Source').selectOption({ label: 'Customer referrals' });
    await dialog.getByLabel('Name').fill('Team Lead Test');
    await dialog.getByRole('button', { name: 'Create lead' }).click();
    await expect(dialog).toBeHidden();
    const drawer = page.getByRole('dialog', { name: 'Team Lead Test' });
    await drawer.getByRole('button', { name: 'Capture consent' }).click();
    const consent = drawer.getByRole('form', { name: 'Capture consent for calls' });
    await consent.getByLabel('Proof reference').fill('rec-team-0001');
    await consent.getByRole('button', { name: 'Save consent' }).click();
    await expect(consent).toBeHidden();
    await drawer.getByRole('button', { name: 'Add to internal DNC' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Add to internal DNC' }).click();
    await expect(drawer.getByText('On the internal DNC list')).toBeVisible();
    // An agent may not remove a lead the team holds: the drawer does not offer the erasure.
    await expect(drawer.getByTestId('forget-not-permitted')).toBeVisible();
    await expect(drawer.getByRole('button', { name: 'Forget this person…' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('agent-drawer.png') });
    await syncUntil(
      page,
      async () => (await page.getByTestId('sync-pending').textContent())?.startsWith('0 ') ?? false,
    );

    await syncUntil(b.page, async () => (await leadsWithPhone(b.page)).length === 1);
    const [received] = await leadsWithPhone(b.page);
    expect(received).toMatchObject({ name: 'Team Lead Test', dncStatus: 'listed' });
    const entries = await readStore<{ listId: string; phoneE164: string }>(b.page, 'dncEntries');
    expect(entries.filter((e) => e.listId === 'internal' && e.phoneE164 === PHONE)).toHaveLength(1);
    const consents = await readStore<{ leadId: number; proofRef: string }>(b.page, 'consents');
    expect(consents.filter((c) => c.leadId === received!.id).map((c) => c.proofRef)).toEqual(['rec-team-0001']);
    // B's own screens: the number is blocked there too.
    await b.page.goto(`/leads?lead=${received!.id}`);
    const drawerB = b.page.getByRole('dialog', { name: 'Team Lead Test' });
    await expect(drawerB.getByText('On the internal DNC list')).toBeVisible({ timeout: 60_000 });
  });

  await test.step('both go offline and rename the lead differently; back online they converge and B is shown the conflict', async () => {
    await a.link.offline(true);
    await b.link.offline(true);
    const [leadA] = await leadsWithPhone(a.page);
    const [leadB] = await leadsWithPhone(b.page);
    for (const [side, lead, name] of [
      [b, leadB!, 'Renamed by B'],
      [a, leadA!, 'Renamed by A'],
    ] as const) {
      await side.page.goto(`/leads?lead=${lead.id}`);
      const form = side.page.getByRole('form', { name: 'Edit lead' });
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expect(form.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
      await expect(side.page.getByTestId('sync-pending')).not.toHaveText(/^0 /);
    }
    await expect(b.page.getByTestId('sync-status')).toContainText('Offline');
    // A (the later edit) reconnects first; then B, whose earlier edit loses.
    await a.link.offline(false);
    await syncUntil(
      a.page,
      async () => (await a.page.getByTestId('sync-pending').textContent())?.startsWith('0 ') ?? false,
    );
    await b.link.offline(false);
    await syncUntil(b.page, async () => (await leadsWithPhone(b.page))[0]?.name === 'Renamed by A');
    await syncUntil(a.page, async () => (await leadsWithPhone(a.page))[0]?.name === 'Renamed by A');
    await b.page.goto('/settings');
    const conflict = b.page.getByTestId('sync-issue').filter({ hasText: 'name was edited elsewhere too' });
    await expect(conflict).toContainText('Renamed by A');
    await expect(conflict).toContainText('Renamed by B');
    // Nothing B pushed was refused: its audit chain, consent-free edits and the lead puts were all accepted.
    await expect(b.page.getByTestId('sync-issue').filter({ hasText: 'Refused by the server' })).toHaveCount(0);
    await conflict.scrollIntoViewIfNeeded();
    await b.page.screenshot({ path: test.info().outputPath('sync-conflict.png') });
  });

  await test.step('the Audit screen shows the organisation’s chain beside the device’s own, and verifies it', async () => {
    await b.page.goto('/audit');
    await expect(b.page.getByTestId('org-chain-head')).toContainText('Head: position');
    await b.page.getByRole('button', { name: 'Verify organisation chain' }).click();
    await expect(b.page.getByRole('status').filter({ hasText: 'Organisation chain intact' })).toBeVisible();
    // B is an agent: it reads its own entries of the chain; A's positions are gaps, not breaks.
    await expect(b.page.getByRole('status').filter({ hasText: 'not readable by you' })).toBeVisible();
    const latest = b.page.getByRole('table', { name: "Latest entries of the organisation's chain" });
    await expect(latest.getByRole('row').nth(1)).toBeVisible();
    await latest.scrollIntoViewIfNeeded();
    await b.page.screenshot({ path: test.info().outputPath('org-chain.png') });
  });

  await test.step('a team lead of the other team receives the DNC entry but none of team 1’s leads', async () => {
    const c = await openAs(browser, baseURL!, lead2);
    await syncUntil(c.page, async () =>
      (await readStore<{ listId: string; phoneE164: string }>(c.page, 'dncEntries')).some(
        (e) => e.listId === 'internal' && e.phoneE164 === PHONE,
      ),
    );
    expect(await leadsWithPhone(c.page)).toEqual([]);
    const ids = await readStore<{ table: string }>(c.page, 'syncIds');
    expect(ids.filter((r) => r.table === 'leads')).toEqual([]);
    await c.context.close();
  });

  await test.step('a team lead of team 1 erases the person on a third device: the lead and its history leave both agents, the block stays', async () => {
    const erasing = await openAs(browser, baseURL!, await server.addUser('team_lead', [server.teams[0]!]));
    const page = erasing.page;
    await syncUntil(page, async () => (await leadsWithPhone(page)).length === 1);
    const [held] = await leadsWithPhone(page);
    await page.goto(`/leads?lead=${held!.id}`);
    const drawer = page.getByRole('dialog', { name: 'Renamed by A' });
    await drawer.getByRole('button', { name: 'Forget this person…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Forget this person?' });
    await confirm.getByRole('button', { name: 'Forget this person', exact: true }).click();
    await expect(confirm).toBeHidden();
    await syncUntil(
      page,
      async () => (await page.getByTestId('sync-pending').textContent())?.startsWith('0 ') ?? false,
    );
    // Nothing of the erasure was refused (the conflicts card lives in Settings).
    await page.goto('/settings');
    await expect(page.getByText('No conflicts: every change you made is the one kept.')).toBeVisible();
    await expect(page.getByTestId('sync-issue')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('after-erasure-settings.png') });

    for (const side of [a, b]) {
      await syncUntil(side.page, async () => (await leadsWithPhone(side.page)).length === 0);
      const consents = await readStore<{ proofRef: string }>(side.page, 'consents');
      expect(consents.filter((c) => c.proofRef === 'rec-team-0001')).toEqual([]);
      const entries = await readStore<{ listId: string; phoneE164: string }>(side.page, 'dncEntries');
      expect(entries.filter((e) => e.listId === 'internal' && e.phoneE164 === PHONE)).toHaveLength(1);
      // A later round does not bring the person back.
      const before = await lastSyncedAt(side.page);
      await syncUntil(side.page, async () => (await lastSyncedAt(side.page)) > before);
      expect(await leadsWithPhone(side.page)).toEqual([]);
      // Nor does this device keep the person's names in its own trail: the entries that held them
      // are redacted, and its forget entry names them (then pushed with the round).
      const trail = JSON.stringify(await readStore<object>(side.page, 'audit'));
      for (const name of PERSON_NAMES) expect(trail).not.toContain(name);
      expect(trail).toContain('"erasedElsewhere":true');
      await expect(side.page.getByTestId('sync-pending')).toHaveText(/^0 /);
    }
    // The Audit screen says what happened, in a sentence.
    await a.page.goto('/audit');
    await expect(a.page.getByText(/erased on another device of the team: \d+ entr(y|ies) redacted here/)).toBeVisible();
    await a.page.screenshot({ path: test.info().outputPath('audit-after-erasure-elsewhere.png') });
    // The server's copies of every device's entries are redacted too (each device's forget entry did it).
    const onServer = await server.auditText();
    for (const name of PERSON_NAMES) expect(onServer).not.toContain(name);
    expect(onServer).toContain('"redacted":true');
    await erasing.context.close();
  });

  await a.context.close();
  await b.context.close();
});
