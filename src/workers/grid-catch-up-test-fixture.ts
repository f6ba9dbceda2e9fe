/**
 * The writes the catch-up tests apply (random sequences of them, and worked examples) and what
 * they compare: each live row's facts as the engine holds them, against a fresh build's.
 */
import fc from 'fast-check';
import type { LeadsDb } from '../db/leads-db';
import { DEFAULT_SETTINGS } from '../domain/settings/settings';
import type { SnapshotContext } from '../domain/cohorts/columnar-snapshot';
import { buildSnapshot } from '../domain/cohorts/snapshot-from-leads.test-helpers';
import { getSettings } from '../db/repos/settings-repo';
import { scrubAllLeads } from '../db/repos/dnc-scrub-repo';
import { importDncVersion } from '../db/repos/dnc-import-repo';
import { FLAG_DELETED } from '../domain/columns/lead-flags';
import { NOW } from '../db/repos/compliance-test-fixture';
import { openGridIndex, type GridIndex } from './grid-index';
import { saveGridSnapshot } from '../db/repos/engine-snapshot-repo';
import { instantAt } from '../domain/columns/instant-column';

export type Op =
  | { kind: 'add'; pick: number; count: number; withHistory: boolean; shareNumber: boolean }
  | { kind: 'rename'; pick: number }
  | { kind: 'tag'; pick: number }
  | { kind: 'rephone'; pick: number }
  | { kind: 'call'; pick: number; outcome: 'connected' | 'converted' | 'dnc-requested' | 'no-answer' | 'wrong-number' }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'dnc'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'settings' }
  | { kind: 'scrub'; minutesBefore: number }
  | { kind: 'anonymise'; pick: number; afterScrubs: boolean }
  | { kind: 'version'; listId: 'national-us' | 'internal'; pick: number; keep: number; big: boolean };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    count: fc.integer({ min: 1, max: 60 }),
    withHistory: fc.boolean(),
    // The first new lead with the number of lead `pick` (maybe on a list: found through the engine's listed numbers).
    shareNumber: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('tag' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rephone' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('call' as const),
    pick: fc.nat(),
    outcome: fc.constantFrom(
      'connected' as const,
      'converted' as const,
      'dnc-requested' as const,
      'no-answer' as const,
      'wrong-number' as const,
    ),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('dnc' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  { weight: 1, arbitrary: fc.constant({ kind: 'settings' as const }) },
  // A scrub at or before NOW (an earlier one than the latest leaves the latest in force).
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('scrub' as const), minutesBefore: fc.integer({ min: 0, max: 3 }) }),
  },
  fc.record({ kind: fc.constant('anonymise' as const), pick: fc.nat(), afterScrubs: fc.boolean() }),
  // A new version of a list: the national one (every lead stale for it) or the internal one (no check needed).
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('version' as const),
      listId: fc.constantFrom('national-us' as const, 'national-us' as const, 'internal' as const),
      pick: fc.nat(),
      keep: fc.integer({ min: 0, max: 3 }),
      big: fc.boolean(),
    }),
  },
);

/**
 * A new version of `listId`, imported a little before NOW (after some scrubs' moments, before
 * others'): a quarter to all of the list's current numbers kept (the rest removed), lead `id`'s number
 * added, and with `big` more than a thousand numbers no lead has (a file's worth: logged as hashes).
 */
async function importVersion(db: LeadsDb, op: Extract<Op, { kind: 'version' }>, id: number): Promise<void> {
  const current = (
    await db.dncEntries.where('[listId+phoneE164]').between([op.listId, ''], [op.listId, '\uffff']).toArray()
  )
    .filter((e) => e.removedVersionId === undefined)
    .map((e) => e.phoneE164);
  const kept = current.filter((_, i) => i % 4 < op.keep + 1);
  const lead = (await db.leads.get(id))!;
  const filler = op.big
    ? Array.from(
        { length: 1_100 },
        (_, i) => `+1212555${String(1000 + ((serial * 1_100 + i) % 9000)).padStart(4, '0')}`,
      )
    : [];
  const numbers = [...kept, ...(lead.phoneE164.startsWith('+') ? [lead.phoneE164] : []), ...filler];
  serial++;
  await importDncVersion(
    db,
    {
      listId: op.listId,
      fileName: `${op.listId}-${serial}.txt`,
      bytes: new TextEncoder().encode(['phone', ...numbers, ''].join('\n')),
      publishedAt: NOW - 50_000 + serial,
      defaultRegion: 'US',
    },
    NOW - 40_000,
  );
}

/** The cohort snapshot built from the tables: the reference the engine's (read off its columns) must equal. */
export async function cohortsFromTables(
  db: LeadsDb,
): Promise<{ ctx: SnapshotContext; want: ReturnType<typeof buildSnapshot> }> {
  const ctx = {
    timeZone: (await getSettings(db)).orgTimeZone,
    campaigns: await db.campaigns.orderBy('id').toArray(),
    sources: await db.sources.orderBy('id').toArray(),
  };
  const want = buildSnapshot(await db.leads.toArray(), await db.calls.toArray(), ctx, await db.consents.toArray());
  return { ctx, want };
}

/** Each live row's DNC check, cached judgement, flags, dates and call facts, and the key of what it read, by lead id (the next-change instant apart; dictionary codes as their texts; tags through the answers). */
export function rowFacts(index: GridIndex): Map<number, (number | string | undefined)[]> {
  const c = index.cols;
  const out = new Map<number, (number | string | undefined)[]>();
  for (let i = 0; i < c.n; i++)
    if (!(c.flags[i]! & FLAG_DELETED))
      out.set(c.ids[i]!, [
        instantAt(c.dncCheckedAt, i),
        c.dncStatus[i]!,
        c.dnc[i]!,
        c.reasons[i]!,
        // Every flag: the row's own, the judgement's (callable, listed) and its history's.
        c.flags[i]!,
        c.consent[i]!,
        instantAt(c.consentExpiresAt, i),
        instantAt(c.retentionDeadline, i),
        instantAt(c.lastContactAt, i),
        c.attempts[i]!,
        instantAt(c.firstContactAt, i),
        instantAt(c.firstConnectedAt, i),
        instantAt(c.convertedAt, i),
        instantAt(c.verifiedAt, i),
        c.lastOutcome[i]!,
        c.precision[i]!,
        c.dict.zone.values[c.zone[i]!],
        c.dict.region.values[c.region[i]!],
        // The key of what the judgement read: a later write that changes none of it keeps the judgement.
        c.judgedFrom[i]!,
      ]);
  return out;
}

/** Rows whose next-change instant is later than a fresh build's: judged again too late (earlier is only extra work). */
export function lateNextChanges(live: GridIndex, fresh: GridIndex): number[] {
  const want = new Map<number, number>();
  for (let i = 0; i < fresh.cols.n; i++) want.set(fresh.cols.ids[i]!, instantAt(fresh.cols.nextChange, i));
  const late: number[] = [];
  for (let i = 0; i < live.cols.n; i++) {
    const id = live.cols.ids[i]!;
    if (!(live.cols.flags[i]! & FLAG_DELETED) && instantAt(live.cols.nextChange, i) > want.get(id)!) late.push(id);
  }
  return late;
}

/** A withdrawal of consent to calls for lead `leadId`, a minute before NOW. */
const withdrawConsent = (db: LeadsDb, leadId: number) =>
  db.consents.add({
    leadId,
    purpose: 'calls',
    kind: 'withdrawn',
    basis: 'consent',
    capturedAt: NOW - 60_000,
    method: 'verbal',
    proofRef: 'r',
    capturedBy: 't',
  } as never);

let serial = 0;
export async function apply(db: LeadsDb, op: Op): Promise<void> {
  const ids = (await db.leads.toCollection().primaryKeys()) as number[];
  const id = ids[('pick' in op ? op.pick : 0) % ids.length]!;
  switch (op.kind) {
    case 'add': {
      const template = (await db.leads.get(id))!;
      const fresh = Array.from({ length: op.count }, (_, k) => {
        const { id: _drop, ...rest } = template;
        serial++;
        return {
          ...rest,
          name: `Catch Up ${serial}`,
          phoneE164:
            k === 0 && op.shareNumber && template.phoneE164.startsWith('+')
              ? template.phoneE164
              : `+1646555${String(1000 + (serial % 9000)).padStart(4, '0')}`,
          createdAt: NOW,
          updatedAt: NOW,
        };
      });
      // With history: the first new lead called and the last given a consent in the same transaction
      // (an import with consent columns, a sync page): history the catch-up must read for a new lead.
      await db.transaction('rw', db.leads, db.calls, db.consents, async () => {
        const added = (await db.leads.bulkAdd(fresh as never[], { allKeys: true })) as number[];
        if (!op.withHistory) return;
        await db.calls.add({
          leadId: added[0]!,
          at: NOW - 7_200_000,
          outcome: 'dnc-requested',
          durationSec: 40,
          agent: 'a',
        } as never);
        await withdrawConsent(db, added.at(-1)!);
      });
      return;
    }
    case 'rename':
      await db.leads.update(id, { name: `Renamed catch ${serial++}` });
      return;
    case 'tag':
      await db.leads.update(id, { tags: ['vip', `t${serial++ % 40}`] });
      return;
    case 'rephone':
      await db.leads.update(id, { phoneE164: '+12125550000' });
      return;
    case 'call':
      await db.transaction('rw', db.calls, db.leads, async () => {
        await db.calls.add({
          leadId: id,
          at: NOW - 3_600_000,
          outcome: op.outcome,
          durationSec: 30,
          agent: 'a',
        } as never);
        await db.leads.update(id, {
          attempts: 1,
          lastContactAt: NOW - 3_600_000,
          ...(op.outcome === 'converted' ? { convertedAt: NOW - 3_600_000, firstConnectedAt: NOW - 3_600_000 } : {}),
        });
      });
      return;
    case 'withdraw':
      await withdrawConsent(db, id);
      return;
    case 'dnc': {
      const lead = (await db.leads.get(id))!;
      await db.dncEntries.put({
        listId: 'internal',
        phoneE164: lead.phoneE164,
        addedVersionId: 0,
        addedAt: NOW - 60_000,
      });
      return;
    }
    case 'delete':
      await db.transaction('rw', db.leads, db.calls, db.consents, async () => {
        await db.calls.where('leadId').equals(id).delete();
        await db.consents.where('leadId').equals(id).delete();
        await db.leads.delete(id);
      });
      return;
    case 'scrub':
      await scrubAllLeads(db, NOW - op.minutesBefore * 60_000);
      return;
    case 'anonymise':
      // Anonymised before every scrub's moment (no scrub covers it) or after (the scrubs do).
      await db.leads.update(id, {
        phoneE164: `hmac:${String(serial++).padStart(16, '0')}`,
        anonymizedAt: op.afterScrubs ? NOW - 30_000 : NOW - 3_600_000,
      });
      return;
    case 'version':
      await importVersion(db, op, id);
      return;
    case 'settings':
      // The organisation's settings (rules may change for everyone); a `flag:` row (bookkeeping) must not rebuild.
      await db.settings.put({ key: serial++ % 2 ? 'org' : 'flag:catch-up-test', value: { ...DEFAULT_SETTINGS } });
      return;
  }
}

/**
 * The engine's index opened on `db`, with the snapshot of its version stored after its own
 * background save (so that one is the last): a later start opens it and catches up by the log.
 */
export async function openWithStoredSnapshot(db: LeadsDb): Promise<GridIndex> {
  const live = await openGridIndex(db, NOW);
  await live.saving;
  await saveGridSnapshot(db, live.cols, { dataVersion: live.dataVersion, builtAt: NOW, orgTimeZone: live.orgTimeZone });
  return live;
}
