/**
 * A lead as the team edition syncs it: the local row's synced fields as wire values (a missing
 * optional field travels as null), what an edit changed, and the local row a pulled state makes.
 * Local numeric ids never travel; the caller maps them (syncIds table).
 */
import { CALL_FACT_FIELDS } from '../leads/call-facts';
import type { Lead } from '../leads/lead';
import { LEAD_FIELD_NAMES, type LeadFieldName } from './lead-fields';

export type WireFields = Partial<Record<LeadFieldName, unknown>>;

/** Fields that are caches or bookkeeping: merged like any other, never shown as a conflict. */
export const QUIET_FIELDS: ReadonlySet<string> = new Set([
  'updatedAt',
  'createdAt',
  ...CALL_FACT_FIELDS,
  'dncCheckedAt',
]);

/** The lead's synced fields as wire values. */
export function wireFields(lead: Lead): WireFields {
  const out: WireFields = {};
  for (const name of LEAD_FIELD_NAMES) out[name] = (lead as Record<string, unknown>)[name] ?? null;
  return out;
}

/**
 * The synced fields whose value differs between `before` (none: a new lead) and `after`, as wire
 * values. `before` may be the lead or the wire values last recorded for it.
 */
export function changedFields(before: Lead | WireFields | undefined, after: Lead): WireFields {
  const next = wireFields(after);
  if (!before) return next;
  const prev = 'id' in before ? wireFields(before as Lead) : (before as WireFields);
  const out: WireFields = {};
  for (const name of LEAD_FIELD_NAMES) {
    if (JSON.stringify(prev[name]) !== JSON.stringify(next[name])) out[name] = next[name];
  }
  return out;
}

/**
 * The local row for a pulled lead: the pulled values laid over the row held (if any), wire nulls
 * dropped back to missing optional fields. Local-only facts (id, import batch, the DNC versions
 * checked) stay as held.
 */
export function leadFromWire(
  id: number,
  phoneE164: string,
  fields: Record<string, unknown>,
  held: Lead | undefined,
): Lead {
  const row: Record<string, unknown> = {
    attempts: 0,
    dncStatus: 'unchecked',
    dncCheckedVersions: [],
    tags: [],
    ...held,
    id,
    phoneE164,
  };
  for (const name of LEAD_FIELD_NAMES) {
    if (!(name in fields)) continue;
    const value = fields[name];
    if (value === null || value === undefined) delete row[name];
    else row[name] = value;
  }
  row.phoneRaw ??= phoneE164;
  return row as Lead;
}
