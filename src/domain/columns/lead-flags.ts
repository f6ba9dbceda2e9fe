/**
 * The bits of a lead's `flags` column (Uint16Array), one meaning per bit across the engine's
 * lead columns (lead-columns.ts: bits 0-5 and 8-11, the facts as read from the lead and its
 * history) and the cohort snapshot derived from them (columnar-snapshot.ts: bits 0-2 and 5-9).
 * The grid's bits are persisted in its IndexedDB snapshot: moving one means bumping
 * SNAPSHOT_FORMAT (engine-snapshot-repo.ts).
 */

/** The lead has at least one call. */
export const FLAG_CONTACTED = 1 << 0;
/** A live person answered a call (DESIGN.md §5 "connected"). */
export const BIT_CONNECTED = 1;
export const FLAG_CONNECTED = 1 << BIT_CONNECTED;
/** A call converted. */
export const FLAG_CONVERTED = 1 << 2;

/** Grid: the verdict at the engine's clock allows a call. */
export const FLAG_CALLABLE = 1 << 3;
/** Grid: the row's lead was deleted since the columns were built (its row is kept, skipped). */
export const FLAG_DELETED = 1 << 4;

/** A call ended as a wrong number (from the lead's history). */
export const BIT_WRONG_NUMBER = 5;
export const FLAG_WRONG_NUMBER = 1 << BIT_WRONG_NUMBER;
/** Cohorts: listed on a DNC list, or a call asked not to be called again. */
export const BIT_DNC_HIT = 6;
export const FLAG_DNC_HIT = 1 << BIT_DNC_HIT;
/** Cohorts: contacted and the first contact's time is known (the median of days to first contact reads it). */
export const FLAG_HAS_CONTACT_TIME = 1 << 7;
/** Anonymised by a purge (the lifecycle's "suppressed"). */
export const FLAG_ANONYMIZED = 1 << 8;
/** The lead's latest consent event for calls is a withdrawal (the lifecycle's "suppressed"; from its history). */
export const FLAG_CONSENT_WITHDRAWN = 1 << 9;

/** Grid: a call asked not to be called again (from the lead's history; the cohorts' DNC hit with FLAG_LISTED). */
export const FLAG_DNC_REQUESTED = 1 << 10;
/** Grid: the lead's stored DNC status is "listed" (scrubs laid over it). */
export const FLAG_LISTED = 1 << 11;

/** The bits read from a lead's calls and consents (historyFlags): kept with its cached judgement. */
export const HISTORY_FLAGS = FLAG_WRONG_NUMBER | FLAG_DNC_REQUESTED | FLAG_CONSENT_WITHDRAWN;
