/**
 * Bulk edits of the leads grid: one Dexie transaction per operation (all or nothing), one
 * audit entry holding every changed id with its exact before and after values, and an undo
 * that restores those values and is itself audited.
 */
import Dexie from 'dexie';
import {
  bulkOpSchema,
  leadChangeFor,
  pickFields,
  restoreFields,
  type BulkOp,
  type LeadFieldChange,
} from '../../domain/leads/bulk-edit';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import { countPreview, type BulkPreview } from '../../domain/leads/bulk-preview';
export type { BulkPreview };
import type { Lead } from '../../domain/leads/lead';
import { journalFilter } from '../../domain/operations/operation';
import { DATA_VERSION_KEY } from '../data-version';
import type { LeadsDb } from '../leads-db';
import { readAuditHead, sealAudit, writeAudit } from './audit-repo';
import { INTERNAL_LIST_ID } from './internal-dnc';
import { applySideTables, inForce } from './bulk-edit-side-tables';
import { journaled, markDone } from './operation-journal-repo';
import { verdictTables } from './world-by-key';

/** The internal list's entries for `phones` (any state: removed and future ones too). */
async function internalEntries(db: LeadsDb, phones: readonly string[]): Promise<Map<string, DncEntry>> {
  const rows = await db.dncEntries
    .where('[listId+phoneE164]')
    .anyOf(phones.map((p) => [INTERNAL_LIST_ID, p]))
    .toArray();
  return new Map(rows.map((e) => [e.phoneE164, e]));
}

/** The lead's change, or null when nothing would change (a listed lead already on the internal list included). */
function changeOf(lead: Lead, op: BulkOp, now: number, internal: Map<string, DncEntry> | null): LeadFieldChange | null {
  const change = leadChangeFor(lead, op, now);
  // The internal list's entries speak only to the operation that adds to it (a read kept from its preview may carry them).
  if (
    op.kind === 'add-to-internal-dnc' &&
    internal &&
    change &&
    change.dncStatus === undefined &&
    inForce(internal.get(lead.phoneE164), now)
  )
    return null;
  return change;
}

/**
 * What an operation reads of a selection: the selected leads and, for the internal DNC list, its
 * entries for their numbers — stamped with the data version they were read at (data-version.ts),
 * so an Apply that follows its Preview can use them instead of reading every lead again, when
 * no write of any tab or worker came in between (the token moves with every tracked write).
 */
export interface SelectionRead {
  /** The data version token at the read; null (no token yet) is never reused. */
  token: string | null;
  /** The selection, each id once (a selection may name an id twice), in the order given. */
  ids: number[];
  leads: Lead[];
  /** The internal list's entries for the leads' numbers, or null when the operation does not read them. */
  internal: Map<string, DncEntry> | null;
}

const currentToken = async (db: LeadsDb): Promise<string | null> => {
  const value = (await db.changes.get(DATA_VERSION_KEY))?.value;
  return typeof value === 'string' ? value : null;
};

/** Read the selection inside the caller's transaction (which must include leads, dncEntries and changes). */
async function loadSelection(db: LeadsDb, ids: readonly number[], op: BulkOp | null): Promise<SelectionRead> {
  const unique = [...new Set(ids)];
  const token = await currentToken(db);
  const rows = await db.leads.bulkGet(unique);
  const leads = rows.filter((l): l is Lead => l !== undefined);
  const internal =
    op?.kind === 'add-to-internal-dnc'
      ? await internalEntries(
          db,
          leads.map((l) => l.phoneE164),
        )
      : null;
  return { token, ids: unique, leads, internal };
}

/**
 * The selection as the operation would read it now, in one read transaction (consistent with its
 * token); with no operation yet (a dialog just opened), the leads alone.
 */
export function readSelection(db: LeadsDb, ids: readonly number[], rawOp: BulkOp | null): Promise<SelectionRead> {
  const op = rawOp && bulkOpSchema.parse(rawOp);
  return db.transaction('r', [db.leads, db.dncEntries, db.changes], () => loadSelection(db, ids, op));
}

/** Whether `known` still is what the operation would read: same selection, what it needs read, no write since. */
function stillCurrent(known: SelectionRead, token: string | null, unique: readonly number[], op: BulkOp): boolean {
  if (known.token === null || known.token !== token || known.ids.length !== unique.length) return false;
  if (op.kind === 'add-to-internal-dnc' && known.internal === null) return false;
  return unique.every((id, i) => known.ids[i] === id);
}

/** How many of `ids` the operation would change (read only). */
export async function previewBulkEdit(
  db: LeadsDb,
  ids: readonly number[],
  rawOp: BulkOp,
  now = Date.now(),
): Promise<BulkPreview> {
  return previewOf(await readSelection(db, ids, rawOp), rawOp, now);
}

/** The preview of `op` over a selection already read. */
export function previewOf(read: SelectionRead, rawOp: BulkOp, now: number): BulkPreview {
  // Parsed as apply parses it (tags trimmed), so the preview counts what apply will change.
  const op = bulkOpSchema.parse(rawOp);
  const { leads, internal } = read;
  return countPreview(
    op,
    read.ids.length,
    leads.length,
    leads.map((lead) => changeOf(lead, op, now, internal)),
  );
}

/** Records a step of an Apply: its name and its start (performance.now()); the worker measures it (diagnostics only). */
export type StepTimer = (name: string, start: number) => void;

export interface BulkResult {
  auditSeq: number;
  changed: number;
  /** The leads it changed (for "select the changed leads"). */
  changedIds: number[];
}

/**
 * Apply `op` to every lead in `ids`, atomically. Journaled (operation-journal-repo.ts); `filter` is
 * the grid filter an "all matching" selection came from, so an interrupted edit can be retried.
 * `known` is the selection its preview read: used when the data version inside this transaction
 * is still the one it was read at, else every lead is read again.
 */
export async function applyBulkEdit(
  db: LeadsDb,
  ids: readonly number[],
  rawOp: BulkOp,
  now = Date.now(),
  filter?: Record<string, unknown>,
  known?: SelectionRead,
  step: StepTimer = () => undefined,
): Promise<BulkResult> {
  const op = bulkOpSchema.parse(rawOp);
  const begun = performance.now();
  let committing = begun;
  const tables = [...verdictTables(db), db.audit, db.settings, db.operations, db.changes];
  const summary = { opKind: op.kind, count: new Set(ids).size, ...(filter ? { filter: journalFilter(filter) } : {}) };
  return journaled(
    db,
    'bulk-edit',
    summary,
    (journal) =>
      db.transaction('rw', tables, async () => {
        step('bulk:apply:journal', begun);
        const transaction = Dexie.currentTransaction;
        let t = performance.now();
        const unique = [...new Set(ids)];
        const { leads, internal } =
          known && stillCurrent(known, await currentToken(db), unique, op)
            ? known
            : await loadSelection(db, unique, op);
        step(known && leads === known.leads ? 'bulk:apply:selection-kept' : 'bulk:apply:selection-read', t);
        t = performance.now();
        const before: Record<number, unknown> = {};
        const after: Record<number, unknown> = {};
        const changedIds: number[] = [];
        const puts: Lead[] = [];
        for (const lead of leads) {
          const change = changeOf(lead, op, now, internal);
          if (change === null) continue;
          changedIds.push(lead.id);
          const fields = Object.keys(change);
          if (fields.length) {
            before[lead.id] = pickFields(lead, fields);
            const values = Object.fromEntries(fields.map((f) => [f, change[f as keyof typeof change] ?? null]));
            after[lead.id] = values;
            // restoreFields drops a cleared field (campaign set to none) instead of storing `campaignId: undefined`.
            puts.push({ ...restoreFields(lead, values), updatedAt: now });
          }
        }
        step('bulk:apply:changes', t);
        t = performance.now();
        const changedSet = new Set(changedIds);
        const extra = await applySideTables(
          db,
          op,
          leads.filter((l) => changedSet.has(l.id)),
          now,
          internal,
        );
        // Read before the leads' writes are queued: a transaction's requests run in order.
        const head = await readAuditHead(db);
        step('bulk:apply:side-tables', t);
        t = performance.now();
        // The puts are queued first, and the entry is sealed (hashed, in this thread) while the
        // database writes them. Nothing else is awaited while they are under way: Dexie follows a
        // transaction's zone through native awaits only so far, and lost it with the entry's
        // writes awaited beside them.
        const putting = puts.length ? db.leads.bulkPut(puts) : null;
        putting?.catch(() => undefined); // its failure is rethrown where it is awaited, below
        const entry = sealAudit(
          head,
          {
            action: op.kind === 'delete' ? 'delete' : 'bulk-edit',
            entity: 'lead',
            ids: changedIds,
            before: { op, leads: before, ...extra.before },
            after: { op, leads: after, ...extra.after },
          },
          now,
        );
        step('bulk:apply:seal', t);
        t = performance.now();
        if (putting) await putting;
        // Had the zone been lost, the writes below would run in transactions of their own: refuse.
        if (Dexie.currentTransaction !== transaction) throw new Error('The bulk edit lost its transaction.');
        step('bulk:apply:put', t);
        t = performance.now();
        await writeAudit(db, head, entry);
        await markDone(db, journal, now);
        step('bulk:apply:audit', t);
        committing = performance.now();
        return { auditSeq: entry.seq, changed: changedIds.length, changedIds };
      }),
    now,
  ).finally(() => step('bulk:apply:commit', committing));
}
