/**
 * DNC lists in IndexedDB: lists, their immutable versions, and `dncEntries` (one row per list
 * and number, with the version that added it and the one that removed it). A version is
 * imported whole from a file; the internal list also takes single numbers that apply at once.
 * Each write is one transaction with its audit entry. Leads are not touched by an import:
 * they need a re-check (a scrub) against the new version, which is what the queue shows.
 */
import Dexie from 'dexie';
import { decodeDncFile, parseDncFile } from '../../domain/compliance/dnc-file';
import type { DncList, DncListVersion } from '../../domain/compliance/dnc-list';
import { diffVersion } from '../../domain/compliance/dnc-version-diff';
import { sha256HexBytes } from '../../domain/audit/audit-hash';
import { normalisePhone } from '../../domain/leads/phone';
import type { LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { INTERNAL_LIST_ID, ensureInternalList } from './internal-dnc';

export class DncWriteError extends Error {
  constructor(
    readonly code:
      | 'unknown-list'
      | 'unreadable-file'
      | 'no-numbers'
      | 'published-in-future'
      | 'older-than-current'
      | 'invalid-number',
    message: string = code,
  ) {
    super(message);
  }
}

export interface DncListRow extends DncList {
  versions: DncListVersion[];
  /** Numbers the list carries now (its rows not removed). */
  listed: number;
}

/** The rows of one list (the primary key starts with the list id). */
function rowsOf(db: LeadsDb, listId: string) {
  return db.dncEntries.where('[listId+phoneE164]').between([listId, Dexie.minKey], [listId, Dexie.maxKey]);
}

/** Every list with its versions (newest first) and how many numbers it lists now. */
export async function listDncLists(db: LeadsDb): Promise<DncListRow[]> {
  return db.transaction('r', [db.dncLists, db.dncListVersions, db.dncEntries], async () => {
    const [lists, versions] = await Promise.all([db.dncLists.toArray(), db.dncListVersions.toArray()]);
    return Promise.all(
      lists.map(async (l) => ({
        ...l,
        versions: versions
          .filter((v) => v.listId === l.id)
          .sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id),
        // A file list lists what its newest version does; only the internal list is counted row by row (it is small).
        listed:
          l.kind === 'internal'
            ? await rowsOf(db, l.id)
                .filter((e) => e.removedVersionId === undefined)
                .count()
            : (versions.filter((v) => v.listId === l.id).sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id)[0]
                ?.rowCount ?? 0),
      })),
    );
  });
}

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

/**
 * Put one number on the internal list, effective at `at` ("do not call me", from the drawer or
 * a call outcome `dnc-requested`). Call inside a read-write transaction over leads, dncLists,
 * dncListVersions and dncEntries; returns the ids of the leads with that number.
 */
export async function addInternalDncInTransaction(
  db: LeadsDb,
  phoneE164: string,
  at: number,
): Promise<{ added: boolean; leadIds: number[] }> {
  const versionId = await ensureInternalList(db, at);
  const existing = await db.dncEntries.get([INTERNAL_LIST_ID, phoneE164]);
  const listedAlready =
    existing !== undefined &&
    existing.removedVersionId === undefined &&
    (existing.addedAt === undefined || existing.addedAt <= at);
  if (!listedAlready)
    await db.dncEntries.put({ listId: INTERNAL_LIST_ID, phoneE164, addedVersionId: versionId, addedAt: at });
  const leads = await db.leads.where('phoneE164').equals(phoneE164).toArray();
  // The scrub's record follows at once; the verdict reads the entry itself either way.
  await db.leads.bulkPut(
    leads.filter((l) => l.dncStatus !== 'listed').map((l) => ({ ...l, dncStatus: 'listed' as const, updatedAt: at })),
  );
  return { added: !listedAlready, leadIds: leads.map((l) => l.id) };
}

/** Add a number (as typed, or a lead's) to the internal list; audited on the leads it concerns. */
export async function addToInternalDnc(
  db: LeadsDb,
  input: { phone: string; defaultRegion: string; note?: string },
  now = Date.now(),
): Promise<{ phoneE164: string; added: boolean; leadIds: number[] }> {
  const n = normalisePhone(input.phone, input.defaultRegion);
  if (!n.ok) throw new DncWriteError('invalid-number', n.problem);
  return db.transaction(
    'rw',
    [db.leads, db.dncLists, db.dncListVersions, db.dncEntries, db.audit, db.settings],
    async () => {
      const result = await addInternalDncInTransaction(db, n.e164, now);
      if (result.added) {
        const entity = result.leadIds.length > 0 ? 'lead' : 'dnc-list';
        const ids = result.leadIds.length > 0 ? result.leadIds : [INTERNAL_LIST_ID];
        await appendAudit(
          db,
          {
            action: 'dnc-add',
            entity,
            ids,
            before: null,
            after: { list: INTERNAL_LIST_ID, phoneE164: n.e164 },
            ...(input.note ? { note: input.note } : {}),
          },
          now,
        );
      }
      return { phoneE164: n.e164, ...result };
    },
  );
}

/** The scrubs run so far, newest first. */
export function listDncScrubs(db: LeadsDb) {
  return db.dncScrubs.orderBy('at').reverse().toArray();
}
