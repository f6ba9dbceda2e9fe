/**
 * CSV import end to end through the /import wizard (P1): the dataset's leads as a vendor CSV,
 * chosen in the file input; "Check file" (parse, validate, normalise phones, dedupe) then
 * "Import N rows" (store), each timed from the click to the painted result. Every run starts
 * from an empty database, so the import creates every lead; ratio against the raw put of the
 * same records, measured in the same run (load.ts).
 */
import type { Page } from '@playwright/test';
import { probe } from '../browser';
import type { DatasetSpec } from '../dataset';
import type { PageBundles } from '../page-bundles';
import type { Sample } from '../report';
import { CHECK_BUTTON, COMMIT_BUTTON } from './import-labels';

export const IMPORT_ROW = {
  name: 'csv-import',
  goal: 'P1 (1M): ≥ 13k rows/s; ≤ 1.25× raw put; UI never frozen > 50 ms',
  note: 'Check file + Import, click to painted result',
};

/** Click `button`, and time from the click event to the frame where `selector`'s text matched `pattern`. */
export async function clickUntil(
  page: Page,
  button: string | RegExp,
  selector: string,
  pattern: string,
  timeoutMs: number,
): Promise<{ ms: number; start: number; end: number }> {
  const waiting = probe(page, 'waitMatch', selector, pattern, timeoutMs);
  waiting.catch(() => undefined);
  await page.getByRole('button', { name: button }).click();
  const { paintedAt } = await waiting;
  const start = await probe(page, 'lastInput');
  return { ms: paintedAt - start, start, end: paintedAt };
}

/** One import of `spec.size` leads into an empty database, on a freshly loaded /import page. */
export async function importOnce(
  page: Page,
  bundles: PageBundles,
  spec: DatasetSpec,
  timeoutMs: number,
): Promise<Sample> {
  await page.goto('/import?kind=leads');
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor({ timeout: timeoutMs });
  await page.evaluate(bundles.loader);
  await page.evaluate(
    ([s]) =>
      (
        globalThis as unknown as { __benchLoader: { chooseImportFile: (s: DatasetSpec, n: string) => unknown } }
      ).__benchLoader.chooseImportFile(s, 'bench-leads.csv'),
    [spec] as const,
  );
  await page.getByTestId('file-name').waitFor({ timeout: timeoutMs });
  const check = await clickUntil(page, CHECK_BUTTON, '[data-testid="count-rows"]', '\\d', timeoutMs);
  const created = Number((await page.getByTestId('count-create').locator('dd').first().innerText()).replace(/\D/g, ''));
  // A handful of generated numbers may fall in ranges libphonenumber calls unallocated.
  if (created < spec.size * 0.99) throw new Error(`the check says ${created} leads to create, expected ${spec.size}`);
  const commit = await clickUntil(page, COMMIT_BUTTON, '[role="status"]', 'Imported as batch #\\d+', timeoutMs);
  const longest = Math.max(
    (await probe(page, 'longestTask', check.start, check.end)) ?? 0,
    (await probe(page, 'longestTask', commit.start, commit.end)) ?? 0,
  );
  return { ms: check.ms + commit.ms, longestTaskMs: longest };
}
