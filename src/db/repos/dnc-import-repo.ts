/**
 * A DNC file read for its preview (hashed, decoded, parsed; nothing written) and imported as the
 * next immutable version of a list, in one transaction with its audit entry (the compliance worker
 * runs both). Kept apart from dnc-repo.ts so that the file parser is loaded only where files are read.
 */
import { decodeDncFile, parseDncFile } from '../../domain/compliance/dnc-file';
import type { DncListVersion } from '../../domain/compliance/dnc-list';
import { diffVersion } from '../../domain/compliance/dnc-version-diff';
import { sha256HexBytes } from '../../domain/audit/audit-hash';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { DncWriteError, rowsOf } from './dnc-repo';

export interface DncFileSummary {
  fileName: string;
  sha256: string;
  encoding: string;
  rowCount: number;
  numbers: number;
  duplicates: number;
  invalidCount: number;
  invalid: { line: number; text: string; problem: string }[];
  column?: string;
}

/** Read a file for the preview: hash, decode and parse it (nothing is written). */
export function readDncFile(bytes: Uint8Array, fileName: string, defaultRegion: string) {
  // Hashed and parsed before any transaction: a transaction must never wait on this work.
  const sha256 = sha256HexBytes(bytes);
  const { text, encoding } = decodeDncFile(bytes);
  const parsed = parseDncFile(text, defaultRegion);
  if (!parsed.ok) return { ok: false as const, problem: parsed.problem, columns: parsed.columns ?? [] };
  const { numbers, rowCount, duplicates, invalidCount, invalid, column } = parsed;
  const summary: DncFileSummary = {
    fileName,
    sha256,
    encoding,
    rowCount,
    numbers: numbers.length,
    duplicates,
    invalidCount,
    invalid,
    ...(column ? { column } : {}),
  };
  return { ok: true as const, summary, numbers };
}

export interface DncImportResult {
  version: DncListVersion;
  summary: DncFileSummary;
  added: number;
  removed: number;
  unchanged: number;
}

/**
 * Import a file as the next version of `listId`, published at `publishedAt` (the date the
 * steward reads on the registry's file). Versions are immutable and come in publication order.
 */
export async function importDncVersion(
  db: LeadsDb,
  input: { listId: string; fileName: string; bytes: Uint8Array; publishedAt: number; defaultRegion: string },
  now = Date.now(),
): Promise<DncImportResult> {
  const read = readDncFile(input.bytes, input.fileName, input.defaultRegion);
  if (!read.ok) throw new DncWriteError('unreadable-file', read.problem);
  if (read.numbers.length === 0) throw new DncWriteError('no-numbers');
  if (input.publishedAt > now) throw new DncWriteError('published-in-future');
  const { summary, numbers } = read;
  return db.transaction('rw', [db.dncLists, db.dncListVersions, db.dncEntries, db.audit, db.settings], async () => {
    if (!(await db.dncLists.get(input.listId))) throw new DncWriteError('unknown-list');
    const latest = await db.dncListVersions.where('listId').equals(input.listId).toArray();
    if (latest.some((v) => v.publishedAt > input.publishedAt)) throw new DncWriteError('older-than-current');
    const draft = {
      listId: input.listId,
      publishedAt: input.publishedAt,
      importedAt: now,
      fileName: input.fileName,
      sha256: summary.sha256,
      rowCount: numbers.length,
      rowsRead: summary.rowCount,
      invalidCount: summary.invalidCount,
      duplicates: summary.duplicates,
    };
    const id = await db.dncListVersions.add(draft as DncListVersion);
    const version = { ...draft, id } as DncListVersion;
    const diff = diffVersion(input.listId, await rowsOf(db, input.listId).toArray(), numbers, id);
    await db.dncEntries.bulkPut(diff.puts);
    const { invalid: _lines, ...facts } = summary;
    await appendAudit(
      db,
      {
        action: 'dnc-import',
        entity: 'dnc-list',
        ids: [input.listId, id],
        before: null,
        after: { ...facts, publishedAt: input.publishedAt, added: diff.added, removed: diff.removed },
      },
      now,
    );
    return { version, summary, added: diff.added, removed: diff.removed, unchanged: diff.unchanged };
  });
}
