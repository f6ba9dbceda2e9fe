/**
 * Which of the grid's columns are instants (grown, stored and put back as such: checked at compile
 * time to list every one), and how the import batch is coded in its 16-bit column.
 */
import type { InstantColumn } from '../../columns/instant-column';
import type { LeadColumns } from './lead-columns';

/** The columns of instants (instant-column.ts: 48 bits a row). */
export const INSTANT_KEYS = [
  'acquiredAt',
  'createdAt',
  'lastContactAt',
  'firstContactAt',
  'firstConnectedAt',
  'convertedAt',
  'verifiedAt',
  'dncCheckedAt',
  'nextChange',
  'consentExpiresAt',
  'retentionDeadline',
] as const satisfies readonly (keyof LeadColumns)[];
export type InstantKey = (typeof INSTANT_KEYS)[number];
/** Every column of instants is in INSTANT_KEYS (grown, stored and put back by it): a compile error names one left off. */
type UnlistedInstants = Exclude<
  { [K in keyof LeadColumns]: LeadColumns[K] extends InstantColumn ? K : never }[keyof LeadColumns],
  InstantKey
>;
export const EVERY_INSTANT_LISTED: [UnlistedInstants] extends [never] ? true : UnlistedInstants = true;

/**
 * The batch column's code of an import batch id, zigzagged so a small id has a small code: 2 × id
 * + 1 for an id from 0, −2 × id below it, 0 for none (and for an id fractional or outside
 * ±(2^31 − 1), which no import makes: asked for, it finds nothing, not the leads with none).
 */
export const batchCode = (id: number | undefined): number =>
  id === undefined || !Number.isInteger(id) || id <= -(2 ** 31) || id >= 2 ** 31 ? 0 : id >= 0 ? 2 * id + 1 : -2 * id;
