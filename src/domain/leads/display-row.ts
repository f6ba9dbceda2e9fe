/**
 * A grid row as shown: every value formatted in the reader's locale and zone, the verdict
 * badge's reasons with their dates, ages as a unit and count. Built in the grid's worker for a
 * block of visible rows at the same instant the filter used, so the page only looks up labels
 * and never reads, judges or formats a lead itself.
 */
import type { CatalogNames } from '../catalog/catalog-names';
import type { Judgement } from '../compliance/judge';
import type { ReasonCode, Verdict } from '../compliance/verdict-types';
import { ageParts, durationParts, type AgeParts } from '../time/format-age';
import { cachedDateFormat, cachedNumberFormat } from '../time/intl-cache';
import { DATE, DATE_TIME } from '../time/date-styles';
import type { Lead } from './lead';
import type { ConsentFilterState, DncFilterState } from './lead-filter';
import { storedStageOfRow } from './lifecycle-facts';
import type { LifecycleStage } from './lifecycle-stage';
import { formatPhone } from './phone';

/** How the reader reads dates and numbers: the UI language's locale and the browser's zone. */
export interface DisplayLocale {
  locale: string;
  timeZone: string;
}

export interface DisplayDate {
  text: string;
  /** The instant in ISO 8601 (UTC), for a tooltip and for machines. */
  iso: string;
}

export interface DisplayReason {
  code: ReasonCode;
  block: boolean;
  since?: string;
  until?: string;
}

export interface DisplayRow {
  id: number;
  phone: string;
  phoneE164: string;
  name: string;
  company: string;
  sourceId: string;
  source: string;
  /** '' for none. */
  campaignId: string;
  campaign: string;
  acquired: DisplayDate;
  acquiredAge: AgeParts;
  created: DisplayDate;
  dataAge: AgeParts & { old: boolean };
  consent: ConsentFilterState;
  dnc: DncFilterState;
  dncCheckedAt: string | null;
  lastContact: DisplayDate | null;
  attempts: string;
  lastOutcome: string | null;
  tags: readonly string[];
  callable: boolean;
  reasons: readonly DisplayReason[];
  /** The lifecycle stage at the same instant (the grid's stage filter reads the same rule). */
  stage: LifecycleStage;
}

/** Data older than this when it entered is marked in the "data age" column. */
export const OLD_DATA_MS = 180 * 86_400_000;

export type { CatalogNames };

/**
 * One lead, judged at `at`, as the grid shows it; `dormantMs` is the organisation's dormant period.
 * The judgement is the engine's cached one for the row (index/row-verdict.ts) or a full one.
 */
/** What a grid row shows of a lead: the fields drawn, and whether it was ever connected or converted (for its stage). */
export type DisplayLead = Pick<
  Lead,
  | 'id'
  | 'phoneE164'
  | 'name'
  | 'company'
  | 'sourceId'
  | 'campaignId'
  | 'acquiredAt'
  | 'createdAt'
  | 'dncCheckedAt'
  | 'lastContactAt'
  | 'attempts'
  | 'lastOutcome'
  | 'tags'
> & { connected: boolean; converted: boolean };

/** A stored lead as a grid row sees it. */
export const displayLeadOf = (lead: Lead): DisplayLead => ({
  ...lead,
  connected: lead.firstConnectedAt !== undefined,
  converted: lead.convertedAt !== undefined,
});

export function displayRow(
  lead: DisplayLead,
  judgement: Pick<Judgement, 'verdict' | 'consent' | 'dnc'>,
  names: CatalogNames,
  where: DisplayLocale,
  at: number,
  dormantMs: number,
): DisplayRow {
  const date = cachedDateFormat(where.locale, DATE, where.timeZone);
  const shown = (ms: number): DisplayDate => ({ text: date.format(ms), iso: new Date(ms).toISOString() });
  const dataAgeMs = lead.createdAt - lead.acquiredAt;
  return {
    id: lead.id,
    phone: formatPhone(lead.phoneE164),
    phoneE164: lead.phoneE164,
    name: lead.name,
    company: lead.company,
    sourceId: lead.sourceId,
    source: names.sources.get(lead.sourceId) ?? lead.sourceId,
    campaignId: lead.campaignId ?? '',
    campaign: lead.campaignId ? (names.campaigns.get(lead.campaignId) ?? lead.campaignId) : '',
    acquired: shown(lead.acquiredAt),
    acquiredAge: ageParts(lead.acquiredAt, at),
    created: shown(lead.createdAt),
    dataAge: { ...durationParts(dataAgeMs), old: dataAgeMs > OLD_DATA_MS },
    consent: judgement.consent,
    dnc: judgement.dnc,
    dncCheckedAt: lead.dncCheckedAt !== undefined ? date.format(lead.dncCheckedAt) : null,
    lastContact: lead.lastContactAt !== undefined ? shown(lead.lastContactAt) : null,
    attempts: cachedNumberFormat(where.locale).format(lead.attempts),
    lastOutcome: lead.lastOutcome ?? null,
    tags: lead.tags,
    callable: judgement.verdict.callable,
    reasons: displayReasons(judgement.verdict, where),
    stage: storedStageOfRow(
      lead,
      judgement.verdict.reasons.map((r) => r.code),
      at,
      dormantMs,
    ),
  };
}

/**
 * Build what formatting rows first needs — the locale's date and number formats, the phone
 * numbering plans — ahead of the first block. A cold start's first block took 40–80 ms to format
 * and a later one a few: the grid's worker does this while IndexedDB reads its snapshot, when the
 * worker has nothing else to do (decision 069).
 */
export function prepareDisplay(where: DisplayLocale): void {
  cachedDateFormat(where.locale, DATE, where.timeZone).format(0);
  cachedDateFormat(where.locale, DATE_TIME, where.timeZone).format(0);
  cachedNumberFormat(where.locale).format(0);
  formatPhone('+14155550100');
}

/** A verdict's reasons as shown, with their dates in the reader's locale and zone. */
export function displayReasons(verdict: Verdict, where: DisplayLocale): DisplayReason[] {
  const dateTime = cachedDateFormat(where.locale, DATE_TIME, where.timeZone);
  return verdict.reasons.map((r) => ({
    code: r.code,
    block: r.severity === 'block',
    ...(r.since !== undefined ? { since: dateTime.format(r.since) } : {}),
    ...(r.until !== undefined ? { until: dateTime.format(r.until) } : {}),
  }));
}
