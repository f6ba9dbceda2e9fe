/**
 * The columns an export can carry, and how each value is written. Timestamps are ISO 8601
 * with the offset of the chosen zone (or a chosen pattern); the phone column keeps E.164;
 * sources and campaigns are written by name (their ids only when no name is known).
 */
import { REASON_CODES, type Verdict } from '../compliance/verdict-types';
import type { Lead } from '../leads/lead';
import type { CatalogNames } from '../catalog/catalog-names';
import { formatInZone, toIsoWithOffset } from '../time/calendar';
import { CONTACT_COLUMNS } from './contact-columns';

export const EXPORT_COLUMNS = [
  ...CONTACT_COLUMNS,
  'region',
  'timeZone',
  'acquiredAt',
  'acquiredAtPrecision',
  'createdAt',
  'entryMethod',
  'tags',
  'attempts',
  'lastContactAt',
  'lastOutcome',
  'dncStatus',
  'dncCheckedAt',
  'callable',
  'reasons',
  'callWindow',
  'id',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = [
  ...CONTACT_COLUMNS,
  'acquiredAt',
  'createdAt',
  'tags',
  'dncStatus',
  'callable',
];

export interface ExportTimeFormat {
  timeZone: string;
  /** 'iso' = ISO 8601 with offset; otherwise a date pattern such as `yyyy-MM-dd HH:mm`. */
  pattern: 'iso' | string;
}

export interface ExportRowContext {
  time: ExportTimeFormat;
  verdict?: Verdict;
  /** The lead's next local calling window, pre-formatted (call lists). */
  callWindow?: string;
  /** Names of sources and campaigns by id. */
  names?: CatalogNames;
}

function when(ms: number | undefined, time: ExportTimeFormat): string {
  if (ms === undefined) return '';
  return time.pattern === 'iso' ? toIsoWithOffset(ms, time.timeZone) : formatInZone(ms, time.pattern, time.timeZone);
}

/**
 * The fields of a lead an export reads: what the tables hold, or what the engine's columns hold
 * of it (export-lead-from-columns.ts), which give the same file.
 */
export type ExportLead = Pick<
  Lead,
  | 'id'
  | 'phoneE164'
  | 'name'
  | 'company'
  | 'email'
  | 'tags'
  | 'sourceId'
  | 'campaignId'
  | 'region'
  | 'timeZone'
  | 'acquiredAt'
  | 'acquiredAtPrecision'
  | 'createdAt'
  | 'entryMethod'
  | 'attempts'
  | 'lastContactAt'
  | 'lastOutcome'
  | 'dncStatus'
  | 'dncCheckedAt'
>;

/** One cell's raw text (before formula neutralisation). */
export function exportValue(lead: ExportLead, column: ExportColumn, ctx: ExportRowContext): string {
  switch (column) {
    case 'phone':
      return lead.phoneE164;
    case 'source':
      return ctx.names?.sources.get(lead.sourceId) ?? lead.sourceId;
    case 'campaign':
      return !lead.campaignId ? '' : (ctx.names?.campaigns.get(lead.campaignId) ?? lead.campaignId);
    case 'acquiredAt':
    case 'createdAt':
    case 'lastContactAt':
    case 'dncCheckedAt':
      return when(lead[column], ctx.time);
    case 'tags':
      return lead.tags.join(';');
    case 'attempts':
      return String(lead.attempts);
    case 'lastOutcome':
      return lead.lastOutcome ?? '';
    case 'callable':
      return ctx.verdict ? (ctx.verdict.callable ? 'yes' : 'no') : '';
    case 'reasons':
      // In the fixed order of REASON_CODES, whichever way the verdict was read (judged, or the engine's cached bits).
      return ctx.verdict ? REASON_CODES.filter((c) => ctx.verdict!.reasons.some((r) => r.code === c)).join(';') : '';
    case 'callWindow':
      return ctx.callWindow ?? '';
    case 'id':
      return String(lead.id);
    default:
      return String(lead[column] ?? '');
  }
}
