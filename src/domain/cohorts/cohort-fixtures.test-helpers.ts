/** Random leads with calls for property tests, and the naive reference the aggregate must equal. */
import fc from 'fast-check';
import type { Campaign } from '../catalog/campaign';
import type { Call } from '../leads/call';
import { CALL_OUTCOMES } from '../leads/call-outcome';
import { callFacts } from '../leads/call-facts';
import { ENTRY_METHODS, type Lead } from '../leads/lead';
import { MS_PER_DAY, cohortKey, type CohortGrain } from '../time/calendar';
import type { CohortSplit } from './cohort-aggregate';
import { cohortMetrics, leadOutcome, type CohortMetrics } from './cohort-rates';

export const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Shanghai',
  'Australia/Sydney',
  'UTC',
  'America/St_Johns',
] as const;
export const SOURCES = [
  { id: 'web', kind: 'web' },
  { id: 'expo', kind: 'event' },
  { id: 'vendor', kind: 'vendor' },
] as const;
export const T0 = Date.UTC(2025, 9, 1);
export const CAMPAIGNS: Campaign[] = [
  { id: 'spring', name: 'Spring', channel: 'phone', startsAt: T0, endsAt: T0 + 60 * MS_PER_DAY },
  {
    id: 'expo-fu',
    name: 'Expo follow-up',
    channel: 'phone',
    event: 'expo',
    startsAt: T0 + 30 * MS_PER_DAY,
    endsAt: T0 + 120 * MS_PER_DAY,
  },
  {
    id: 'vendors',
    name: 'Vendor push',
    channel: 'vendor',
    startsAt: T0 + 90 * MS_PER_DAY,
    endsAt: T0 + 200 * MS_PER_DAY,
  },
];

const leadArb = fc.record({
  // Seven months across the autumn and spring DST changes and a year end.
  acquiredAt: fc.integer({ min: T0, max: T0 + 210 * MS_PER_DAY }),
  entryLag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 * MS_PER_DAY })),
  sourceId: fc.constantFrom(...SOURCES.map((s) => s.id)),
  campaignId: fc.option(fc.constantFrom('spring', 'expo-fu', 'vendors', 'unknown'), { nil: undefined }),
  region: fc.constantFrom('US', 'CN', 'GB'),
  entryMethod: fc.constantFrom(...ENTRY_METHODS),
  dncStatus: fc.constantFrom('unchecked' as const, 'clear' as const, 'listed' as const),
  calls: fc.array(
    fc.record({ after: fc.integer({ min: 0, max: 90 * MS_PER_DAY }), outcome: fc.constantFrom(...CALL_OUTCOMES) }),
    { maxLength: 4 },
  ),
});

export interface World {
  leads: Lead[];
  calls: Call[];
}

export const worldArb: fc.Arbitrary<World> = fc.array(leadArb, { maxLength: 80 }).map((rows) => {
  const leads: Lead[] = [];
  const calls: Call[] = [];
  rows.forEach((r, i) => {
    const id = i + 1;
    const createdAt = r.acquiredAt + r.entryLag;
    const mine = r.calls.map((c, j) => ({
      id: calls.length + j + 1,
      leadId: id,
      at: createdAt + c.after,
      outcome: c.outcome,
      durationSec: 0,
      agent: 'a',
    }));
    calls.push(...mine);
    leads.push({
      id,
      phoneE164: `+1212555${String(id).padStart(4, '0')}`,
      phoneRaw: '',
      region: r.region,
      timeZone: 'UTC',
      name: '',
      company: '',
      email: '',
      tags: [],
      sourceId: r.sourceId,
      ...(r.campaignId ? { campaignId: r.campaignId } : {}),
      acquiredAt: r.acquiredAt,
      acquiredAtPrecision: 'exact',
      createdAt,
      updatedAt: createdAt,
      entryMethod: r.entryMethod,
      dncStatus: r.dncStatus,
      dncCheckedVersions: [],
      ...callFacts(mine),
    });
  });
  return { leads, calls };
});

export function splitValue(lead: Lead, split: CohortSplit): string {
  if (split === 'source') return lead.sourceId;
  if (split === 'campaign') return lead.campaignId ?? '';
  if (split === 'region') return lead.region;
  if (split === 'entry') return lead.entryMethod;
  return '';
}

/** The naive reference: group with `cohortKey` and compute every metric lead by lead. */
export function referenceCells(
  world: World,
  grain: CohortGrain,
  split: CohortSplit,
  timeZone: string,
  windowDays: number,
  keep: (key: string) => boolean = () => true,
) {
  const byLead = new Map<number, Call[]>();
  for (const c of world.calls) byLead.set(c.leadId, [...(byLead.get(c.leadId) ?? []), c]);
  const groups = new Map<string, Lead[]>();
  for (const l of world.leads) {
    const key = cohortKey(l.acquiredAt, grain, timeZone);
    if (!keep(key)) continue;
    const id = `${key}|${splitValue(l, split)}`;
    groups.set(id, [...(groups.get(id) ?? []), l]);
  }
  const out = new Map<string, CohortMetrics>();
  for (const [id, ls] of groups)
    out.set(
      id,
      cohortMetrics(
        ls.map((l) => leadOutcome(l, byLead.get(l.id) ?? [])),
        windowDays,
      ),
    );
  return out;
}
