/**
 * Test support for the bulk-edit and undo repositories: a small demo slice with varied tags and
 * DNC states, whole-database snapshots, a naive model of what each operation must write
 * (independent of leadChangeFor) and fast-check arbitraries (failure injection: write-failure-fixture.ts).
 */
import fc from 'fast-check';
import type { BulkOp, FieldOp } from '../../domain/leads/bulk-edit';
import type { ConsentRequest } from '../../domain/compliance/consent-request';
import type { ConsentEvent } from '../../domain/compliance/consent-event';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { Call } from '../../domain/leads/call';
import type { Lead } from '../../domain/leads/lead';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { MS_PER_DAY, addMonths } from '../../domain/time/calendar';
import type { DemoDataset } from '../demo-data';
import type { LeadsDb } from '../leads-db';
import { NOW, demoSlice } from './compliance-test-fixture';

export { NOW };
export const MISSING_ID = 999_999;
const TAG_SETS = [['priority'], [], ['vip', 'priority'], ['callback'], ['vip']];

/**
 * About 40 demo leads with their calls and consents, varied tags, and every internal-list state:
 * lead 0 listed and on the internal list, lead 1 on it but removed, lead 2 on it from a future
 * instant, lead 3 listed on another list only; leads 5 and 6 share one number.
 */
export function bulkData(): DemoDataset {
  const d = demoSlice(500);
  const internal = d.dncListVersions.find((v) => v.listId === 'internal')!.id;
  const national = d.dncListVersions.find((v) => v.listId !== 'internal')!.id;
  d.leads.forEach((l, i) => (l.tags = [...TAG_SETS[i % TAG_SETS.length]!]));
  const [l0, l1, l2, l3, , l5, l6] = d.leads;
  d.dncEntries = d.dncEntries.filter(
    (e) => e.listId !== 'internal' || ![l0, l1, l2].some((l) => l!.phoneE164 === e.phoneE164),
  );
  d.dncEntries.push(
    { listId: 'internal', phoneE164: l0!.phoneE164, addedVersionId: internal, addedAt: NOW - MS_PER_DAY },
    {
      listId: 'internal',
      phoneE164: l1!.phoneE164,
      addedVersionId: internal,
      addedAt: NOW - 9 * MS_PER_DAY,
      removedVersionId: national,
    },
    { listId: 'internal', phoneE164: l2!.phoneE164, addedVersionId: internal, addedAt: NOW + MS_PER_DAY },
  );
  l0!.dncStatus = 'listed';
  l3!.dncStatus = 'listed';
  l6!.phoneE164 = l5!.phoneE164;
  return d;
}

export type Snapshot = Record<string, unknown[]>;

/** Every table's rows, in primary-key order. */
export async function snapshot(db: LeadsDb): Promise<Snapshot> {
  const out: Snapshot = {};
  // The operation journal records that an operation ran, not data it wrote (operation-journal-repo.test.ts covers it).
  for (const table of db.tables)
    if (table.name !== 'operations' && table.name !== 'engine' && table.name !== 'changes')
      out[table.name] = await table.toArray();
  // The audit head kept in the settings table moves with the audit trail, which tests compare on their own.
  out.settings = out.settings!.filter((row) => (row as { key: string }).key !== 'flag:auditHead');
  return out;
}

/** A selection: existing ids (sometimes twice) and now and then one that names no lead. */
export const selectionArb = (data: DemoDataset): fc.Arbitrary<number[]> =>
  fc.array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...data.leads.map((l) => l.id)) },
      { weight: 1, arbitrary: fc.constant(MISSING_ID) },
    ),
    { maxLength: 14 },
  );

export const opArb = (data: DemoDataset): fc.Arbitrary<BulkOp> => {
  const sources = [...new Set(data.leads.map((l) => l.sourceId))];
  const tag = fc.constantFrom('priority', 'vip', 'callback', 'new-tag', '重要');
  const fieldArb: fc.Arbitrary<FieldOp> = fc.oneof(
    fc.record({ kind: fc.constant('set-source' as const), sourceId: fc.constantFrom(...sources, 'new-source') }),
    fc.record({
      kind: fc.constant('set-campaign' as const),
      campaignId: fc.option(fc.constantFrom(...data.campaigns.map((c) => c.id)), { nil: null }),
    }),
    fc.record({ kind: fc.constant('add-tags' as const), tags: fc.array(tag, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('remove-tags' as const), tags: fc.array(tag, { minLength: 1, maxLength: 3 }) }),
    fc.constant({ kind: 'mark-verified' as const }),
    fc.record({
      kind: fc.constant('set-text' as const),
      field: fc.constantFrom('name' as const, 'company' as const),
      value: fc.constantFrom('', ' Ada Lovelace ', 'Acme 公司', data.leads[0]!.name),
    }),
  );
  return fc.oneof(
    fieldArb,
    fc.constant({ kind: 'add-to-internal-dnc' as const }),
    fc.record({
      kind: fc.constant('renew-consent' as const),
      proofRef: fc.constantFrom('form-17', 'call-2026-11-29'),
      validityMonths: fc.integer({ min: 1, max: 120 }),
    }),
    fc.constant({ kind: 'delete' as const }),
    fc.record({
      kind: fc.constant('request-consent-renewal' as const),
      channel: fc.constantFrom('email' as const, 'letter' as const),
    }),
    fc.record({ kind: fc.constant('edit-fields' as const), edits: fc.array(fieldArb, { minLength: 1, maxLength: 4 }) }),
  );
};

const inForce = (e: DncEntry | undefined, now: number) =>
  e !== undefined && e.removedVersionId === undefined && (e.addedAt === undefined || e.addedAt <= now);
const keyOrder = (a: DncEntry, b: DncEntry) =>
  a.listId < b.listId
    ? -1
    : a.listId > b.listId
      ? 1
      : a.phoneE164 < b.phoneE164
        ? -1
        : a.phoneE164 > b.phoneE164
          ? 1
          : 0;

export interface ModelResult {
  /** Every table as it must be after the operation, except `audit`. */
  tables: Snapshot;
  /** Ids the operation changes, in selection order. */
  changed: number[];
  /** Ids whose own fields change, and those fields' values before and after (absent = null). */
  fields: Record<number, { before: Record<string, unknown>; after: Record<string, unknown> }>;
  dncAdded: string[];
  consentIds: number[];
}

/** What `op` on `ids` must leave behind, worked out naively from a snapshot of a database with default settings. */
export function model(before: Snapshot, ids: readonly number[], op: BulkOp, now: number): ModelResult {
  const t = structuredClone(before) as Snapshot & {
    leads: Lead[];
    calls: Call[];
    consents: ConsentEvent[];
    consentRequests: ConsentRequest[];
    dncEntries: DncEntry[];
  };
  const byId = new Map(t.leads.map((l) => [l.id, l]));
  const internal = new Map(t.dncEntries.filter((e) => e.listId === 'internal').map((e) => [e.phoneE164, e]));
  const out: ModelResult = { tables: t, changed: [], fields: {}, dncAdded: [], consentIds: [] };
  let nextConsent = Math.max(0, ...t.consents.map((c) => c.id)) + 1;
  t.consentRequests ??= [];
  let nextRequest = Math.max(0, ...t.consentRequests.map((c) => c.id)) + 1;
  const gone = new Set<number>();
  for (const id of new Set(ids)) {
    const lead = byId.get(id);
    if (!lead) continue;
    const set: Record<string, unknown> = {};
    let side = false;
    switch (op.kind) {
      case 'set-text':
      case 'set-source':
      case 'set-campaign':
      case 'add-tags':
      case 'remove-tags':
      case 'mark-verified':
        Object.assign(set, naiveFields(lead, op, now));
        break;
      case 'edit-fields': {
        // Each edit on the lead as the previous ones left it; only fields that end up different count.
        let seen: Record<string, unknown> = { ...lead };
        for (const edit of op.edits) seen = { ...seen, ...naiveFields(seen as unknown as Lead, edit, now) };
        for (const k of ['sourceId', 'campaignId', 'tags', 'verifiedAt', 'name', 'company']) {
          const was = (lead as unknown as Record<string, unknown>)[k] ?? null;
          if (JSON.stringify(seen[k] ?? null) !== JSON.stringify(was)) set[k] = seen[k] ?? null;
        }
        break;
      }
      case 'request-consent-renewal': {
        const r: ConsentRequest = {
          id: nextRequest++,
          leadId: id,
          purpose: 'calls',
          requestedAt: now,
          requestedBy: DEFAULT_SETTINGS.operatorName,
          channel: op.channel,
          ...(op.note ? { note: op.note } : {}),
        };
        t.consentRequests.push(r);
        side = true;
        break;
      }
      case 'add-to-internal-dnc': {
        if (lead.dncStatus !== 'listed') set.dncStatus = 'listed';
        // A number not in force on the internal list before the operation is put on it (once, if two leads share it).
        side = !inForce(internal.get(lead.phoneE164), now);
        if (side && !out.dncAdded.includes(lead.phoneE164)) {
          const entry: DncEntry = {
            listId: 'internal',
            phoneE164: lead.phoneE164,
            addedVersionId: (t.dncListVersions as { id: number; listId: string }[]).find(
              (v) => v.listId === 'internal',
            )!.id,
            addedAt: now,
          };
          t.dncEntries = [
            ...t.dncEntries.filter((e) => e.listId !== 'internal' || e.phoneE164 !== lead.phoneE164),
            entry,
          ].sort(keyOrder);
          out.dncAdded.push(lead.phoneE164);
        }
        break;
      }
      case 'renew-consent': {
        const c: ConsentEvent = {
          id: nextConsent++,
          leadId: id,
          purpose: 'calls',
          kind: 'renewed',
          basis: 'consent',
          capturedAt: now,
          expiresAt: addMonths(now, op.validityMonths, DEFAULT_SETTINGS.orgTimeZone),
          method: 'written',
          proofRef: op.proofRef,
          capturedBy: DEFAULT_SETTINGS.operatorName,
        };
        t.consents.push(c);
        out.consentIds.push(c.id);
        side = true;
        break;
      }
      case 'delete':
        gone.add(id);
        side = true;
        break;
    }
    const keys = Object.keys(set);
    if (!keys.length && !side) continue;
    out.changed.push(id);
    if (!keys.length) continue;
    out.fields[id] = {
      before: Object.fromEntries(keys.map((k) => [k, lead[k as keyof Lead] ?? null])),
      after: Object.fromEntries(keys.map((k) => [k, set[k] ?? null])),
    };
    for (const k of keys) {
      if (set[k] === null) delete (lead as Record<string, unknown>)[k];
      else (lead as Record<string, unknown>)[k] = set[k];
    }
    lead.updatedAt = now;
  }
  t.leads = t.leads.filter((l) => !gone.has(l.id));
  t.calls = t.calls.filter((c) => !gone.has(c.leadId));
  t.consents = t.consents.filter((c) => !gone.has(c.leadId));
  t.consentRequests = t.consentRequests.filter((c) => !gone.has(c.leadId));
  return out;
}

/** A single field edit worked out naively: the fields it sets (null = cleared), none when nothing changes. */
function naiveFields(lead: Lead, op: FieldOp, now: number): Record<string, unknown> {
  switch (op.kind) {
    case 'set-text':
      return lead[op.field] !== op.value.trim() ? { [op.field]: op.value.trim() } : {};
    case 'set-source':
      return lead.sourceId !== op.sourceId ? { sourceId: op.sourceId } : {};
    case 'set-campaign':
      return lead.campaignId !== (op.campaignId ?? undefined) ? { campaignId: op.campaignId } : {};
    case 'add-tags': {
      const add = [...new Set(op.tags.map((x) => x.trim()))].filter((x) => !lead.tags.includes(x));
      return add.length ? { tags: [...lead.tags, ...add] } : {};
    }
    case 'remove-tags':
      return lead.tags.some((x) => op.tags.includes(x)) ? { tags: lead.tags.filter((x) => !op.tags.includes(x)) } : {};
    case 'mark-verified':
      return { verifiedAt: now };
  }
}
