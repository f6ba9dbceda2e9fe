import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportScreen } from './page-models/import';
import { openedWith, snapshotStored } from './support/engine-state';

/**
 * The grid's engine opens from its persisted snapshot when nothing changed since it was stored:
 * a reload reads no lead (the engine's own counters, shown beside the count); a new lead is
 * caught up by the change log, on screen and at the next start; a settings change (which may move
 * every verdict) makes it build again; and a damaged snapshot is detected by its checksum and
 * rebuilt — never trusted.
 */

/** Flip one bit of the first chunk's reasons column, as a torn or tampered write would. */
function damageFirstChunk(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('engine', 'readwrite');
          const store = tx.objectStore('engine');
          // A part's key carries its checksum after its place: the first chunk's numbers, whatever their checksum.
          const get = store.getAll(
            IDBKeyRange.bound('grid:chunk:00000:numbers:', 'grid:chunk:00000:numbers:\uffff'),
            1,
          );
          get.onsuccess = () => {
            const row = (get.result as { part: { arrays: { reasons: Uint16Array } } }[])[0]!;
            row.part.arrays.reasons[0] = row.part.arrays.reasons[0]! ^ 1;
            store.put(row);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a reload opens the grid from the stored snapshot without reading the leads; a new lead is caught up by the change log; a settings change or damage makes it build again', async ({
  app,
}) => {
  const page = app.page;
  await app.open('/leads');
  const first = await openedWith(page);
  await snapshotStored(page);

  // Nothing changed: the next start reads no lead.
  await page.reload();
  const reopened = await openedWith(page);
  expect(reopened).toMatchObject({ snapshot: 'used', rowsRead: 0, count: first.count });
  await expect(page.getByTestId('engine-note')).toContainText('stored snapshot');

  // A new lead: the grid on screen catches up by the change log (one lead judged, no full read)…
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Phone').fill('(213) 373-4477');
  await dialog.getByLabel('Source').selectOption({ label: 'Customer referrals' });
  await dialog.getByLabel('Acquired at').fill('2026-05-04T10:30');
  await dialog.getByLabel('Name').fill('Engine Catch-Up');
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  const oneMore = String(Number(first.count!.replace(/\D/g, '')) + 1);
  await expect.poll(async () => (await page.getByTestId('grid-count').textContent())!.replace(/\D/g, '')).toBe(oneMore);
  await expect(page.getByTestId('engine-note')).toHaveAttribute('data-rows-read', '0');
  await page.getByLabel('Search leads').fill('Engine Catch-Up');
  await expect(page.getByTestId('grid-count')).toHaveText('1');
  await page.getByLabel('Search leads').fill('');
  await expect.poll(async () => (await page.getByTestId('grid-count').textContent())!.replace(/\D/g, '')).toBe(oneMore);
  await expect(page).not.toHaveURL(/[?&]q=/);
  // …and so does the next start, from the snapshot stored before the lead was added.
  await page.reload();
  const caughtUp = await openedWith(page);
  expect(caughtUp.snapshot === 'caught-up' || caughtUp.snapshot === 'used').toBe(true);
  expect(caughtUp.rowsRead).toBe(0);
  expect(caughtUp.count!.replace(/\D/g, '')).toBe(oneMore);

  // A write (a settings change, through the app) makes it stale: built again, from every lead.
  await app.open('/settings');
  const operator = page.getByLabel('Operator name');
  const was = await operator.inputValue();
  await operator.fill(`${was} (engine test)`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await operator.fill(was);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await app.open('/leads');
  const rebuilt = await openedWith(page);
  expect(rebuilt.snapshot).toBe('stale');
  expect(rebuilt.rowsRead).toBeGreaterThan(1000);
  expect(rebuilt.count!.replace(/\D/g, '')).toBe(oneMore);
  await snapshotStored(page);

  // One flipped bit in a stored chunk: detected by its checksum, rebuilt, and stored anew.
  await damageFirstChunk(page);
  await page.reload();
  const repaired = await openedWith(page);
  expect(repaired.snapshot).toBe('damaged');
  expect(repaired.count!.replace(/\D/g, '')).toBe(oneMore);
  await snapshotStored(page);
  await page.reload();
  expect(await openedWith(page)).toMatchObject({ snapshot: 'used', rowsRead: 0 });
});

test('an import is caught up by the change log, on screen and at the next start: no lead read again', async ({
  app,
}) => {
  const page = app.page;
  await app.open('/leads');
  await openedWith(page);
  await snapshotStored(page);
  await page.reload();
  expect(await openedWith(page)).toMatchObject({ snapshot: 'used', rowsRead: 0 });

  // Through the app's own navigation: the engine that opened stays, and follows the import's writes.
  await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
  const screen = new ImportScreen(page);
  await screen.chooseFile(
    'engine-catch-up.csv',
    Buffer.from(
      [
        'phone,name,source,acquired at',
        '+12133734501,Import Catch One,Customer referrals,2026-05-04T10:30:00-07:00',
        '+12133734502,Import Catch Two,Customer referrals,2026-05-04T10:31:00-07:00',
        '+12133734503,Import Catch Three,Customer referrals,2026-05-04T10:32:00-07:00',
      ].join('\r\n'),
    ),
  );
  await screen.check();
  await expect(screen.count('create')).toHaveText('3');
  const batchId = await screen.commit();
  await page.getByRole('link', { name: 'View these leads' }).click();
  await expect(page.getByTestId('grid-count')).toHaveText('3', { timeout: 60_000 });
  // Caught up, not built again: the remembered column mapping is no settings change, and the import's
  // requests issued together left one step of the change log.
  await expect(page.getByTestId('engine-note')).toHaveAttribute('data-rows-read', '0');
  await expect(page.getByTestId('engine-note')).toHaveAttribute('data-snapshot', 'used');
  // The three new leads were taken as the import's worker stored them, not read back from the table.
  expect(Number(await page.getByTestId('engine-note').getAttribute('data-rows-handed'))).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('lead-row').filter({ hasText: 'Import Catch Two' })).toBeVisible();
  await page.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/engine-import-caught-up.png` });

  await snapshotStored(page);
  await page.reload();
  const reopened = await openedWith(page);
  expect(reopened).toMatchObject({ snapshot: 'used', rowsRead: 0, count: '3' });
  // Leave the shared profile as it was.
  await screen.rollback(batchId);
});
