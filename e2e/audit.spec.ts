import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Raw IndexedDB access to the audit store, bypassing the app: how tampering would arrive. */
function auditStore<T>(page: Page, op: 'newest' | 'put', row?: unknown): Promise<T> {
  return page.evaluate(
    ([op, row]) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('audit', op === 'put' ? 'readwrite' : 'readonly');
          const store = tx.objectStore('audit');
          let result: unknown;
          // Numeric seqs only (a string key sorts after every number).
          if (op === 'newest')
            store.openCursor(IDBKeyRange.upperBound(Number.MAX_SAFE_INTEGER), 'prev').onsuccess = (e) =>
              (result = (e.target as IDBRequest<IDBCursorWithValue | null>).result?.value);
          else store.put(row);
          tx.oncomplete = () => {
            db.close();
            resolve(result as T);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [op, row] as const,
  );
}

test('a malformed audit entry written straight into IndexedDB: the Audit screen lists it and Verify locates the tampering', async ({
  app,
}) => {
  const page = app.page;
  await app.open('/audit');
  const newest = await auditStore<{ seq: number; hash: string }>(page, 'newest');
  // The newest entry: on the first page whatever the trail's length (the seeded trail may hold only it).
  const original = await page.evaluate(
    (seq) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onsuccess = () => {
          const req = open.result.transaction('audit').objectStore('audit').get(seq);
          req.onsuccess = () => (open.result.close(), resolve(req.result));
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    newest.seq,
  );
  const target = newest.seq;
  try {
    await auditStore(page, 'put', { ...(original as object), hash: 12345, ids: null });
    await page.reload();
    await app.waitForData();

    await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    const flagged = page.getByTestId('audit-row').filter({ has: page.getByTestId('audit-malformed') });
    await expect(flagged).toHaveCount(1);
    await expect(flagged.locator('td').first()).toHaveText(String(target));
    await expect(flagged).toContainText('12345');

    await page.getByRole('button', { name: 'Verify trail' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Trail broken' });
    await expect(status.locator('p').first()).toHaveText(
      `Trail broken at entry #${target}: it is not a valid audit entry (a field is missing or of the wrong kind)`,
    );
  } finally {
    // Put the entry back so later tests in this worker's seeded context see an intact trail.
    await auditStore(page, 'put', original);
  }
  await page.reload();
  await app.waitForData();
  await page.getByRole('button', { name: 'Verify trail' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Trail intact' })).toBeVisible();
});
