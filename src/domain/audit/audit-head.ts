/**
 * The chain head kept outside the audit table. The chain alone cannot show its newest entries
 * removed (the entries before still verify), so every append also writes the new head's seq
 * and hash and the number of entries into the settings table, in the same transaction; Verify
 * compares the table with it. Exports carry the head too (export-repo.ts), for comparison
 * from outside the database.
 */
import { z } from 'zod';
import type { ChainProblem } from './audit-hash';

export const keptHeadSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  /** How many entries the table must hold. */
  count: z.number().int().nonnegative(),
});
export type KeptHead = z.infer<typeof keptHeadSchema>;

interface HeadFields {
  seq?: unknown;
  hash?: unknown;
  legacyHash?: unknown;
}

/**
 * What the table (rows in seq order) says against the kept head: newest entries missing, fewer
 * entries than were appended, or the entry at the kept seq carrying another hash. A table ahead
 * of the kept head is not reported: the v003 upgrade re-chains without an append (its record
 * then matches by `legacyHash`), and new entries are checked by the chain itself.
 */
export function headProblems(rows: readonly unknown[], kept: KeptHead | undefined): ChainProblem[] {
  if (!kept) return [];
  const fields = rows.map((r) => (r && typeof r === 'object' ? (r as HeadFields) : {}));
  const seqs = fields.map((f) => (typeof f.seq === 'number' ? f.seq : -1));
  const tableHead = Math.max(0, ...seqs);
  const problems: ChainProblem[] = [];
  if (tableHead < kept.seq) problems.push({ seq: kept.seq, index: rows.length, problem: 'newest-missing' });
  else {
    const at = seqs.indexOf(kept.seq);
    const entry = fields[at];
    if (kept.seq > 0 && (!entry || (entry.hash !== kept.hash && entry.legacyHash !== kept.hash)))
      problems.push({ seq: kept.seq, index: at < 0 ? rows.length : at, problem: 'head-mismatch' });
  }
  if (rows.length < kept.count && problems.length === 0)
    problems.push({ seq: kept.seq, index: rows.length, problem: 'entries-missing' });
  return problems;
}
