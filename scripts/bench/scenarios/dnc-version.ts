/**
 * A new version of a DNC list into the stored dataset, as a steward imports the month's UK TPS
 * file (issue 14: every write caught up by the engine, no full rebuild): Compliance → DNC →
 * choose the list and the file → Import version. The file is the list as stored with one number
 * in fifty dropped and 3,000 of the dataset's UK leads' numbers added, so every lead goes stale
 * for the list and about 3,150 leads are listed or lifted. A scrub first (not timed) leaves no lead
 * to re-check. Times the import (click to "imported" painted) and the catch-up (to the re-check
 * count painted again, every lead in it), with the grid worker's steps
 * since the click (any rebuild named). It runs in a browser of its own after the runs: it moves
 * every lead's verdict.
 */
import type { Page } from '@playwright/test';
import { probe } from '../browser';
import { generateLead, type DatasetSpec } from '../dataset';
import { formatSteps, workerNow, workerSteps } from '../engine-report';
import type { Scenario } from './types';

const LIST = { id: 'tps-uk', name: 'UK TPS' };
const ADDED = 3_000;
const FORM = 'form[aria-label="Import a new version"]';
const RECHECK = '[data-testid="recheck-count"][aria-busy="false"]';

/** The numbers the list holds now (its entries not removed), read off the page's database. */
function storedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(
    (listId) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db
            .transaction('dncEntries')
            .objectStore('dncEntries')
            .getAll(IDBKeyRange.bound([listId, ''], [listId, '\uffff']));
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            db.close();
            const rows = req.result as { phoneE164: string; removedVersionId?: number }[];
            resolve(rows.filter((r) => r.removedVersionId === undefined).map((r) => r.phoneE164));
          };
        };
      }),
    LIST.id,
  );
}

/** UK leads' numbers the list does not hold, from the dataset's generator, a different stretch of ids each run. */
function leadNumbers(spec: DatasetSpec, run: number, held: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const stride = Math.floor(spec.size / 4);
  for (let id = 1 + ((run * stride) % spec.size), seen = 0; out.length < ADDED && seen < spec.size; id++, seen++) {
    const lead = generateLead(spec, ((id - 1) % spec.size) + 1).leads[0]!;
    if (lead.region === 'GB' && !held.has(lead.phoneE164)) out.push(lead.phoneE164);
  }
  return out;
}

export const dncVersion: Scenario = {
  id: 'dnc-version',
  route: '/compliance',
  ownSession: true,
  rows: [
    {
      name: 'dnc-version-import',
      note: 'a new UK TPS version (1 in 50 of its numbers dropped, 3,000 leads’ numbers added): "Import version" click to "imported" painted',
    },
    {
      name: 'dnc-version-recheck',
      goal: 'issue 14: a write caught up by the engine, no full rebuild',
      note: '"imported" painted to the re-check count painted again (every lead stale for the new version)',
    },
  ],
  async measure(ctx) {
    const { page, spec, run, timeoutMs } = ctx;
    await page.goto('/compliance/dnc');
    await probe(page, 'waitMatch', RECHECK, '^[\\d,]+$', timeoutMs);
    // A scrub first (not timed), so that no lead needs a re-check and the version's effect shows.
    const scrubbed = probe(page, 'waitMatch', '[role="status"]', 'Scrub complete', timeoutMs * 4);
    scrubbed.catch(() => undefined);
    await page.getByRole('button', { name: 'Scrub all leads now' }).click();
    await scrubbed;
    await probe(page, 'waitMatch', RECHECK, '^0$', timeoutMs * 4);
    const held = await storedNumbers(page);
    const kept = held.filter((_, i) => i % 50 !== 0);
    const added = leadNumbers(spec, run, new Set(held));
    const form = page.locator(FORM);
    await form.getByLabel('List').selectOption({ label: LIST.name });
    await form.getByLabel('File').setInputFiles({
      name: `tps-${run}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(['phone', ...kept, ...added, ''].join('\n')),
    });
    await page.getByTestId('dnc-file-preview').waitFor({ timeout: timeoutMs });
    const since = await workerNow(page);
    const imported = probe(page, 'waitMatch', `${FORM} [role="status"]`, 'imported', timeoutMs);
    imported.catch(() => undefined);
    await form.getByRole('button', { name: 'Import version' }).click();
    const { paintedAt } = await imported;
    const start = await probe(page, 'lastInput');
    // The re-check count as the engine answers after the version: every lead again, settled.
    const recheck = await probe(page, 'waitMatch', RECHECK, '^[1-9][\\d,]*$', timeoutMs * 4);
    const steps = await workerSteps(page, since);
    const rebuilt = Object.keys(steps).filter(
      (k) => k.startsWith('engine:catch-up:rebuild') || k.startsWith('engine:build'),
    );
    const recheckAfter = await probe(page, 'textOf', RECHECK);
    console.error(
      `      ${held.length} held, ${added.length} added; re-check 0 → ${recheckAfter}; worker: ${formatSteps(steps)}`,
    );
    return {
      'dnc-version-import': {
        ms: paintedAt - start,
        longestTaskMs: await probe(page, 'longestTask', start, paintedAt),
        detail: { held: held.length, removed: held.length - kept.length, added: added.length },
      },
      'dnc-version-recheck': {
        ms: recheck.paintedAt - paintedAt,
        longestTaskMs: await probe(page, 'longestTask', paintedAt, recheck.paintedAt),
        detail: { recheckAfter, rebuilt, steps },
      },
    };
  },
};
