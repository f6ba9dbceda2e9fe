/**
 * The DNC scrub: every lead checked against the versions in force, recording per lead when it
 * was checked, against which versions, and whether it is listed. Built for a million leads
 * against millions of numbers: the entries are read in key order a large page at a time into
 * one set, the leads in id order a large chunk at a time (each chunk read and written in one
 * transaction, so no concurrent edit is lost). The scrub row and its single audit entry are
 * written last: a scrub cut short leaves each chunk's leads honestly checked, and no claim
 * that the whole database was. The operation journal records each chunk's progress in the
 * chunk's own transaction, so an interrupted scrub is reported with how far it got.
 */
import Dexie from 'dexie';
import { scrubBasisBuilder, scrubFacts, type ScrubBasis } from '../../domain/compliance/dnc-scrub';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { DncListState } from '../../domain/compliance/verdict-types';
import type { Lead } from '../../domain/leads/lead';
import type { DncScrub, LeadsDb } from '../leads-db';
import { appendAudit } from './audit-repo';
import { journaled, markDone, recordProgress, type JournalEntry } from './operation-journal-repo';

/** Pages and chunks small enough that the progress line moves within a second, even with millions of entries. */
const ENTRY_PAGE = 50_000;
const LEAD_CHUNK = 5_000;

/** In the unit of the phase: listed numbers read (of every entry of the active lists), then leads checked. */
export interface ScrubProgress {
  phase: 'lists' | 'leads' | 'done';
  done: number;
  total: number;
}

export interface ScrubResult extends DncScrub {
  lists: ScrubBasis['lists'];
  ms: number;
  /** Where the time went: reading the lists into a set, and checking and writing the leads. */
  phases: { listsMs: number; leadsMs: number };
}

/** The lists with their versions, as the verdict sees them. */
async function listStates(db: LeadsDb): Promise<DncListState[]> {
  const [lists, versions] = await Promise.all([db.dncLists.toArray(), db.dncListVersions.toArray()]);
  return lists.map((l) => ({
    listId: l.id,
    kind: l.kind,
    active: l.active,
    versions: versions
      .filter((v) => v.listId === l.id)
      .map(({ id, publishedAt, importedAt }) => ({ id, publishedAt, importedAt })),
  }));
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
  for (const list of active) {
    let from: [string, string | typeof Dexie.minKey] = [list.listId, Dexie.minKey];
    for (;;) {
      const page: DncEntry[] = await db.dncEntries
        .where('[listId+phoneE164]')
        .between(from, [list.listId, Dexie.maxKey], false, true)
        .limit(ENTRY_PAGE)
        .toArray();
      builder.add(page);
      done += page.length;
      progress({ phase: 'lists', done, total: Math.max(total, done) });
      if (page.length < ENTRY_PAGE) break;
      from = [list.listId, page[page.length - 1]!.phoneE164];
    }
  }
  return builder.basis();
}

/** Scrub every lead at `now`; `progress` hears after each page and chunk. Journaled (operation-journal-repo.ts). */
export function scrubAllLeads(
  db: LeadsDb,
  now = Date.now(),
  progress: (p: ScrubProgress) => void = () => {},
): Promise<ScrubResult> {
  return journaled(db, 'dnc-scrub', {}, (journal) => scrub(db, journal, now, progress), now);
}

async function scrub(
  db: LeadsDb,
  journal: JournalEntry,
  now: number,
  progress: (p: ScrubProgress) => void,
): Promise<ScrubResult> {
  const started = performance.now();
  const lists = await db.transaction('r', [db.dncLists, db.dncListVersions], () => listStates(db));
  const basis = await buildBasis(db, lists, now, progress);
  const listsDone = performance.now();
  const total = await db.leads.count();
  progress({ phase: 'leads', done: 0, total });
  let done = 0;
  let leadCount = 0;
  let listed = 0;
  let lastId = 0;
  for (;;) {
    const chunk = await db.transaction('rw', db.leads, db.operations, async () => {
      const rows: Lead[] = await db.leads.where(':id').above(lastId).limit(LEAD_CHUNK).toArray();
      const updated: Lead[] = [];
      for (const lead of rows) {
        // An anonymised lead's number is a keyed hash: nothing to check, and its verdict needs none.
        if (lead.anonymizedAt !== undefined) continue;
        const facts = scrubFacts(lead.phoneE164, basis, now);
        if (facts.dncStatus === 'listed') listed++;
        updated.push({ ...lead, ...facts });
      }
      await db.leads.bulkPut(updated);
      await recordProgress(db, journal, { done: done + rows.length, total });
      leadCount += updated.length;
      return rows;
    });
    done += chunk.length;
    progress({ phase: 'leads', done, total });
    if (chunk.length < LEAD_CHUNK) break;
    lastId = chunk[chunk.length - 1]!.id;
  }
  const leadsDone = performance.now();
  const scrubRow = await db.transaction('rw', [db.dncScrubs, db.audit, db.settings, db.operations], async () => {
    const row = { at: now, versionIds: basis.versionIds, leadCount, listed };
    const id = await db.dncScrubs.add(row as DncScrub);
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
  });
  progress({ phase: 'done', done: total, total });
  const phases = { listsMs: Math.round(listsDone - started), leadsMs: Math.round(leadsDone - listsDone) };
  return { ...scrubRow, lists: basis.lists, ms: Math.round(performance.now() - started), phases };
}
