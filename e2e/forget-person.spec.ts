import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';
import type { Page } from '@playwright/test';

const PHONE_TYPED = '(213) 373-4288';
const NAME = 'Zelda Quistorff-E2E';
const EMAIL = 'zelda.e2e@example.org';

/** Every store of the app's IndexedDB as JSON (lower-cased), read straight from the browser. */
function storedJson(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const parts: string[] = [];
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => parts.push(JSON.stringify(req.result));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(parts.join('\n').toLowerCase());
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function addLead(page: Page, name: string, email: string) {
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Phone').fill(PHONE_TYPED);
  await dialog.getByLabel('Acquired at').fill('2026-05-04T10:30');
  await dialog.getByLabel('Source').selectOption({ label: 'Customer referrals' });
  await dialog.getByLabel('Name').fill(name);
  if (email) await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(dialog).toBeHidden();
}

test('a steward forgets a person: gone from grid, search and storage, audited; the same number entered again is blocked as DNC', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  await leads.countValue();
  await addLead(page, NAME, EMAIL);
  const drawer = page.getByRole('dialog', { name: NAME });
  await expect(drawer.getByText('+1 213 373 4288').first()).toBeVisible();
  expect(await storedJson(page)).toContain(EMAIL);

  await drawer.getByRole('button', { name: 'Forget this person…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Forget this person?' });
  await expect(confirm).toContainText(NAME);
  const removed = confirm.getByTestId('forget-removed');
  await expect(removed).toContainText('The lead: name, number, e-mail');
  await expect(removed).toContainText('0 calls, 0 consent events and 0 acquisition records');
  await expect(removed).toContainText('The details of 1 audit entry');
  await expect(confirm).toContainText('keyed hash (HMAC) on the internal do-not-call list');
  await page.screenshot({ path: test.info().outputPath('forget-confirm.png') });
  await confirm.getByRole('button', { name: 'Forget this person', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(drawer).toBeHidden();

  // Gone from the grid's search, by name and by number (once the grid's index has been rebuilt
  // in its worker, which takes seconds on a loaded machine), and from every store.
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(NAME);
  await expect.poll(() => leads.countValue(), { timeout: 60_000 }).toBe(0);
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('2133734288');
  await expect.poll(() => leads.countValue()).toBe(0);
  const stored = await storedJson(page);
  for (const trace of [NAME.toLowerCase(), EMAIL, '+12133734288', PHONE_TYPED]) expect(stored).not.toContain(trace);
  // The engine followed the erasure (no rebuild) and stored its snapshot again, whole, from those
  // columns (decision 063): still no trace of the person anywhere.
  await expect.poll(async () => (await storedJson(page)).includes('"key":"grid:head"'), { timeout: 30_000 }).toBe(true);
  const restored = await storedJson(page);
  for (const trace of [NAME.toLowerCase(), EMAIL, '+12133734288', PHONE_TYPED]) expect(restored).not.toContain(trace);

  // The audit trail records the erasure, shows the redacted entry, and still verifies.
  await app.nav(/^Audit$/).click();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toContainText('forget');
  // In words: the erasure names its lead and how many entries it redacted.
  await expect(rows.first()).toContainText(/Person of lead #\d+ erased \(forgotten\): 1 entry redacted/);
  await expect(page.getByTestId('audit-redacted').first()).toBeVisible();
  await page.getByRole('button', { name: 'Verify trail' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Trail intact' });
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText(/details redacted by an erasure/);
  await page.screenshot({ path: test.info().outputPath('forget-audit.png') });

  // The same number, entered again by hand, is blocked: back on the internal do-not-call list.
  await app.nav(/^Leads$/).click();
  await leads.countValue();
  await addLead(page, 'Z. Q.', '');
  const again = page.getByRole('dialog', { name: 'Z. Q.' });
  await expect(again.getByTestId('drawer-verdict')).toContainText('Blocked');
  // The consent panel's reason card names the list: the internal one.
  await expect(again.getByTestId('reason-dnc-listed')).toContainText(/internal/i);
  await page.screenshot({ path: test.info().outputPath('forget-readded.png') });
});
