/**
 * The leads a catch-up works on, as a read of the table gives them now: those handed over by
 * their writer (grid-written-leads.ts; decision 051) where the change log names that write as the
 * lead's last, the latest scrub laid over them as every read does; the rest read by key.
 */
import type { LeadsDb } from '../db/leads-db';
import { leadsByKey } from '../db/repos/world-by-key';
import { latestScrubOverlay } from '../db/scrub-overlay-middleware';
import { withScrub, type ScrubOverlay } from '../domain/compliance/scrub-overlay';
import type { Lead } from '../domain/leads/lead';
import type { WrittenLeads } from './grid-written-leads';

/** Leads read from the table per slice. */
const READ_SLICE = 2_000;
/** Leads handed over, per slice: their histories and numbers' DNC entries read together, one judge. */
const HANDED_SLICE = 20_000;

function slicesOf(ids: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < ids.length; k += size) out.push(ids.slice(k, k + size));
  return out;
}

export interface CatchUpLeads {
  /** `wanted` (sorted) in slices: those handed over first, in slices of HANDED_SLICE; the rest of READ_SLICE. */
  slices: number[][];
  /** The leads of one slice, in id order, missing ones left out; and how many of them were handed over. */
  read(ids: readonly number[]): Promise<{ leads: Lead[]; handed: number }>;
}

export function catchUpLeads(
  db: LeadsDb,
  wanted: readonly number[],
  lastToken: ReadonlyMap<number, string | null>,
  written: WrittenLeads | null,
): CatchUpLeads {
  const handedOf = (id: number): Lead | undefined => {
    const token = lastToken.get(id);
    return token && written ? written.lead(token, id) : undefined;
  };
  const handedIds = written ? wanted.filter((id) => handedOf(id) !== undefined) : [];
  const readIds = handedIds.length > 0 ? wanted.filter((id) => handedOf(id) === undefined) : wanted;
  let overlay: Promise<ScrubOverlay | null> | null = null;
  return {
    slices: [...slicesOf(handedIds, HANDED_SLICE), ...slicesOf(readIds, READ_SLICE)],
    async read(ids) {
      const handed = new Map<number, Lead>();
      const rest: number[] = [];
      for (const id of ids) {
        const lead = handedOf(id);
        if (lead) handed.set(id, lead);
        else rest.push(id);
      }
      if (handed.size === 0) return { leads: await leadsByKey(db, ids), handed: 0 };
      const [scrub, read] = await Promise.all([
        (overlay ??= latestScrubOverlay(db)),
        rest.length > 0 ? leadsByKey(db, rest) : [],
      ]);
      const readById = new Map(read.map((l) => [l.id, l]));
      const leads: Lead[] = [];
      for (const id of ids) {
        const given = handed.get(id);
        const lead = given ? withScrub(given, scrub) : readById.get(id);
        if (lead) leads.push(lead);
      }
      return { leads, handed: handed.size };
    },
  };
}
