/**
 * The grid engine's state as a test reads it: the stored snapshot's data version against the
 * data's (straight from IndexedDB), and how the engine on screen opened (its note beside the count).
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The snapshot head and the data version, read straight from IndexedDB. */
export function engineState(page: Page): Promise<{ snapshotVersion: string | null; dataVersion: string | null }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // The snapshot's head in the engine's cache; the data version in the change-log table (v008).
          const tx = open.result.transaction(['engine', 'changes'], 'readonly');
          const head = tx.objectStore('engine').get('grid:head');
          const version = tx.objectStore('changes').get('dataVersion');
          version.onsuccess = () => {
            resolve({
              snapshotVersion: (head.result as { dataVersion?: string } | undefined)?.dataVersion ?? null,
              dataVersion: (version.result as { value?: string } | undefined)?.value ?? null,
            });
            open.result.close();
          };
        };
      }),
  );
}

/** How the engine on screen opened: from the snapshot or built, the rows it read, the count shown. */
export async function openedWith(page: Page) {
  const note = page.getByTestId('engine-note');
  await expect(note).toBeVisible({ timeout: 90_000 });
  return {
    snapshot: await note.getAttribute('data-snapshot'),
    rowsRead: Number(await note.getAttribute('data-rows-read')),
    count: await page.getByTestId('grid-count').textContent(),
  };
}

/** Wait until the engine has stored the snapshot of the data as they are now (on failure, what it saw). */
export async function snapshotStored(page: Page) {
  await expect
    .poll(
      async () => {
        const s = await engineState(page);
        if (s.snapshotVersion !== null && s.snapshotVersion === s.dataVersion) return 'stored';
        const note = page.getByTestId('engine-note');
        return JSON.stringify({
          ...s,
          opened: await note.getAttribute('data-snapshot'),
          saveFailed: await note.getAttribute('data-save-failed'),
        });
      },
      { timeout: 30_000 },
    )
    .toBe('stored');
}
