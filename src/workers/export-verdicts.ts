/**
 * The verdicts an export or a call list's preview rests on: the engine's cached ones, read back
 * per lead (no history read, nothing judged), or every lead judged here a chunk at a time when
 * the engine could not answer for the instant asked.
 */
import type { LeadsDb } from '../db/leads-db';
import { ranked } from './export-bytes';
import { JUDGE_CHUNK, loadListsWorld, loadSharedWorld, readChunk, type ChunkedWorld } from '../db/repos/judged-chunks';
import { createJudge, rulesByRegion, type Judge } from '../domain/compliance/judge';
import { verdictFromBits } from '../domain/compliance/verdict-bits';
import type { Verdict } from '../domain/compliance/verdict-types';
import {
  callListInstant,
  countExclusion,
  EXPORT_STALE_COPIES,
  isOverrideReason,
  noExclusions,
  staleListCopies,
  type StaleListCopy,
} from '../domain/import-export/call-list';
import type { ExportLead } from '../domain/import-export/export-columns';
import type { Lead } from '../domain/leads/lead';
import type { BuildOptions, EngineVerdicts, ExportProgress } from './export-types';

/**
 * The verdicts the engine gave, read back per lead, with the lists and rules they rest on: no
 * history is read and nothing judged. `bitsByRank` is in ascending-id order; `lists`: the lists
 * and settings when the caller has read them already.
 */
export async function engineVerdicts(
  db: LeadsDb,
  sorted: Int32Array,
  bitsByRank: Uint16Array,
  chunkSize: number,
  onProgress: ExportProgress,
  readLeads: (chunk: Int32Array) => Promise<ExportLead[]>,
  visit: (lead: ExportLead, verdict: Verdict, rank: number, judge: Pick<Judge, 'rulesFor'>) => void,
  lists?: ChunkedWorld,
) {
  const { settings, world } = lists ?? (await loadListsWorld(db));
  const judge = createJudge(world, settings);
  for await (const { from, chunk, leads } of chunksReadAhead(sorted, chunkSize, readLeads)) {
    const rankOfId = new Map<number, number>();
    for (let k = 0; k < chunk.length; k++) rankOfId.set(chunk[k]!, from + k);
    for (const lead of leads) {
      const rank = rankOfId.get(lead.id)!;
      visit(lead, verdictFromBits(bitsByRank[rank]!), rank, judge);
    }
    onProgress(Math.min(sorted.length, from + chunkSize));
  }
  return { shared: { settings, world }, rulesFor: judge.rulesFor };
}

/**
 * The leads of each chunk of `sorted` in turn, the next chunk's read already asked for while
 * this one is handled: the engine reads its columns on its own thread (or IndexedDB reads the
 * table) while the rows of this one are written.
 */
export async function* chunksReadAhead<L>(
  sorted: Int32Array,
  chunkSize: number,
  readLeads: (chunk: Int32Array) => Promise<L[]>,
): AsyncGenerator<{ from: number; chunk: Int32Array; leads: L[] }> {
  const ask = (from: number) => {
    const read = readLeads(sorted.subarray(from, from + chunkSize));
    // A read still pending when the caller stops early must not surface as an unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  let next = sorted.length > 0 ? ask(0) : null;
  for (let from = 0; next; from += chunkSize) {
    const leads = await next;
    next = from + chunkSize < sorted.length ? ask(from + chunkSize) : null;
    yield { from, chunk: sorted.subarray(from, from + chunkSize), leads };
  }
}

/**
 * The engine answered at most this long before the file is built: still "now" for the person
 * who asked (every write committed before the engine answered is in it).
 */
const ENGINE_ANSWER_FRESH_MS = 15_000;
export const engineInstant = (judged: EngineVerdicts | undefined, now: number) =>
  judged && judged.at >= now - ENGINE_ANSWER_FRESH_MS ? judged.at : null;

/** The engine's bits re-ordered by rank (ascending id), or null when there are none. */
export function bitsByRank(judged: EngineVerdicts | undefined, rankOf: Uint32Array): Uint16Array | null {
  if (!judged || judged.bits.length !== rankOf.length) return null;
  const out = new Uint16Array(rankOf.length);
  for (let p = 0; p < rankOf.length; p++) out[rankOf[p]!] = judged.bits[p]!;
  return out;
}

/** Judge every lead of `sorted` (ascending ids) at `at`, a chunk at a time; `visit` gets each lead's rank. */
export async function judgeAll(
  db: LeadsDb,
  sorted: Int32Array,
  at: number,
  chunkSize: number,
  onProgress: ExportProgress,
  visit: (lead: Lead, verdict: Verdict, rank: number, judge: Pick<Judge, 'rulesFor'>) => void,
) {
  const shared = await loadSharedWorld(db, sorted);
  const judge0 = createJudge(shared.world, shared.settings);
  for (let i = 0; i < sorted.length; i += chunkSize) {
    const chunk = sorted.subarray(i, i + chunkSize);
    const { leads, world } = await readChunk(db, chunk, shared.world);
    const judge = createJudge(world, shared.settings);
    const rankOfId = new Map<number, number>();
    for (let k = 0; k < chunk.length; k++) rankOfId.set(chunk[k]!, i + k);
    for (const lead of leads) visit(lead, judge(lead, at).verdict, rankOfId.get(lead.id)!, judge);
    onProgress(Math.min(sorted.length, i + chunkSize));
  }
  return { shared, rulesFor: judge0.rulesFor };
}

/** The versions a call list judged at `at` relied on. */
export function versionIdsAt(
  lists: { versions: { id: number; publishedAt: number; importedAt: number }[] }[],
  at: number,
): number[] {
  return lists.flatMap((l) => l.versions.filter((v) => v.publishedAt <= at && v.importedAt <= at).map((v) => v.id));
}

/** The DNC lists whose newest copy known at `at` is older than its jurisdiction allows (staleListCopies, with the organisation's rules). */
export function staleCopiesOf({ settings, world }: ChunkedWorld, at: number): StaleListCopy[] {
  return staleListCopies(world.dncLists, rulesByRegion(settings), settings.defaultRegion, at);
}

/**
 * The lists and settings a call list rests on, read once (the engine's verdicts reuse them). A
 * list relying on a copy past its jurisdiction's maximum age is refused here, before any lead is
 * judged (EXPORT_STALE_COPIES), unless `override` is a written reason.
 */
export async function callListLists(db: LeadsDb, at: number, override: string | undefined): Promise<ChunkedWorld> {
  const lists = await loadListsWorld(db);
  if (!isOverrideReason(override) && staleCopiesOf(lists, at).length > 0) throw new Error(EXPORT_STALE_COPIES);
  return lists;
}

/** Exclusion counts and stale DNC copies for a would-be call list, without writing anything. */
export async function previewCallList(
  db: LeadsDb,
  ids: Int32Array,
  requestedAt: number,
  { now = Date.now(), chunk = JUDGE_CHUNK }: BuildOptions = {},
  judged?: EngineVerdicts,
) {
  const at = engineInstant(judged, now) ?? callListInstant(requestedAt, now);
  const exclusions = noExclusions();
  const { sorted, rankOf } = ranked(ids);
  const byRank = judged?.at === at ? bitsByRank(judged, rankOf) : null;
  if (byRank) {
    // The engine's answer: counts straight from the bits, no lead read.
    for (const b of byRank) countExclusion(exclusions, verdictFromBits(b));
    const lists = await loadListsWorld(db);
    return {
      exclusions,
      stale: staleCopiesOf(lists, at),
      versionIds: versionIdsAt(lists.world.dncLists, at),
      at,
      engine: true,
    };
  }
  const { shared } = await judgeAll(
    db,
    sorted,
    at,
    chunk,
    () => undefined,
    (_lead, v) => countExclusion(exclusions, v),
  );
  return {
    exclusions,
    stale: staleCopiesOf(shared, at),
    versionIds: versionIdsAt(shared.world.dncLists, at),
    at,
    engine: false,
  };
}
