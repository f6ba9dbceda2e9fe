/**
 * A row's verdict as the grid shows it, read off the columns: the cached slow part (reason bits,
 * consent and DNC states, callable) with the calling hours of the instant asked — exactly what the
 * filter tested, so a row is never filtered at one instant and badged at another, and drawing a
 * row needs no history read and no judge. Reason dates come from the columns where they are kept
 * (a consent's expiry for "expiring", the retention deadline for "retention expired"); the others
 * are left to the drawer, which judges its one lead in full (decision 021).
 */
import {
  BLOCKING_REASONS,
  REASON_CODES,
  type Reason,
  type ReasonCode,
  type Verdict,
} from '../../compliance/verdict-types';
import { CONSENT_FILTER_STATES, DNC_FILTER_STATES, type ConsentFilterState, type DncFilterState } from '../lead-filter';
import { FLAG_CALLABLE } from '../../columns/lead-flags';
import type { LeadColumns } from './lead-columns';
import { instantAt } from '../../columns/instant-column';

export interface RowVerdict {
  verdict: Verdict;
  consent: ConsentFilterState;
  dnc: DncFilterState;
}

const BLOCKING: ReadonlySet<ReasonCode> = new Set(BLOCKING_REASONS);
const HOURS = REASON_CODES.indexOf('outside-calling-hours');

/** The verdict of row `i`, with `outside` telling whether it is outside its calling hours at the instant asked. */
export function rowVerdict(cols: LeadColumns, i: number, outside: boolean): RowVerdict {
  const bits = cols.reasons[i]! | (outside ? 1 << HOURS : 0);
  const reasons: Reason[] = [];
  for (let b = 0; b < REASON_CODES.length; b++) {
    if (!(bits & (1 << b))) continue;
    const code = REASON_CODES[b]!;
    const reason: Reason = { code, severity: BLOCKING.has(code) ? 'block' : 'warn' };
    const until = code === 'consent-expiring' ? instantAt(cols.consentExpiresAt, i) : Number.NaN;
    if (!Number.isNaN(until)) reason.until = until;
    const since = code === 'retention-expired' ? instantAt(cols.retentionDeadline, i) : Number.NaN;
    if (!Number.isNaN(since)) reason.since = since;
    reasons.push(reason);
  }
  return {
    verdict: { callable: (cols.flags[i]! & FLAG_CALLABLE) !== 0 && !outside, reasons },
    consent: CONSENT_FILTER_STATES[cols.consent[i]!]!,
    dnc: DNC_FILTER_STATES[cols.dnc[i]!]!,
  };
}
