import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { countStores, fingerprintDb } from './support/idb-fingerprint';
import { ImportScreen } from './page-models/import';
import { LeadsPage } from './page-models/leads-page';

/**
 * A full disk on every write path the steward can start: CSV import commit, bulk edit of the
 * whole grid, backup restore, a DNC list import — and the small everyday writes: one number on
 * the internal DNC list, the organisation settings, a consent withdrawal in the lead drawer, the
 * compliance policy and a new lead. Chrome DevTools' Storage.overrideQuotaForOrigin lowers the
 * origin's quota, so writes fail the way a full disk does in Chromium: every request of the
 * transaction succeeds, then the commit aborts with QuotaExceededError. Each screen must show the
 * one storage-full alert and nothing else (no success, no field error such as "Not a valid phone
 * number.", no raw error name), and IndexedDB must hold exactly what it held before. Then the
 * quota is lifted and the same operations succeed. The last one restores the backup taken
 * first, so the shared profile is left as it was found.
 *
 * The quota is lowered once, then raised a little, within one wait for Chromium's quota cache
 * (below). First below usage, so that even a write of a few hundred bytes is refused: the five
 * small writes. Then just above usage, so the four large writes fail at their big commit after
 * their small journal row went through. Raising binds at once: after a refused write Chromium
 * holds no room in its cache, so the next write asks the quota manager again. (Lowering does not
 * bind at once while the cache still holds room: that is why the order is small writes first.)
 */
/** Room left above current usage: enough for the journal's small rows, far less than any write here. */
const MARGIN = 128 * 1024;
/** The filler stops when a write this large is refused: room for the journal's rows may be left, not for an import. */
const FILLER_MIN = 32 * 1024;
/** How often the filler asks for FILLER_MIN more while it keeps the disk full. */
const FILLER_POLL_MS = 50;
/** This test's own database, holding the filler (the app never opens it). */
const FILLER_DB = 'quota-test-filler';
/**
 * Chromium's IndexedDB caches the space a bucket may still use and trusts it for up to 30 s
 * (BucketContext::kBucketSpaceCacheTimeLimit), so a lowered quota binds only once that cache
 * has expired. This is a fixed browser constant, not a guess at how long the app takes.
 */
const QUOTA_CACHE_MS = 31_000;
const TAG = 'quota-e2e';
/** The import tried on a full disk: far more than the store frees on its own (see importCsv). */
const FULL_DISK_IMPORT_ROWS = 15_000;

/**
 * A vendor file of `rows` new leads. On a full disk it is 15,000 (about 12 MB to write): once the
 * disk is filled, the store can still free a few MB on its own (its log and compactions), which let
 * the 3,000 leads of the file imported with room commit now and then.
 */
const importCsv = (rows: number) => {
  const lines = ['phone,name,company,source,acquired at'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `+1646${2_000_000 + i},Quota Lead ${i},Full Disk Ltd ${i % 97},Quota Expo,2026-06-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
    );
  return Buffer.from(`${lines.join('\n')}\n`);
};
const dncFile = () =>
  Buffer.from(`phone\n${Array.from({ length: 40_000 }, (_, i) => `212${2_000_000 + i}`).join('\n')}\n`);

/** RFC-8785-like canonical JSON, as the app hashes backup tables (keys sorted). */
const canonicalJson = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/**
 * The backup from the start of the test plus 30 MB of saved views: a backup of a larger database.
 * (A restore of the same data fits even on a full disk, because the transaction first clears
 * what it replaces.) The file stays valid: counts and per-table SHA-256 are recomputed.
 */
function largerBackup(path: string) {
  const backup = JSON.parse(readFileSync(path, 'utf8')) as {
    tables: Record<string, { count: number; sha256: string; rows: unknown[] }>;
  };
  const views = backup.tables.savedViews!;
  for (let i = 0; i < 2_000; i++)
    views.rows.push({
      id: 1_000_000 + i,
      name: `padding ${i}`,
      search: { note: randomBytes(12_000).toString('base64') },
      createdAt: 0,
    });
  views.count = views.rows.length;
  views.sha256 = createHash('sha256').update(canonicalJson(views.rows)).digest('hex');
  // Written to a file: Playwright refuses an in-memory buffer over 50 MB, and the shared profile's backup grows with the suite.
  const out = test.info().outputPath('leadledger-backup_larger.json');
  writeFileSync(out, JSON.stringify(backup));
  return out;
}

class Quota {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {}

  static async attach(page: Page) {
    return new Quota(page, await page.context().newCDPSession(page), new URL(page.url()).origin);
  }

  /**
   * Set the quota just above what the origin uses now (navigator.storage.estimate()), then fill
   * what room is really left with a database of this test's own (the origin's quota is shared) until
   * a write of FILLER_MIN is refused, and keep it full until the next fillUp or lift (or the page
   * is left). The estimate alone left room for a whole import now and then (it counts space the
   * store frees later: the import of 3,000 leads committed under it in about one run in three). A
   * single fill was not enough either: the store frees a few MB on its own (its log and
   * compactions) while the operation under test runs, and on a loaded machine the bulk edit of
   * every lead committed into that room (a CI run, first try and retry). So the filler goes on
   * asking for FILLER_MIN every FILLER_POLL_MS and takes whatever room appears; the operation's
   * one big commit would need all of it at once.
   */
  async fillUp(): Promise<number> {
    await this.stopFilling();
    const usage = await this.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin, quotaSize: usage + MARGIN });
    await this.page.evaluate(
      async ({ name, min, poll }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name, 1);
          open.onupgradeneeded = () => open.result.createObjectStore('filler', { autoIncrement: true });
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        // Random bytes: the store compresses, so zeros would take no room.
        const put = (size: number) =>
          new Promise<boolean>((resolve) => {
            const bytes = new Uint8Array(size);
            for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
            const tx = db.transaction('filler', 'readwrite');
            tx.objectStore('filler').add(bytes);
            tx.oncomplete = () => resolve(true);
            tx.onabort = () => resolve(false);
            tx.onerror = () => resolve(false);
          });
        const fill = async () => {
          for (let size = 4 * 1024 * 1024; size >= min;) if (!(await put(size))) size /= 2;
        };
        await fill();
        let stopped = false;
        const keepFull = (async () => {
          while (!stopped) {
            await new Promise((resolve) => setTimeout(resolve, poll));
            if (!stopped && (await put(min))) await fill();
          }
        })();
        (window as unknown as Record<string, unknown>).__quotaFiller = async () => {
          stopped = true;
          await keepFull;
          db.close();
        };
      },
      { name: FILLER_DB, min: FILLER_MIN, poll: FILLER_POLL_MS },
    );
    return usage;
  }

  /** Stop keeping the disk full (a page left since fillUp has stopped it already). */
  private async stopFilling() {
    await this.page.evaluate(async () => {
      const holder = window as unknown as Record<string, unknown>;
      const stop = holder.__quotaFiller as (() => Promise<void>) | undefined;
      delete holder.__quotaFiller;
      await stop?.();
    });
  }

  /** Set the quota below what the origin uses now: no write of any size fits. */
  async refuseAll() {
    const usage = await this.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin, quotaSize: Math.floor(usage / 2) });
  }

  /** Back to the browser's own quota (also what detaching the session does), and the filler gone. */
  async lift() {
    await this.stopFilling();
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin });
    await this.page.evaluate(
      (name) =>
        new Promise<void>((resolve) => {
          const del = indexedDB.deleteDatabase(name);
          del.onsuccess = del.onerror = del.onblocked = () => resolve();
        }),
      FILLER_DB,
    );
  }

  async detach() {
    await this.cdp.detach().catch(() => {});
  }
}

/** How many records `store` holds (a count, no record read: the with-room steps compare counts only). */
const count = async (page: Page, store: string) => (await countStores(page, [store]))[store]!;

/**
 * The storage-full alert: nothing saved, how much is used, what to do — shown once on the page
 * (inside `within`, the form or dialog that wrote, when given), and no other account of the
 * failure: no raw error name, no field error blaming the input.
 */
async function expectStorageFull(page: Page, within?: Locator) {
  const alert = (within ?? page).getByTestId('storage-full');
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('storage-full')).toHaveCount(1);
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('Storage is full: nothing was saved.');
  await expect(alert).toContainText(/LeadLedger holds [\d.,]+ MB in this browser/);
  await expect(alert).toContainText('write a backup file first');
  await expect(alert.getByRole('link', { name: 'Write a backup' })).toHaveAttribute('href', '/export');
  // Every screen now carries the warning too (Chromium's estimate may still show plenty of room).
  // By test id: behind an open modal dialog the region is hidden from the accessibility tree.
  await expect(page.getByTestId('storage-warning')).toHaveAttribute('data-risk', 'refused');
  await expect(page.getByText(/QuotaExceededError|AbortError/)).toHaveCount(0);
  for (const blame of ['Not a valid phone number', 'Could not save.', 'Check the highlighted fields'])
    await expect(page.getByText(blame)).toHaveCount(0);
  if (within) await expect(within.locator('[aria-invalid="true"]')).toHaveCount(0);
}

/**
 * Restore a backup file the way the steward does: choosing it only checks it and opens the
 * confirmation (counts now → after, what is kept); the restore starts with its Restore button.
 */
async function restoreFromFile(page: Page, file: Parameters<Page['setInputFiles']>[1]) {
  await page.getByLabel('Restore from file…').setInputFiles(file);
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** How many stored leads carry `tag` (read straight from IndexedDB). */
async function leadsWithTag(page: Page, tag: string): Promise<number> {
  return page.evaluate(
    (t) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('leads', 'readonly').objectStore('leads').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { tags: string[] }[]).filter((l) => l.tags.includes(t)).length);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    tag,
  );
}

async function prepareImport(page: Page, rows: number) {
  const screen = new ImportScreen(page);
  await screen.open('leads');
  await screen.chooseFile('quota-leads.csv', importCsv(rows));
  await screen.check();
  await expect(screen.count('create')).toHaveText(rows.toLocaleString('en-US'), { timeout: 60_000 });
  return screen;
}

async function prepareBulkEdit(page: Page) {
  const leads = new LeadsPage(page);
  await page.goto('/leads');
  const total = await leads.countValue();
  await leads.selectAllMatching();
  const dialog = await leads.bulk('Add tags', TAG);
  return { dialog, total };
}

async function prepareDnc(page: Page) {
  await page.goto('/compliance/dnc');
  const form = page.getByRole('form', { name: 'Import a new version' });
  await form.getByLabel('List').selectOption({ label: 'US National DNC Registry' });
  await form.getByLabel('File').setInputFiles({ name: 'dnc-quota.txt', mimeType: 'text/plain', buffer: dncFile() });
  await expect(page.getByTestId('dnc-file-preview')).toBeVisible({ timeout: 60_000 });
  return form;
}

/** A number for the internal list, and candidates for a new lead (valid US numbers). */
const DNC_PHONE = '(213) 373-4298';
const NEW_LEAD_PHONES = Array.from({ length: 20 }, (_, i) => `+1213373${4300 + i}`);

/** The first candidate no stored lead has, and the first lead that still has its personal data. */
async function pickLeads(page: Page): Promise<{ newPhone: string; leadId: number }> {
  const { phones, leadId } = await page.evaluate(
    () =>
      new Promise<{ phones: string[]; leadId: number }>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('leads', 'readonly').objectStore('leads').getAll();
          req.onsuccess = () => {
            open.result.close();
            const rows = req.result as { id: number; phoneE164: string; anonymizedAt?: number }[];
            resolve({
              phones: rows.map((l) => l.phoneE164),
              leadId: rows.find((l) => l.anonymizedAt === undefined)!.id,
            });
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
  const taken = new Set(phones);
  return { newPhone: NEW_LEAD_PHONES.find((p) => !taken.has(p))!, leadId };
}

async function addInternalDnc(page: Page) {
  await page.goto('/compliance/dnc');
  const form = page.getByRole('form', { name: 'Add a number to the internal list' });
  await form.getByLabel('Phone number').fill(DNC_PHONE);
  await form.getByRole('button', { name: 'Add to internal list' }).click();
  return form;
}

async function saveSettings(page: Page, operatorName: string) {
  await page.goto('/settings');
  await page.getByLabel('Operator name').fill(operatorName);
  await page.getByRole('button', { name: 'Save settings' }).click();
}

async function savePolicy(page: Page, staleMonths: string) {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Compliance policy' });
  await form.getByLabel('Stale after (months)').fill(staleMonths);
  await form.getByRole('button', { name: 'Save policy' }).click();
  return form;
}

async function withdrawConsent(page: Page, leadId: number) {
  await page.goto(`/leads?lead=${leadId}`);
  const panel = page.getByRole('dialog').getByTestId('lead-consent-panel');
  await panel.getByRole('button', { name: 'Withdraw consent' }).click();
  const form = panel.getByRole('form', { name: 'Withdraw consent for calls' });
  await form.getByLabel('Proof reference').fill('quota-e2e-recording');
  await form.getByRole('button', { name: 'Record withdrawal' }).click();
  return form;
}

async function createLead(page: Page, phone: string) {
  await page.goto('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Phone').fill(phone);
  await dialog.getByLabel('Source').selectOption({ index: 1 });
  await dialog.getByLabel('Acquired at').fill('2026-05-04T10:30');
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  return dialog;
}

test('a full disk: import, bulk edit, restore, DNC import, internal DNC, settings, consent withdrawal, policy and new lead each show the one storage-full alert, change nothing, and succeed once there is room', async ({
  app,
}) => {
  test.setTimeout(420_000);
  const page = app.page;

  await app.open('/export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Write backup file' }).click(),
  ]);
  const backup = await download.path();
  await expect(page.getByText(/Backup written/)).toBeVisible();
  const initial = await fingerprintDb(page);
  const { newPhone, leadId } = await pickLeads(page);
  const quota = await Quota.attach(page);
  try {
    await quota.refuseAll();
    // Nothing is written until the browser's quota cache has expired (see QUOTA_CACHE_MS).
    await page.waitForTimeout(QUOTA_CACHE_MS);

    // While the quota is below usage no write of any size can land, so what one of the five small
    // writes left is what the next one starts from: each step compares with the previous step's
    // read instead of reading every table again (a full read is most of this test's time).
    let state = await fingerprintDb(page);

    await test.step('internal DNC: one number', async () => {
      const before = state;
      const form = await addInternalDnc(page);
      await expectStorageFull(page, form);
      await expect(form.getByRole('status')).toHaveCount(0);
      state = await fingerprintDb(page);
      expect(state).toEqual(before);
    });

    await test.step('settings save', async () => {
      const before = state;
      await saveSettings(page, 'Full Disk Steward');
      await expectStorageFull(page);
      await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toHaveCount(0);
      state = await fingerprintDb(page);
      expect(state).toEqual(before);
    });

    await test.step('consent withdrawal in the lead drawer', async () => {
      const before = state;
      const form = await withdrawConsent(page, leadId);
      await expectStorageFull(page, form);
      // The form stays open: the withdrawal was not recorded.
      await expect(form.getByRole('button', { name: 'Record withdrawal' })).toBeEnabled();
      await page.screenshot({ path: `${test.info().outputDir}/quota-consent.png` });
      state = await fingerprintDb(page);
      expect(state).toEqual(before);
    });

    await test.step('policy save', async () => {
      const before = state;
      const form = await savePolicy(page, '19');
      await expectStorageFull(page, form);
      await expect(form.getByRole('status')).toHaveCount(0);
      state = await fingerprintDb(page);
      expect(state).toEqual(before);
    });

    await test.step('new lead', async () => {
      const before = state;
      const dialog = await createLead(page, newPhone);
      await expectStorageFull(page, dialog);
      await expect(dialog).toBeVisible();
      await page.screenshot({ path: `${test.info().outputDir}/quota-new-lead.png` });
      expect(await fingerprintDb(page)).toEqual(before);
    });

    // Now just above usage (see the header): this binds at once, since a refused write leaves no cached room.
    await test.step('import commit', async () => {
      const importScreen = await prepareImport(page, FULL_DISK_IMPORT_ROWS);
      const before = await fingerprintDb(page);
      await quota.fillUp();
      await importScreen.commitButton.click();
      await expectStorageFull(page);
      await expect(page.getByRole('status').filter({ hasText: /Imported as batch/ })).toHaveCount(0);
      await page.screenshot({ path: `${test.info().outputDir}/quota-import.png`, fullPage: true });
      expect(await fingerprintDb(page)).toEqual(before);
    });

    await test.step('bulk edit of every lead', async () => {
      const { dialog } = await prepareBulkEdit(page);
      const before = await fingerprintDb(page);
      await quota.fillUp();
      await dialog.getByRole('button', { name: /Apply to/ }).click();
      await expectStorageFull(page);
      await expect(dialog).toBeVisible();
      await page.screenshot({ path: `${test.info().outputDir}/quota-bulk-edit.png` });
      expect(await fingerprintDb(page)).toEqual(before);
      expect(await leadsWithTag(page, TAG)).toBe(0);
    });

    await test.step('DNC list import', async () => {
      const form = await prepareDnc(page);
      const before = await fingerprintDb(page);
      await quota.fillUp();
      await form.getByRole('button', { name: 'Import version' }).click();
      await expectStorageFull(page);
      await expect(form.getByRole('status').filter({ hasText: 'imported' })).toHaveCount(0);
      await page.screenshot({ path: `${test.info().outputDir}/quota-dnc.png`, fullPage: true });
      expect(await fingerprintDb(page)).toEqual(before);
    });

    await test.step('backup restore', async () => {
      await page.goto('/export');
      const before = await fingerprintDb(page);
      await quota.fillUp();
      await restoreFromFile(page, largerBackup(backup));
      await expectStorageFull(page);
      await expect(page.getByText(/^Restored/)).toHaveCount(0);
      await expect(page.getByText('This file cannot be restored')).toHaveCount(0);
      expect(await fingerprintDb(page)).toEqual(before);
    });

    // With room again, the same operations go through.
    await quota.lift();
    await test.step('with room: DNC import', async () => {
      const form = await prepareDnc(page);
      const versions = await count(page, 'dncListVersions');
      await form.getByRole('button', { name: 'Import version' }).click();
      await expect(form.getByRole('status')).toContainText('imported', { timeout: 60_000 });
      await expect(page.getByTestId('storage-full')).toHaveCount(0);
      expect(await count(page, 'dncListVersions')).toBe(versions + 1);
    });
    await test.step('with room: import commit', async () => {
      const screen = await prepareImport(page, 3_000);
      const leads = await count(page, 'leads');
      await screen.commit();
      expect(await count(page, 'leads')).toBe(leads + 3_000);
    });
    await test.step('with room: bulk edit', async () => {
      const { dialog, total } = await prepareBulkEdit(page);
      await dialog.getByRole('button', { name: /Apply to/ }).click();
      await expect(dialog).toBeHidden({ timeout: 60_000 });
      expect(await leadsWithTag(page, TAG)).toBe(total);
    });
    await test.step('with room: internal DNC, settings, consent withdrawal, policy, new lead', async () => {
      // A number that is really invalid still says so, at its field, with no storage-full alert.
      await page.goto('/compliance/dnc');
      const invalid = page.getByRole('form', { name: 'Add a number to the internal list' });
      await invalid.getByLabel('Phone number').fill('12345');
      await invalid.getByRole('button', { name: 'Add to internal list' }).click();
      await expect(invalid.getByLabel('Phone number')).toHaveAccessibleDescription('Not a valid phone number.');
      await expect(page.getByTestId('storage-full')).toHaveCount(0);
      const form = await addInternalDnc(page);
      await expect(form.getByRole('status')).toContainText('+1 213 373 4298');
      await saveSettings(page, 'Full Disk Steward');
      await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
      const consents = await count(page, 'consents');
      const withdrawal = await withdrawConsent(page, leadId);
      await expect(withdrawal).toBeHidden();
      expect(await count(page, 'consents')).toBe(consents + 1);
      const policy = await savePolicy(page, '19');
      await expect(policy.getByRole('status')).toHaveText('Policy saved');
      const leads = await count(page, 'leads');
      const dialog = await createLead(page, newPhone);
      await expect(dialog).toBeHidden();
      expect(await count(page, 'leads')).toBe(leads + 1);
      await expect(page.getByTestId('storage-full')).toHaveCount(0);
    });
    await test.step('with room: restore (back to the state before this test)', async () => {
      await page.goto('/export');
      await restoreFromFile(page, backup);
      await expect(page.getByText(/^Restored/)).toBeVisible({ timeout: 90_000 });
      const restored = await fingerprintDb(page);
      for (const table of [
        'leads',
        'calls',
        'consents',
        'acquisitions',
        'sources',
        'campaigns',
        'dncLists',
        'importBatches',
      ])
        expect(restored[table], table).toEqual(initial[table]);
      // A restore never removes a suppression: the DNC version imported after the backup stays (decision 012).
      expect(restored.dncListVersions!.count).toBe(initial.dncListVersions!.count + 1);
      expect(restored.dncEntries!.count).toBeGreaterThan(initial.dncEntries!.count);
    });
  } finally {
    await quota.lift().catch(() => {});
    await quota.detach();
  }
});
