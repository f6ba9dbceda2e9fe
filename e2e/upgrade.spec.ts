import { expect, test, type Page } from '@playwright/test';
import { LATEST_VERSION } from '../src/db/migrations';
import { AppShell } from './page-models/app-shell';

/**
 * A tab left open on an old schema (DESIGN.md §7): when a newer release opens the database at a
 * higher version in another tab, the old tab must close its connection (so the upgrade is not
 * blocked), tell the user to reload, and refuse to write in its old shape.
 *
 * We have no second, newer build to serve, so page B plays the newer release honestly at the
 * IndexedDB level: it opens the database at the installed version + 1 and adds a store in
 * `upgradeneeded`, exactly what a newer Dexie `version(N+1)` does (Dexie stores version N as
 * IndexedDB version N × 10, so the app's own version is LATEST_VERSION × 10). Page A runs the
 * real app at the current version.
 */

/** Open the database as a newer release would: installed version + 1, with a new store. */
function upgradeFromOtherTab(page: Page): Promise<{ from: number; to: number; blocked: boolean; stores: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const probe = indexedDB.open('leadledger');
        probe.onerror = () => reject(probe.error);
        probe.onsuccess = () => {
          const from = probe.result.version;
          probe.result.close();
          let blocked = false;
          const open = indexedDB.open('leadledger', from + 1);
          // A connection that ignores `versionchange` blocks the upgrade for good: report it instead of hanging.
          open.onblocked = () => {
            blocked = true;
            setTimeout(() => resolve({ from, to: -1, blocked, stores: [] }), 10_000);
          };
          open.onupgradeneeded = () => open.result.createObjectStore('fromANewerRelease', { keyPath: 'id' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const stores = [...db.objectStoreNames];
            // Stay open, as the newer tab would, while A is checked.
            (globalThis as unknown as { newerDb: IDBDatabase }).newerDb = db;
            resolve({ from, to: db.version, blocked, stores });
          };
        };
      }),
  );
}

function leadsWithPhone(page: Page, phoneE164: string): Promise<{ total: number; matching: number }> {
  return page.evaluate(
    (phone) =>
      new Promise((resolve, reject) => {
        const db = (globalThis as unknown as { newerDb: IDBDatabase }).newerDb;
        const tx = db.transaction('leads', 'readonly');
        const total = tx.objectStore('leads').count();
        const matching = tx.objectStore('leads').index('phoneE164').count(phone);
        tx.oncomplete = () => resolve({ total: total.result, matching: matching.result });
        tx.onerror = () => reject(tx.error);
      }),
    phoneE164,
  );
}

test('a tab on the old schema is told to reload when another tab upgrades, and its writes fail', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const a = await context.newPage();
  const appA = new AppShell(a);
  await appA.open('/');
  await a.getByTestId('figure-leads').waitFor({ timeout: 180_000 });
  await a.goto('/leads');
  await appA.waitForData();

  // A starts a manual entry on the current schema…
  await a.getByRole('button', { name: 'New lead' }).click();
  const dialog = a.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Phone').fill('(213) 373-4299');
  await dialog.getByLabel('Acquired at').fill('2026-05-04T10:30');
  await dialog.getByLabel('Source').selectOption({ label: 'Customer referrals' });

  // …while B, a newer release, upgrades the database.
  const b = await context.newPage();
  // A same-origin page that is not the app (B must hold no connection of the current version).
  await b.goto('/schema/lead-v1.json');
  const upgrade = await upgradeFromOtherTab(b);
  expect(upgrade.from).toBe(LATEST_VERSION * 10);
  expect(upgrade.to).toBe(upgrade.from + 1);
  expect(upgrade.stores).toContain('fromANewerRelease');
  // Every connection of A (page and workers) closed on `versionchange`, so nothing blocked the upgrade.
  expect(upgrade.blocked).toBe(false);
  await b.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/upgrade-newer-tab.png` });

  // A is told to reload…
  const alert = a
    .getByRole('alert')
    .filter({ hasText: 'A newer version of LeadLedger changed the database in another tab. Reload to continue.' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await a.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/upgrade-outdated-tab.png` });

  // …and its write fails instead of writing the old shape into the new database.
  const before = await leadsWithPhone(b, '+12133734299');
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  // The failure is said below the form (it is not about the number), and nothing was written.
  await expect(dialog.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();
  await expect(dialog.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'false');
  await expect(dialog).toBeVisible();
  expect(await leadsWithPhone(b, '+12133734299')).toEqual(before);
  expect(before.matching).toBe(0);
});
