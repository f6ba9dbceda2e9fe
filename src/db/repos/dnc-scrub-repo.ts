/**
 * The DNC scrub: every lead checked against the versions in force. Built for a million leads
 * against millions of numbers: the entries are read in key order a large page at a time into
 * one set of the numbers listed now; then the leads' numbers are read off the phone index (keys
 * only, never a lead's value) a chunk at a time and looked up in it. Nothing is written to the
 * leads: the scrub row records the ids found listed and the highest id read, and every read of
 * a lead lays the latest scrub over it (domain/compliance/scrub-overlay.ts, applied by
 * db/scrub-overlay-middleware.ts). The row and its single audit entry are written in one
 * transaction at the end, so a scrub cut short changed nothing and claims nothing.
 */
import Dexie from 'dexie';
import { scrubBasisBuilder, type ScrubBasis } from '../../domain/compliance/dnc-scrub';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { DncListState } from '../../domain/compliance/verdict-types';
import { dncListStates } from '../../domain/compliance/compliance-world';
import type { DncScrub, LeadsDb } from '../leads-db';
import { isHashedPhone } from '../../domain/compliance/anonymise';
import { scrubOverlay, type ScrubOverlay } from '../../domain/compliance/scrub-overlay';
import { appendAudit } from './audit-repo';
import { journaled, markDone, type JournalEntry } from './operation-journal-repo';
import { measureSince, timed } from '../../workers/grid-timing';
import { readDataVersion } from './engine-snapshot-repo';
import { forEachLeadPhone, type PackedLeadPhones } from '../../domain/leads/index/lead-phones-from-columns';

/** Pages and chunks small enough that the progress line moves within a second, even with millions of entries. */
const ENTRY_PAGE = 50_000;
const LEAD_CHUNK = 20_000;

/** In the unit of the phase: listed numbers read (of every entry of the active lists), then leads checked. */
export interface ScrubProgress {
  phase: 'lists' | 'leads' | 'done';
  done: number;
  total: number;
}

export interface ScrubResult extends DncScrub {
  lists: ScrubBasis['lists'];
  ms: number;
  /** Where the time went: reading the lists into a set, and checking the leads (their numbers read off the engine's columns, or off the phone index). */
  phases: { listsMs: number; leadsMs: number; leadsFrom: 'engine' | 'index' };
}

/** The lists with their versions, as the verdict sees them. */
async function listStates(db: LeadsDb): Promise<DncListState[]> {
  const [lists, versions] = await Promise.all([db.dncLists.toArray(), db.dncListVersions.toArray()]);
  return dncListStates(lists, versions);
}

/** The lists with their versions, as the verdict sees them, read together. */
export function readDncListStates(db: LeadsDb): Promise<DncListState[]> {
  return db.transaction('r', [db.dncLists, db.dncListVersions], () => listStates(db));
}

/** The numbers listed at `at`, read page by page in primary-key order. */
async function buildBasis(
  db: LeadsDb,
  lists: DncListState[],
  at: number,
  progress: (p: ScrubProgress) => void,
): Promise<ScrubBasis> {
  const builder = scrubBasisBuilder(lists, at);
  const active = lists.filter((l) => l.active);
  const range = (listId: string) =>
    db.dncEntries.where('[listId+phoneE164]').between([listId, Dexie.minKey], [listId, Dexie.maxKey]);
  const counts = await Promise.all(active.map((l) => range(l.listId).count()));
  const total = counts.reduce((a, b) => a + b, 0);
  let done = 0;
  progress({ phase: 'lists', done, total });
  // The next page is asked for as soon as a page arrives: it is read while this one is added.
  const pageFrom = (listId: string, from: string | typeof Dexie.minKey) =>
    timed('scrub:lists:read', () =>
      db.dncEntries
        .where('[listId+phoneE164]')
        .between([listId, from], [listId, Dexie.maxKey], false, true)
        .limit(ENTRY_PAGE)
        .toArray(),
    );
  for (const list of active) {
    let next = pageFrom(list.listId, Dexie.minKey);
    for (;;) {
      const page: DncEntry[] = await next;
      const full = page.length === ENTRY_PAGE;
      if (full) next = pageFrom(list.listId, page[page.length - 1]!.phoneE164);
      builder.add(page);
      done += page.length;
      progress({ phase: 'lists', done, total: Math.max(total, done) });
      if (!full) break;
    }
  }
  return builder.basis();
}

/**
 * Where the scrub may read the leads' numbers instead of walking the phone index: the grid
 * engine's columns, when they hold the leads as they are at the version given (the one the scrub
 * read as it started) or later, as the walk would read them; null when they do not (or the engine
 * cannot answer in time), and the index is walked.
 */
export type EngineLeadPhones = (dataVersion: string) => Promise<PackedLeadPhones | null>;

/** Scrub every lead at `now`; `progress` hears after each page and chunk. Journaled (operation-journal-repo.ts). */
export function scrubAllLeads(
  db: LeadsDb,
  now = Date.now(),
  progress: (p: ScrubProgress) => void = () => {},
  enginePhones?: EngineLeadPhones,
  engineWaitMs = ENGINE_PHONES_WAIT_MS,
): Promise<ScrubResult> {
  const engine = enginePhones && { phones: enginePhones, waitMs: engineWaitMs };
  return journaled(db, 'dnc-scrub', {}, (journal) => scrub(db, journal, now, progress, engine), now);
}

/** The engine's numbers and how long to wait for them. */
interface EngineAsk {
  phones: EngineLeadPhones;
  waitMs: number;
}

/** How long the scrub waits for the engine's numbers (a build's judging loop can hold it) before walking the index. */
export const ENGINE_PHONES_WAIT_MS = 10_000;

/** The engine's numbers of the leads from `dataVersion` on (asked once the lists are read: the engine has opened by then). */
async function askEngine(dataVersion: string | null, engine: EngineAsk | undefined) {
  if (!engine || dataVersion === null) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), engine.waitMs)));
  try {
    return await timed('scrub:engine-phones', () => Promise.race([engine.phones(dataVersion).catch(() => null), late]));
  } finally {
    clearTimeout(timer);
  }
}

async function scrub(
  db: LeadsDb,
  journal: JournalEntry,
  now: number,
  progress: (p: ScrubProgress) => void,
  engine: EngineAsk | undefined,
): Promise<ScrubResult> {
  const started = performance.now();
  const dataVersion = await readDataVersion(db);
  const lists = await db.transaction('r', [db.dncLists, db.dncListVersions], () => listStates(db));
  const basis = await timed('scrub:lists', () => buildBasis(db, lists, now, progress));
  const listsDone = performance.now();
  const packed = await askEngine(dataVersion, engine);
  const total = packed ? packed.ids.length : await db.leads.count();
  progress({ phase: 'leads', done: 0, total });
  const onChunk = (done: number) => progress({ phase: 'leads', done, total: Math.max(total, done) });
  const checked = await timed('scrub:leads', async () =>
    packed ? checkPackedLeads(packed, basis, onChunk) : checkLeads(db, basis, onChunk),
  );
  const leadsDone = performance.now();
  const { leadCount, listedLeadIds, lastLeadId } = checked;
  const scrubRow = await timed('scrub:write', () =>
    db.transaction('rw', [db.dncScrubs, db.audit, db.settings, db.operations], async () => {
      const row = { at: now, versionIds: basis.versionIds, leadCount, listed: listedLeadIds.length };
      const id = await db.dncScrubs.add({ ...row, listedLeadIds, lastLeadId });
      await appendAudit(
        db,
        {
          action: 'dnc-scrub',
          entity: 'lead',
          ids: [],
          before: null,
          after: { ...row, scrubId: id, lists: basis.lists },
        },
        now,
      );
      await markDone(db, journal, now);
      return { ...row, id };
    }),
  );
  progress({ phase: 'done', done: checked.read, total: checked.read });
  const phases = {
    listsMs: Math.round(listsDone - started),
    leadsMs: Math.round(leadsDone - listsDone),
    leadsFrom: packed ? ('engine' as const) : ('index' as const),
  };
  return { ...scrubRow, lists: basis.lists, ms: Math.round(performance.now() - started), phases };
}

/** What a scrub found, counted as the leads' numbers are looked up. */
interface Checked {
  leadCount: number;
  read: number;
  listedLeadIds: number[];
  lastLeadId: number;
}

/** A tally of checked leads: one rule for numbers from the index and from the engine. */
function tally(listed: ReadonlySet<string>) {
  const out: Checked = { leadCount: 0, read: 0, listedLeadIds: [], lastLeadId: 0 };
  return {
    check(id: number, phone: string) {
      out.read++;
      if (id > out.lastLeadId) out.lastLeadId = id;
      // An anonymised lead's number is a keyed hash: nothing to check (the overlay skips it by its own date).
      if (isHashedPhone(phone)) return;
      out.leadCount++;
      if (listed.has(phone)) out.listedLeadIds.push(id);
    },
    result(): Checked {
      out.listedLeadIds.sort((a, b) => a - b);
      return out;
    },
  };
}

/** The engine's numbers of the leads looked up in the listed set (no table read); progress told every `chunkSize` leads. */
export function checkPackedLeads(
  packed: PackedLeadPhones,
  basis: Pick<ScrubBasis, 'listed'>,
  onChunk: (done: number) => void,
  chunkSize = LEAD_CHUNK,
): Checked {
  const t = tally(basis.listed);
  let done = 0;
  forEachLeadPhone(packed, (id, phone) => {
    t.check(id, phone);
    if (++done % chunkSize === 0) onChunk(done);
  });
  if (done % chunkSize !== 0 || done === 0) onChunk(done);
  return t.result();
}

/**
 * The leads' numbers, read off the phone index in chunks (keys and primary keys of one range in
 * one transaction), looked up in the listed set. The phone index is not unique: the leads sharing
 * a chunk's last number are read whole, and the next chunk starts above it.
 */
export async function checkLeads(
  db: LeadsDb,
  basis: Pick<ScrubBasis, 'listed'>,
  onChunk: (done: number) => void,
  chunkSize = LEAD_CHUNK,
): Promise<Checked> {
  const t = tally(basis.listed);
  let read = 0;
  let after: string | null = null;
  for (;;) {
    const tRead = performance.now();
    const chunk = await db.transaction('r', db.leads, async () => {
      const range = () => (after === null ? db.leads.orderBy('phoneE164') : db.leads.where('phoneE164').above(after));
      const [phones, ids] = await Promise.all([
        range().limit(chunkSize).keys() as Promise<string[]>,
        range().limit(chunkSize).primaryKeys() as Promise<number[]>,
      ]);
      const last = phones.at(-1);
      if (last !== undefined && phones.length === chunkSize) {
        // Leads past the limit that share the last number: read them now, as the next chunk starts above it.
        const sharing = (await db.leads.where('phoneE164').equals(last).primaryKeys()) as number[];
        const seen = new Set(ids.filter((_, i) => phones[i] === last));
        for (const id of sharing)
          if (!seen.has(id)) {
            phones.push(last);
            ids.push(id);
          }
      }
      return { phones, ids, full: phones.length >= chunkSize };
    });
    measureSince('scrub:leads:read', tRead);
    for (let i = 0; i < chunk.ids.length; i++) t.check(chunk.ids[i]!, chunk.phones[i]!);
    read += chunk.ids.length;
    onChunk(read);
    if (!chunk.full) break;
    after = chunk.phones.at(-1)!;
  }
  return t.result();
}

/**
 * The latest scrub (the one every read of a lead lays over it: the latest by moment) as an
 * overlay, with the lists as the verdict sees them, read together: what the engine lays onto its
 * columns after a scrub instead of rebuilding. Null when there is none or it predates the overlay.
 */
export async function latestScrubToLay(
  db: LeadsDb,
): Promise<{ id: number; overlay: ScrubOverlay; lists: DncListState[] } | null> {
  return db.transaction('r', [db.dncScrubs, db.dncLists, db.dncListVersions], async () => {
    const row = await db.dncScrubs.orderBy('at').last();
    const overlay = row ? scrubOverlay(row) : null;
    return overlay && row ? { id: row.id, overlay, lists: await listStates(db) } : null;
  });
}
