/**
 * The retention dry run read off the engine's columns: the leads whose verdict at `at` (their
 * reason bits) says `retention-expired`, and what their acquisition months lose — the same plan
 * the purge makes from the tables (retention-plan.ts), with no lead read or judged again.
 */
import { FLAG_CONNECTED, FLAG_CONVERTED, FLAG_DELETED } from '../../columns/lead-flags';
import { planFor, type PlannedLead, type PurgeMode, type PurgePlan } from '../../compliance/retention-plan';
import { reasonBit } from '../../compliance/verdict-bits';
import type { LeadColumns } from './lead-columns';
import { instantAt } from '../../columns/instant-column';

/** The rows still in place (a deleted lead's row stays flagged until the next full build). */
export function liveRows(cols: LeadColumns): Uint32Array {
  const out = new Uint32Array(cols.n);
  let k = 0;
  for (let i = 0; i < cols.n; i++) if (!(cols.flags[i]! & FLAG_DELETED)) out[k++] = i;
  return out.subarray(0, k);
}

/** The plan for `rows` given their reason bits at `at` (`bits[k]` is row `rows[k]`'s). */
export function retentionPlanFromColumns(
  cols: LeadColumns,
  rows: Uint32Array,
  bits: Uint16Array,
  timeZone: string,
  at: number,
  mode: PurgeMode,
): PurgePlan {
  const expired = reasonBit('retention-expired');
  const leadIds: number[] = [];
  for (let k = 0; k < rows.length; k++) if (bits[k]! & expired) leadIds.push(cols.ids[rows[k]!]!);
  function* leads(): Generator<PlannedLead> {
    for (const i of rows) {
      const f = cols.flags[i]!;
      // Only whether a lead connected or converted is counted, not when.
      yield {
        id: cols.ids[i]!,
        acquiredAt: instantAt(cols.acquiredAt, i),
        attempts: cols.attempts[i]!,
        ...(f & FLAG_CONNECTED ? { firstConnectedAt: at } : {}),
        ...(f & FLAG_CONVERTED ? { convertedAt: at } : {}),
      };
    }
  }
  return planFor(leadIds, leads(), timeZone, at, mode);
}
