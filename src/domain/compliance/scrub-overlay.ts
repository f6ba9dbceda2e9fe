/**
 * A DNC scrub is recorded once, not written onto every lead: the scrub row keeps the moment, the
 * versions in force, the highest lead id it checked and the ids it found listed. A lead's DNC
 * check is then the later of its own (set when a write checked it, or materialised when a write
 * after the scrub read it through this overlay) and the latest scrub's, where that scrub checked
 * it: the lead was stored by then (`createdAt`, id) and still had a number (not yet anonymised).
 * The same rule the point-in-time proof uses (`checksFromScrubs`): every scrub checks every
 * lead stored at its moment. Applied in one place, under every read of a lead (db/scrub-overlay-middleware.ts).
 */
import type { Lead } from '../leads/lead';

/** What a scrub row records for the overlay. Rows written before the overlay existed have no ids: they wrote their facts onto the leads. */
export interface ScrubRecord {
  at: number;
  versionIds: number[];
  /** Ascending ids of the leads whose number was listed at `at`. */
  listedLeadIds?: readonly number[];
  /** The highest lead id the scrub read; leads stored later were not checked by it. */
  lastLeadId?: number;
}

export interface ScrubOverlay {
  at: number;
  versionIds: number[];
  lastLeadId: number;
  listed: ReadonlySet<number>;
}

/** The overlay of a scrub row, or null for a row written before the overlay (its facts are on the leads). */
export function scrubOverlay(row: ScrubRecord): ScrubOverlay | null {
  if (row.listedLeadIds === undefined || row.lastLeadId === undefined) return null;
  return { at: row.at, versionIds: row.versionIds, lastLeadId: row.lastLeadId, listed: new Set(row.listedLeadIds) };
}

export type ScrubbedFields = Pick<Lead, 'dncStatus' | 'dncCheckedAt' | 'dncCheckedVersions'>;
type OverlaidLead = Pick<Lead, 'id' | 'createdAt' | 'anonymizedAt'> & ScrubbedFields;

/** Did the scrub check this lead, with a check later than the lead's own? */
export function scrubCovers(lead: OverlaidLead, overlay: ScrubOverlay): boolean {
  return (
    lead.id <= overlay.lastLeadId &&
    lead.createdAt <= overlay.at &&
    (lead.anonymizedAt === undefined || lead.anonymizedAt > overlay.at) &&
    (lead.dncCheckedAt === undefined || lead.dncCheckedAt < overlay.at)
  );
}

/** The lead's DNC facts as the scrub found them, or null when its own check stands. */
export function scrubbedFields(lead: OverlaidLead, overlay: ScrubOverlay): ScrubbedFields | null {
  if (!scrubCovers(lead, overlay)) return null;
  return {
    dncStatus: overlay.listed.has(lead.id) ? 'listed' : 'clear',
    dncCheckedAt: overlay.at,
    // A copy per lead: a reader that sorts or edits its versions must not change another lead's.
    dncCheckedVersions: [...overlay.versionIds],
  };
}

/** The lead with the scrub's facts where the scrub checked it last (a new object; the input is left alone). */
export function withScrub<L extends OverlaidLead>(lead: L, overlay: ScrubOverlay | null): L {
  const fields = overlay ? scrubbedFields(lead, overlay) : null;
  return fields ? { ...lead, ...fields } : lead;
}
