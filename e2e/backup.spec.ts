import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fingerprintDb } from './support/idb-fingerprint';

/**
 * A restore is two steps: choosing a file only checks it and shows, per table, the count now
 * and after, and what is kept from now; nothing is written until Restore. A file that is not a
 * whole backup is refused with its problems and no dialog. A number put on the internal DNC list
 * after the backup stays listed through the restore. The backup restored is the one written at
 * the start, so the shared profile keeps its data.
 */

/** A number no demo lead has, put on the internal list after the backup. */
const LATER_DNC = '(213) 373-4391';
const LATER_DNC_E164 = '+12133734391';

/** The internal-list entry of a number, read straight from IndexedDB (undefined when absent). */
async function internalEntry(page: Page, phoneE164: string): Promise<{ removedVersionId?: number } | undefined> {
  return page.evaluate(
    (phone) =>
      new Promise<{ removedVersionId?: number } | undefined>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result
            .transaction('dncEntries', 'readonly')
            .objectStore('dncEntries')
            .get(['internal', phone]);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as { removedVersionId?: number } | undefined);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    phoneE164,
  );
}

test('choosing a backup shows what it replaces and keeps; Cancel changes nothing; Restore restores and keeps a later DNC addition', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const page = app.page;
  await app.open('/export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Write backup file' }).click(),
  ]);
  const file = await download.path();
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, { count: number }> };
  const nf = new Intl.NumberFormat('en');

  await test.step('a file with only the leads table is refused, with no dialog', async () => {
    const leadsOnly = {
      ...JSON.parse(readFileSync(file, 'utf8')),
      tables: { leads: JSON.parse(readFileSync(file, 'utf8')).tables.leads },
    };
    await page.getByLabel('Restore from file…').setInputFiles({
      name: 'leads-only.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(leadsOnly)),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be restored, nothing was changed' });
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert.getByTestId('restore-problems')).toContainText('calls: missing-table');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  await test.step('a number goes on the internal list after the backup', async () => {
    await page.goto('/compliance/dnc');
    const form = page.getByRole('form', { name: 'Add a number to the internal list' });
    await form.getByLabel('Phone number').fill(LATER_DNC);
    await form.getByRole('button', { name: 'Add to internal list' }).click();
    await expect(form.getByRole('status')).toBeVisible();
    expect(await internalEntry(page, LATER_DNC_E164)).toBeDefined();
  });

  await page.goto('/export');
  const before = await fingerprintDb(page);
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });

  await test.step('choosing the file shows the counts now → after and what is kept; Cancel changes nothing', async () => {
    await page.getByLabel('Restore from file…').setInputFiles(file);
    await expect(dialog).toBeVisible({ timeout: 60_000 });
    const counts = dialog.getByTestId('restore-counts');
    await expect(counts.getByRole('row', { name: /^Leads/ })).toContainText(
      `${nf.format(before.leads!.count)}→ ${nf.format(backup.tables.leads!.count)}`,
    );
    await expect(counts.getByRole('row', { name: /^DNC entries/ })).toContainText(
      `${nf.format(before.dncEntries!.count)}→ ${nf.format(before.dncEntries!.count)}`,
    );
    await expect(counts.getByRole('row', { name: /^Audit trail entries/ })).toContainText(
      `${nf.format(before.audit!.count)}→ ${nf.format(before.audit!.count + 1)}`,
    );
    await expect(dialog.getByTestId('restore-kept')).toContainText('1 DNC entry the backup does not have');
    await expect(dialog.getByTestId('restore-kept')).toContainText(
      `The audit trail (${nf.format(before.audit!.count)} entries) is kept`,
    );
    await page.screenshot({ path: `${test.info().outputDir}/restore-confirm.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await fingerprintDb(page)).toEqual(before);
    await expect(page.getByText(/^Restored/)).toHaveCount(0);
  });

  await test.step('Restore restores; the later DNC number is still listed', async () => {
    await page.getByLabel('Restore from file…').setInputFiles(file);
    await expect(dialog).toBeVisible({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByText(`Restored (${backup.tables.leads!.count} leads).`)).toBeVisible({ timeout: 90_000 });
    const after = await fingerprintDb(page);
    for (const table of ['leads', 'calls', 'consents', 'acquisitions', 'sources', 'campaigns', 'importBatches'])
      expect(after[table]!.count, table).toBe(backup.tables[table]!.count);
    expect(after.audit!.count).toBe(before.audit!.count + 1);
    const entry = await internalEntry(page, LATER_DNC_E164);
    expect(entry).toBeDefined();
    expect(entry!.removedVersionId).toBeUndefined();
  });
});
