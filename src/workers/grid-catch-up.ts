/**
 * The grid index catching up by the change log: the leads a write touched are read and judged
 * again, new ones appended, deleted ones flagged — instead of a rebuild (decision 014).
 */
import type { LeadsDb } from '../db/leads-db';
import { readDataVersion, SNAPSHOT_CHUNK_ROWS } from '../db/repos/engine-snapshot-repo';
import { changesSince } from '../db/repos/change-log-repo';
import { getSettings } from '../db/repos/settings-repo';
import { dormantPeriodMs } from '../domain/leads/lifecycle-stage';
import { createJudge, rulesByRegion } from '../domain/compliance/judge';
import { slowDerived } from '../domain/compliance/lead-facts';
import { historyFlagsOf } from '../domain/compliance/compliance-world';
import { verdictInputKey } from '../domain/compliance/verdict-inputs';
import type { Lead } from '../domain/leads/lead';
import { FLAG_DELETED } from '../domain/columns/lead-flags';
import { type LeadColumns } from '../domain/leads/index/lead-columns';
import { patchLeadColumns, type RowChange } from '../domain/leads/index/lead-columns-patch';
import type { GridIndex } from './grid-index';
import { measureSince, timed } from './grid-timing';
import { worldByKey } from '../db/repos/world-by-key';
import { rowOfId as rowIndexOf } from '../domain/leads/index/row-of-id';
import { anonymisedToReread, someCheckedAt, layScrubOntoColumns } from '../domain/leads/index/scrub-into-columns';
import { dncCheckState } from '../domain/compliance/dnc';
import type { Settings } from '../domain/settings/settings';
import { latestScrubToLay, readDncListStates } from '../db/repos/dnc-scrub-repo';
import { idsWithPhoneHashes, layVersionOntoColumns, versionsEffect } from '../domain/leads/index/version-into-columns';
import type { ListedKeeper } from './grid-listed-numbers';
import { instantAt, type InstantColumn } from '../domain/columns/instant-column';
import type { WrittenLeads } from './grid-written-leads';
import { catchUpLeads } from './grid-catch-up-leads';

type LatestScrub = NonNullable<Awaited<ReturnType<typeof latestScrubToLay>>>;

/**
 * Lay the latest scrub onto the columns (scrub-into-columns.ts), each region's check state worked
 * out once under its rules at `now`; in one task with the patch of the leads read (which were read
 * through the same scrub), so no reader sees the columns half way.
 */
function layScrub(
  index: GridIndex,
  scrub: LatestScrub,
  settings: Settings,
  now: number,
  onLaid: (row: number) => void,
): number {
  const t0 = performance.now();
  const rulesFor = rulesByRegion(settings);
  const check = [{ at: scrub.overlay.at, versionIds: scrub.overlay.versionIds }];
  const laid = layScrubOntoColumns(
    index.cols,
    scrub.overlay,
    (region) => dncCheckState(check, scrub.lists, rulesFor(region), now),
    onLaid,
  );
  measureSince('engine:catch-up:scrub', t0);
  return laid;
}

/** Row of lead `id`, or null when no row holds it. */
const rowOfId = (cols: LeadColumns, id: number): number | null => {
  const row = rowIndexOf(cols, id);
  return row < 0 ? null : row;
};

/** The earliest next-change instant of the rows still present (deleted rows are never judged again). */
export function minOf(values: InstantColumn, flags?: Uint16Array): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = instantAt(values, i);
    if (v < min && !(flags && flags[i]! & FLAG_DELETED)) min = v;
  }
  return min;
}

/**
 * From this many leads, one full read beats reading each lead's history by index (a DNC look-up
 * per number costs ~0.2 ms against millions of listed numbers; the full build scans them once).
 */
export const rejudgeLimit = (n: number) => Math.max(20_000, Math.floor(n / 10));

/**
 * Bring the index up to the data version by following the change log from the version it
 * reflects: the leads a write touched (incl. those whose number a DNC entry names) are read and
 * judged again, new leads appended, deleted ones flagged; a scrub or a list version since is laid
 * onto the columns, and a DNC file's entries name their leads by their numbers' hashes. 'rebuild'
 * when the log does not reach (pruned, or the index's version unknown), when a write may move
 * everyone's verdict in another way (a list, the settings, a range deleted), or when a new lead's
 * id is not above every row's.
 */
export async function catchUp(
  db: LeadsDb,
  index: GridIndex,
  now: number,
  listed: ListedKeeper | null = null,
  written: WrittenLeads | null = null,
): Promise<'current' | 'patched' | 'rebuild'> {
  const t0 = performance.now();
  if ((await readDataVersion(db)) === index.dataVersion) return 'current';
  const logged = await timed('engine:catch-up:log', () => changesSince(db, index.dataVersion));
  const why =
    logged === 'unreachable'
      ? 'unreachable'
      : logged.full && !logged.laid
        ? 'full'
        : logged.leadIds.size > rejudgeLimit(index.cols.n)
          ? 'too-many'
          : null;
  if (why !== null || logged === 'unreachable') {
    measureSince(`engine:catch-up:rebuild:${why}`, performance.now());
    return 'rebuild';
  }
  const { dataVersion, leadIds: ids, historyIds, laid } = logged;
  const settings = await getSettings(db);
  // A DNC file's entries: the leads whose number they may name are judged again, as written ones.
  if (laid && laid.phoneHashes.length > 0)
    for (const id of await timed('engine:catch-up:dnc-file', async () =>
      idsWithPhoneHashes(index.cols, laid.phoneHashes),
    )) {
      ids.add(id);
      historyIds.add(id);
    }
  // A list version since: every lead is stale for its list, laid onto the columns with the patch.
  const versions =
    laid !== null && laid.versions.length > 0
      ? versionsEffect(await readDncListStates(db), laid.versions, now)
      : 'none';
  if (versions === 'later') {
    measureSince('engine:catch-up:rebuild:version-later', performance.now());
    return 'rebuild';
  }
  const versionStales = versions === 'stale';
  // A scrub since: the anonymised leads it may cover are read and judged below with the written
  // ones; the rest of its checks are laid onto the columns in the task that patches them.
  let scrub: LatestScrub | null = null;
  if (laid?.scrubs) {
    scrub = await latestScrubToLay(db);
    // The one laid last is still in force (an earlier scrub was added since): nothing to lay. Another of
    // the same moment as a row's check cannot be laid (its own check and a laid one look alike).
    if (scrub && scrub.id === index.laidScrub) scrub = null;
    else if (!scrub || someCheckedAt(index.cols, scrub.overlay.at)) {
      measureSince('engine:catch-up:rebuild:scrub', performance.now());
      return 'rebuild';
    }
    for (const id of scrub ? anonymisedToReread(index.cols, scrub.overlay) : []) ids.add(id);
  }
  if (ids.size > rejudgeLimit(index.cols.n)) {
    measureSince('engine:catch-up:rebuild:too-many', performance.now());
    return 'rebuild';
  }
  const wanted = [...ids].sort((a, b) => a - b);
  // The numbers surely on no list are not looked up (listed-numbers-repo.ts): null while the set is not ready.
  const listedSet =
    listed && wanted.length > 0
      ? await timed('engine:catch-up:listed', () => listed.at(index.dataVersion, dataVersion, logged.dncHashes))
      : null;
  const mayBeListed = listedSet && {
    dataVersion: listedSet.dataVersion,
    mayBeListed: (phone: string) => {
      const may = listedSet.mayBeListed(phone);
      if (!may) index.counters.lookUpsSkipped = (index.counters.lookUpsSkipped ?? 0) + 1;
      return may;
    },
  };
  const changes: RowChange[] = [];
  const found = new Set<number>();
  const last = index.cols.n > 0 ? index.cols.ids[index.cols.n - 1]! : -Infinity;
  // A transaction the log names whose last messages are still on their way: waited for a moment.
  if (written) await written.settled(logged.tokens, 100);
  const leadsOf = catchUpLeads(db, wanted, logged.lastToken, written);
  for (const slice of leadsOf.slices) {
    const { leads, handed } = await timed('engine:catch-up:leads', () => leadsOf.read(slice));
    if (handed > 0) index.counters.rowsHanded = (index.counters.rowsHanded ?? 0) + handed;
    // A lead whose row alone was written, with what the judgement reads of it unchanged (a tag, a
    // name), keeps its cached judgement: its history is not read and it is not judged again.
    const judged: { lead: Lead; row: number | null }[] = [];
    for (const lead of leads) {
      found.add(lead.id);
      const row = rowOfId(index.cols, lead.id);
      if (row === null && lead.id <= last) {
        measureSince('engine:catch-up:rebuild:id-order', performance.now());
        return 'rebuild';
      }
      if (
        row !== null &&
        !historyIds.has(lead.id) &&
        !(index.cols.flags[row]! & FLAG_DELETED) &&
        index.cols.judgedFrom[row] === verdictInputKey(lead)
      )
        changes.push({ row, lead, derived: 'kept' });
      else judged.push({ lead, row });
    }
    index.counters.rowsKept += leads.length - judged.length;
    if (judged.length === 0) continue;
    // A lead new since the index's version has no history but what the log names since (a call or
    // consent is stored after its lead, and logged): none, unless the log names it.
    const noHistory = new Set(judged.filter((j) => j.row === null && !historyIds.has(j.lead.id)).map((j) => j.lead.id));
    const world = await timed('engine:catch-up:world', () =>
      worldByKey(
        db,
        judged.map((j) => j.lead),
        noHistory,
        mayBeListed,
      ),
    );
    const tJudge = performance.now();
    const judge = createJudge(world, settings);
    for (const { lead, row } of judged)
      changes.push({ row, lead, derived: slowDerived(judge(lead, now), historyFlagsOf(world, lead.id)) });
    measureSince('engine:catch-up:judge', tJudge);
  }
  // New leads in id order, so the rows stay sorted by id.
  changes.sort(
    (a, b) => (a.row === null ? Infinity : a.row) - (b.row === null ? Infinity : b.row) || a.lead.id - b.lead.id,
  );
  const deletedRows: number[] = [];
  for (const id of wanted) {
    const row = found.has(id) ? null : rowOfId(index.cols, id);
    if (row !== null && !(index.cols.flags[row]! & FLAG_DELETED)) deletedRows.push(row);
  }
  const laidChunks = new Set<number>();
  const onLaid = (row: number) => laidChunks.add(Math.floor(row / SNAPSHOT_CHUNK_ROWS));
  // The version first: a scrub laid after it, and the leads judged, hold checks made since.
  const tVersion = performance.now();
  let laidRows = versionStales ? layVersionOntoColumns(index.cols, onLaid) : 0;
  if (versionStales) measureSince('engine:catch-up:version', tVersion);
  laidRows += scrub ? layScrub(index, scrub, settings, now, onLaid) : 0;
  if (scrub) index.laidScrub = scrub.id;
  const before = index.cols.n;
  const tPatch = performance.now();
  const revived = changes.filter((c) => c.row !== null && index.cols.flags[c.row]! & FLAG_DELETED).length;
  index.cols = patchLeadColumns(index.cols, changes, deletedRows);
  const dirty = index.dirty;
  if (dirty !== 'all') {
    for (const c of changes) if (c.row !== null) dirty.add(Math.floor(c.row / SNAPSHOT_CHUNK_ROWS));
    for (const r of deletedRows) dirty.add(Math.floor(r / SNAPSHOT_CHUNK_ROWS));
    for (const c of laidChunks) dirty.add(c);
    for (let r = before; r < index.cols.n; r += SNAPSHOT_CHUNK_ROWS) dirty.add(Math.floor(r / SNAPSHOT_CHUNK_ROWS));
    if (index.cols.n > before) dirty.add(Math.floor((index.cols.n - 1) / SNAPSHOT_CHUNK_ROWS));
  }
  measureSince('engine:catch-up:patch', tPatch);
  const tTail = performance.now();
  index.deleted += deletedRows.length - revived;
  index.rulesFor = rulesByRegion(settings);
  index.orgTimeZone = settings.orgTimeZone;
  index.dormantMs = dormantPeriodMs(settings.dormantDays);
  index.nextDue = minOf(index.cols.nextChange, index.cols.flags);
  index.orders.clear();
  index.dataVersion = dataVersion;
  written?.forget(logged.tokens);
  index.counters.catchUps++;
  index.counters.rowsCaughtUp += changes.length + deletedRows.length + laidRows;
  measureSince('engine:catch-up:tail', tTail);
  measureSince('engine:catch-up', t0);
  return 'patched';
}
