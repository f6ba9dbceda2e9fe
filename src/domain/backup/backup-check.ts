/**
 * Checking a whole backup document before anything is written: the envelope (format, a known
 * schema version), exactly the tables that version has — no table missing, none unknown, no
 * prototype-named one — each table's count and SHA-256, and every row against the domain's
 * schema with unique primary keys. The first problems are reported with table, row and reason.
 *
 * The document must come from `JSON.parse`, which keeps a key `__proto__` as an own property;
 * the table names are read with `Object.keys` on that object, before zod (whose record parser
 * drops such a key) sees it.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../audit/audit-hash';
import { epochMs } from '../leads/lead';
import { ROW_SCHEMAS, primaryKeyOf } from './backup-rows';

export const BACKUP_FORMAT = 'leadledger-backup';

/** How many problems a refusal lists at most. */
export const MAX_ISSUES = 20;

/** Names that must never become a key of a plain object. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export interface BackupTable {
  count: number;
  sha256: string;
  rows: unknown[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  createdAt: number;
  tables: Record<string, BackupTable>;
}

/** One reason a backup is refused; `row` is the index in the table's rows, `field` the path in the row. */
export interface BackupIssue {
  reason: string;
  table?: string;
  row?: number;
  field?: string;
  detail?: string;
}

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; issues: BackupIssue[] };

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: epochMs,
  tables: z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
});
const tableSchema = z.object({
  count: z.number().int().min(0),
  sha256: z.string().length(64),
  rows: z.array(z.unknown()),
});

function isPlainRow(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The problems of one table's rows (up to `room` of them). */
function rowIssues(name: string, rows: readonly unknown[], room: number): BackupIssue[] {
  const schema = ROW_SCHEMAS[name];
  const issues: BackupIssue[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < rows.length && issues.length < room; i++) {
    const row = rows[i];
    if (isPlainRow(row) && Object.keys(row).some((k) => FORBIDDEN_NAMES.has(k))) {
      issues.push({
        reason: 'forbidden-field',
        table: name,
        row: i,
        field: Object.keys(row).find((k) => FORBIDDEN_NAMES.has(k))!,
      });
      continue;
    }
    const parsed = schema ? schema.safeParse(row) : { success: true as const };
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      issues.push({
        reason: 'invalid-row',
        table: name,
        row: i,
        field: first.path.map(String).join('.'),
        detail: first.message,
      });
      continue;
    }
    const key = primaryKeyOf(name, row as Record<string, unknown>);
    if (keys.has(key)) issues.push({ reason: 'duplicate-key', table: name, row: i, detail: key });
    keys.add(key);
  }
  return issues;
}

/**
 * Check a parsed backup document completely. `tablesOf(version)` names the tables a backup of
 * that schema version holds, or undefined for a version this app does not know.
 */
export function checkBackup(raw: unknown, tablesOf: (version: number) => readonly string[] | undefined): BackupCheck {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    return {
      ok: false,
      issues: [{ reason: 'not-a-backup', detail: envelope.error.issues[0]?.path.map(String).join('.') }],
    };
  const { schemaVersion, createdAt } = envelope.data;
  const required = tablesOf(schemaVersion);
  if (!required) return { ok: false, issues: [{ reason: 'unknown-schema-version', detail: String(schemaVersion) }] };
  const given = envelope.data.tables as Record<string, unknown>;
  const names = Object.keys(given);
  const issues: BackupIssue[] = [];
  for (const name of names) {
    if (FORBIDDEN_NAMES.has(name)) issues.push({ reason: 'forbidden-table', table: name });
    else if (!required.includes(name)) issues.push({ reason: 'unknown-table', table: name });
  }
  for (const name of required) if (!Object.hasOwn(given, name)) issues.push({ reason: 'missing-table', table: name });
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };

  const tables: Record<string, BackupTable> = {};
  for (const name of required) {
    const table = tableSchema.safeParse(given[name]);
    if (!table.success) {
      issues.push({ reason: 'not-a-table', table: name });
      continue;
    }
    const { count, sha256, rows } = table.data;
    if (rows.length !== count)
      issues.push({ reason: 'count-mismatch', table: name, detail: `${count} ≠ ${rows.length}` });
    else if (sha256Hex(canonicalJson(rows)) !== sha256) issues.push({ reason: 'checksum-mismatch', table: name });
    else issues.push(...rowIssues(name, rows, MAX_ISSUES - issues.length));
    if (issues.length >= MAX_ISSUES) break;
    tables[name] = table.data;
  }
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  return { ok: true, backup: { format: BACKUP_FORMAT, schemaVersion, createdAt, tables } };
}

/** One line per problem, for the screen and error messages: `leads row 3: tags — expected array`. */
export function describeIssue(issue: BackupIssue): string {
  const where =
    issue.table === undefined ? '' : issue.row === undefined ? `${issue.table}: ` : `${issue.table} row ${issue.row}: `;
  const field = issue.field ? `${issue.field} — ` : '';
  return `${where}${field}${issue.detail ?? issue.reason}${issue.detail && !issue.field ? ` (${issue.reason})` : ''}`;
}
