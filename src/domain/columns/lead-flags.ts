/**
 * The bits of a lead's `flags` column, one meaning per bit across both column engines: the
 * grid's lead columns (lead-columns.ts, Uint8Array: bits 0-4) and the cohort snapshot
 * (columnar-snapshot.ts, Uint16Array: bits 0-2 and 5-9). The grid's bits are persisted in its
 * IndexedDB snapshot: moving one means bumping SNAPSHOT_FORMAT (engine-snapshot-repo.ts).
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

/** Cohorts: a call ended as a wrong number. */
export const BIT_WRONG_NUMBER = 5;
export const FLAG_WRONG_NUMBER = 1 << BIT_WRONG_NUMBER;
/** Cohorts: listed on a DNC list, or a call asked not to be called again. */
export const BIT_DNC_HIT = 6;
export const FLAG_DNC_HIT = 1 << BIT_DNC_HIT;
/** Cohorts: contacted and the first contact's time is known (the median of days to first contact reads it). */
export const FLAG_HAS_CONTACT_TIME = 1 << 7;
/** Cohorts: anonymised by a purge (the lifecycle's "suppressed"). */
export const FLAG_ANONYMIZED = 1 << 8;
/** Cohorts: the lead's latest consent event for calls is a withdrawal (the lifecycle's "suppressed"). */
export const FLAG_CONSENT_WITHDRAWN = 1 << 9;
