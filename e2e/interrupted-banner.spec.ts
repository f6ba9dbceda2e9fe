import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportScreen } from './page-models/import';

const OUT = process.env.E2E_OUTPUT ?? 'test-results';

/** Leave a journal row `started` under a lock nobody holds, as a tab killed mid-operation does. */
async function leaveInterrupted(page: Page, row: Record<string, unknown>): Promise<number> {
  return page.evaluate(
    (r) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('operations', 'readwrite');
          const req = tx.objectStore('operations').add({
            state: 'started',
            startedAt: Date.now() - 3_600_000,
            lock: `leadledger-operation:dead-${Math.random()}`,
            ...r,
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve(req.result as number);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    row,
  );
}

test('the interrupted-operation banner names the operation in words, and goes once the same operation succeeded', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const page = app.page;
  await app.open('/');
  await leaveInterrupted(page, {
    kind: 'import',
    summary: { fileName: 'redo-after-crash.csv', importKind: 'leads', count: 3 },
  });
  await leaveInterrupted(page, { kind: 'undo', summary: { auditSeq: 1, count: 20_000 } });
  await page.reload();
  const banner = page.getByRole('region', { name: /interrupted/ });
  const importItem = banner
    .getByTestId('interrupted-operation')
    .filter({ hasText: 'Import of redo-after-crash.csv was interrupted — nothing from it was saved.' });
  const undoItem = banner.getByTestId('interrupted-operation').filter({
    hasText: /^Undo of (the change made|the bulk edit “.+” made) .+ was interrupted — nothing was restored\./,
  });
  await expect(importItem).toBeVisible({ timeout: 60_000 });
  await expect(undoItem).toBeVisible();
  await expect(banner).not.toContainText('audit entry #');
  // The dismiss buttons say what they dismiss: the kind of operation and when it started, not a row number.
  await expect(
    importItem.getByRole('button', {
      name: /^Dismiss the notice about the import of redo-after-crash\.csv started .*\d/,
    }),
  ).toBeVisible();
  await expect(undoItem.getByRole('button', { name: /^Dismiss the notice about the undo started .*\d/ })).toBeVisible();
  await page.screenshot({ path: `${OUT}/interrupted-banner.png` });

  // The steward imports the same file again; it succeeds, and the notice about it goes on every screen.
  const screen = new ImportScreen(page);
  await screen.open();
  const rows = ['+13127200101', '+13127200102', '+13127200103'].map(
    (p, i) => `${p},Redo ${i},2026-01-0${i + 1}T10:00:00Z`,
  );
  await screen.chooseFile('redo-after-crash.csv', Buffer.from(`phone,name,acquired at\n${rows.join('\n')}\n`));
  await screen.select('Default source').fill('web-forms');
  await screen.check();
  await page
    .getByRole('button', { name: /^Import / })
    .filter({ hasText: /\d/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: /Imported as batch #\d+/ })).toBeVisible({
    timeout: 120_000,
  });
  await expect(importItem).toBeHidden();
  await page.goto('/compliance');
  await expect(undoItem).toBeVisible({ timeout: 60_000 });
  await expect(importItem).toBeHidden();
  // The undo was never run again: only Dismiss takes it away.
  await undoItem.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(banner).toBeHidden();
});
