/**
 * The leads filter: what the grid shows, what a chart's drill-down opens, what a compliance
 * queue lists and what an export writes. It lives in the URL (validated by this schema), so
 * every view can be shared and bookmarked. `matchesLeadFilter` is the reference semantics;
 * the columnar index in the grid's worker must answer exactly the same.
 */
import { z } from 'zod';
import { REASON_CODES, type ReasonCode } from '../compliance/verdict-types';
import { addMonths, cohortRange, parseLocal } from '../time/calendar';
import { ENTRY_METHODS, type Lead } from './lead';
import { storedStageOf } from './lifecycle-facts';
import { LIFECYCLE_STAGES } from './lifecycle-stage';

export const CONSENT_FILTER_STATES = ['valid', 'expiring', 'expired', 'missing', 'withdrawn'] as const;
export type ConsentFilterState = (typeof CONSENT_FILTER_STATES)[number];
export const DNC_FILTER_STATES = ['clear', 'listed', 'unchecked', 'stale'] as const;
export type DncFilterState = (typeof DNC_FILTER_STATES)[number];

// A hand-written link names one value plainly (`?source=web-forms`); the app writes JSON lists.
const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item))
    .optional()
    .catch(undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The longest search a link (and the search box) holds. */
export const SEARCH_MAX = 200;

export const leadFilterSchema = z.object({
  /** Free text: digits match the phone, text matches name, company or email (case-insensitive). */
  q: z.string().max(SEARCH_MAX).optional().catch(undefined),
  source: list(z.string()),
  campaign: list(z.string()),
  /** Acquisition day range, inclusive, `yyyy-MM-dd` in the organisation's zone. */
  acquiredFrom: day,
  acquiredTo: day,
  /** Acquisition cohort key: `2026-03-14`, `2026-W11`, `2026-03` or `2026-Q1`. */
  cohort: z
    .string()
    .regex(/^\d{4}-(\d{2}(-\d{2})?|W\d{2}|Q[1-4])$/)
    .optional()
    .catch(undefined),
  entry: list(z.enum(ENTRY_METHODS)),
  region: list(z.string()),
  consent: list(z.enum(CONSENT_FILTER_STATES)),
  dnc: list(z.enum(DNC_FILTER_STATES)),
  /** Leads whose verdict carries any of these reasons. */
  reason: list(z.enum(REASON_CODES)),
  callable: z.enum(['yes', 'no']).optional().catch(undefined),
  /** Lifecycle stage now (docs/lifecycle.md), read off the stored facts with the organisation's dormant period. */
  stage: list(z.enum(LIFECYCLE_STAGES)),
  /** Leads carrying every one of these tags. */
  tags: list(z.string()),
  /** Neither acquired nor verified in the last N months. */
  notVerifiedMonths: z.coerce.number().int().min(1).max(240).optional().catch(undefined),
  contacted: z.enum(['yes', 'no']).optional().catch(undefined),
  connected: z.enum(['yes', 'no']).optional().catch(undefined),
  converted: z.enum(['yes', 'no']).optional().catch(undefined),
  batch: z.coerce.number().int().optional().catch(undefined),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;

/** Facts derived per lead (from the verdict) that filters read. */
export interface LeadDerived {
  consent: ConsentFilterState;
  dnc: DncFilterState;
  reasons: readonly ReasonCode[];
  callable: boolean;
  /** When these facts may next change (absent: never, or not tracked). */
  nextChange?: number;
  /** When valid consent for calls expires, and the retention deadline (the verdict's facts). */
  consentExpiresAt?: number;
  retentionDeadline?: number;
  /** Facts of the lead's calls and consents (lead-flags.ts HISTORY_FLAGS, from historyFlags); absent: none. */
  history?: number;
}

export interface FilterContext {
  orgTimeZone: string;
  now: number;
  /** The organisation's dormant period (`dormantPeriodMs(settings.dormantDays)`), for the stage filter. */
  dormantMs: number;
  /**
   * Whether row `i` is outside its calling hours at `now` — the verdict's fast part, read per
   * question when the columns hold only the slow part (reasons without `outside-calling-hours`,
   * and "callable" meaning "nothing else blocks"). Absent: the columns hold the whole verdict.
   */
  outsideHours?: (i: number) => boolean;
}

/** Instant range [from, to) selected by the acquisition filters, or null when none. */
export function acquiredRange(filter: LeadFilter, timeZone: string): { from: number; to: number } {
  let from = -Infinity;
  let to = Infinity;
  if (filter.cohort) {
    const r = cohortRange(filter.cohort, timeZone);
    if (r) ({ from, to } = r);
  }
  if (filter.acquiredFrom) from = Math.max(from, parseLocal(filter.acquiredFrom, 'yyyy-MM-dd', timeZone) ?? -Infinity);
  if (filter.acquiredTo) {
    const end = cohortRange(filter.acquiredTo, timeZone)?.to;
    if (end !== undefined) to = Math.min(to, end);
  }
  return { from, to };
}

const yesNo = (want: 'yes' | 'no' | undefined, value: boolean) => want === undefined || (want === 'yes') === value;

/** Normalise free text the way the filter compares it. */
export function normaliseQuery(q: string): { text: string; digits: string } {
  const text = q.trim().toLowerCase();
  return { text, digits: /^[\d\s()+.-]+$/.test(text) ? text.replace(/\D/g, '') : '' };
}

/** The reference semantics of every filter (slow, obvious, and the oracle for the fast index). */
export function matchesLeadFilter(lead: Lead, derived: LeadDerived, filter: LeadFilter, ctx: FilterContext): boolean {
  if (filter.q) {
    const { text, digits } = normaliseQuery(filter.q);
    const hay = `${lead.name}\n${lead.company}\n${lead.email}`.toLowerCase();
    if (!(digits ? lead.phoneE164.includes(digits) : hay.includes(text))) return false;
  }
  if (filter.source?.length && !filter.source.includes(lead.sourceId)) return false;
  if (filter.campaign?.length && !filter.campaign.includes(lead.campaignId ?? '')) return false;
  const { from, to } = acquiredRange(filter, ctx.orgTimeZone);
  if (lead.acquiredAt < from || lead.acquiredAt >= to) return false;
  if (filter.entry?.length && !filter.entry.includes(lead.entryMethod)) return false;
  if (filter.region?.length && !filter.region.includes(lead.region)) return false;
  if (filter.consent?.length && !filter.consent.includes(derived.consent)) return false;
  if (filter.dnc?.length && !filter.dnc.includes(derived.dnc)) return false;
  if (filter.reason?.length && !filter.reason.some((r) => derived.reasons.includes(r))) return false;
  if (filter.callable && (filter.callable === 'yes') !== derived.callable) return false;
  if (filter.stage?.length && !filter.stage.includes(storedStageOf(lead, derived.reasons, ctx.now, ctx.dormantMs)))
    return false;
  if (filter.tags?.length && !filter.tags.every((t) => lead.tags.includes(t))) return false;
  if (filter.notVerifiedMonths !== undefined) {
    const last = Math.max(lead.acquiredAt, lead.verifiedAt ?? -Infinity);
    if (last > addMonths(ctx.now, -filter.notVerifiedMonths, ctx.orgTimeZone)) return false;
  }
  if (!yesNo(filter.contacted, lead.attempts > 0)) return false;
  if (!yesNo(filter.connected, lead.firstConnectedAt !== undefined)) return false;
  if (!yesNo(filter.converted, lead.convertedAt !== undefined)) return false;
  if (filter.batch !== undefined && lead.importBatchId !== filter.batch) return false;
  return true;
}

/** True when no filter is set. */
export function isEmptyFilter(filter: LeadFilter): boolean {
  return Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}
