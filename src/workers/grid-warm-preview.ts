/**
 * The bulk edit's Preview run once ahead, in idle time, so that a steward's first Preview runs
 * optimised code. Cold, the Preview of 10,000 leads took the engine 170–250 ms in Chromium against
 * ~30 ms in Node: the loop ran in V8's interpreter while the compiler threads that would optimise
 * it waited for a core (the selection being read for the Apply, the page and an idle-time sort on
 * the machine's two) — idsAscending's plain loop ran at ~100 ns a row. Run here with each kind
 * of field edit, and thrown away (nothing is written): in the engine's first idle pause, and as a
 * bulk edit dialog opens, over its selection (the steward then takes a moment to choose), whichever
 * comes first for the columns held.
 */
import type { BulkOp } from '../domain/leads/bulk-edit';
import { previewFromColumns } from '../domain/leads/index/bulk-preview-from-columns';
import type { LeadColumns } from '../domain/leads/index/lead-columns';

/** As many leads as the Preview the bench times (a 10,000-lead selection). */
export const WARM_PREVIEW_LEADS = 10_000;

/** A tag, source and campaign no lead is likely to carry (it does not matter: the counts are thrown away). */
const NO_TAG = '\u0000warm';

const WARM_OPS: readonly BulkOp[] = [
  { kind: 'add-tags', tags: [NO_TAG] },
  { kind: 'remove-tags', tags: [NO_TAG] },
  { kind: 'set-source', sourceId: NO_TAG },
  { kind: 'set-campaign', campaignId: NO_TAG },
  { kind: 'mark-verified' },
];

const warmed = new WeakSet<LeadColumns>();

/** Leads a task: the warm-up yields between slices, so a question asked meanwhile waits for one slice at most. */
export const WARM_SLICE = 2_000;

/** Moves when a real Preview is asked: a warm-up under way stops (its work is done by then). */
let generation = 0;

/** A Preview was asked for: any warm-up under way stops at its next slice. */
export function stopWarmingPreview(): void {
  generation++;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the Preview over `ids` (the selection of a bulk edit dialog just opened) or a spread of
 * `cols`' leads, up to WARM_PREVIEW_LEADS, once per columns object: the first operation over
 * them all (the code every operation shares), the others over one slice (their own branches).
 * Resolves 'ran' when it ran to its end now, 'stopped' when a Preview was asked meanwhile, false
 * when these columns were warmed already. Its first slice also checks once that the columns' ids
 * ascend (`idsAscending`: one pass over every row, a few ms warm, up to ~100 ms cold at 1M).
 */
export async function warmPreview(
  cols: LeadColumns,
  now: number,
  ids?: ArrayLike<number>,
): Promise<'ran' | 'stopped' | false> {
  if (warmed.has(cols) || cols.n === 0) return false;
  warmed.add(cols);
  let sample: Int32Array;
  if (ids?.length) sample = Int32Array.from(Array.prototype.slice.call(ids, 0, WARM_PREVIEW_LEADS) as number[]);
  else {
    const step = Math.max(1, Math.floor(cols.n / WARM_PREVIEW_LEADS));
    sample = new Int32Array(Math.min(cols.n, WARM_PREVIEW_LEADS));
    for (let k = 0; k < sample.length; k++) sample[k] = cols.ids[k * step]!;
  }
  const asked = generation;
  try {
    for (const [i, op] of WARM_OPS.entries()) {
      const end = i === 0 ? sample.length : Math.min(sample.length, WARM_SLICE);
      for (let from = 0; from < end; from += WARM_SLICE) {
        await nextTask();
        if (asked !== generation) return 'stopped';
        previewFromColumns(cols, sample.subarray(from, Math.min(end, from + WARM_SLICE)), op, now);
      }
    }
  } catch {
    // Best effort: a Preview that cannot run here runs (and reports) when the steward asks for it.
  }
  return 'ran';
}
