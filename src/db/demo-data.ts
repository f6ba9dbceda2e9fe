/**
 * The embedded demo dataset: ~20,000 leads over the last 18 months from sources that really
 * differ, with calls, consents, DNC lists and a few leads past retention. Deterministic for
 * a seed and a day, so tests and screenshots see the same world. Pure: no database here.
 */
import type { Campaign } from '../domain/catalog/campaign';
import type { Source } from '../domain/catalog/source';
import type { ConsentEvent } from '../domain/compliance/consent-event';
import type { DncEntry, DncList, DncListVersion } from '../domain/compliance/dnc-list';
import type { Call } from '../domain/leads/call';
import type { CallOutcome } from '../domain/leads/call-outcome';
import { callFacts } from '../domain/leads/call-facts';
import type { Lead } from '../domain/leads/lead';
import { timeZoneForNumber } from '../domain/leads/phone-time-zone';
import { createRng, type Rng } from '../domain/random';
import { MS_PER_DAY, addMonths, atLocalMinute, startOfLocalDay } from '../domain/time/calendar';
import * as P from './demo-profiles';
import * as N from './demo-names';
import { buildDemoDnc } from './demo-dnc';

export interface DemoDataset {
  sources: Source[];
  campaigns: Campaign[];
  leads: Lead[];
  calls: Call[];
  consents: ConsentEvent[];
  dncLists: DncList[];
  dncListVersions: DncListVersion[];
  dncEntries: DncEntry[];
  scrub: { id: number; at: number; versionIds: number[]; leadCount: number; listed: number };
}

export const DEMO_SEED = 20261129;
const ORG_TZ = 'America/New_York';

function phoneFor(rng: Rng, region: P.Region, used: Set<string>): string {
  for (;;) {
    let n: string;
    if (region === 'US')
      n = `+1${rng.pick(N.US_AREA_CODES)}${rng.int(2, 9)}${String(rng.int(0, 99)).padStart(2, '0')}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    else if (region === 'CN')
      n = `+86${rng.pick(['138', '139', '135', '137', '150', '151', '186', '188'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
    else n = `+447${rng.int(400, 999)}${String(rng.int(0, 999999)).padStart(6, '0')}`;
    if (n.startsWith('+1') && (n.slice(5, 7) === '11' || n.slice(5, 8) === '555')) continue;
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

function personFor(rng: Rng, region: P.Region): { name: string; company: string; email: string } {
  if (region === 'CN')
    return { name: rng.pick(N.CN_SURNAMES) + rng.pick(N.CN_GIVEN), company: rng.pick(N.CN_COMPANIES), email: '' };
  const first = rng.pick(N.FIRST_NAMES);
  const last = rng.pick(N.LAST_NAMES);
  const company = rng.pick(N.COMPANIES);
  const domain = company ? company.toLowerCase().replace(/[^a-z]/g, '') + '.example' : 'mail.example';
  return {
    name: `${first} ${last}`,
    company,
    email: rng.chance(0.8) ? `${first}.${last}@${domain}`.toLowerCase() : '',
  };
}

const FAILED: CallOutcome[] = ['no-answer', 'no-answer', 'busy', 'voicemail', 'voicemail', 'disconnected'];

/** Calls for one lead, each placed inside the lead's local working hours and before `now`. */
function callsFor(
  rng: Rng,
  lead: Lead,
  p: { connect: number; convert: number; wrong: number },
  now: number,
  tz: string,
): Omit<Call, 'id'>[] {
  const out: Omit<Call, 'id'>[] = [];
  const ageDays = (now - lead.createdAt) / MS_PER_DAY;
  if (!rng.chance(Math.min(0.93, 0.25 + ageDays / 60))) return out;
  let t = lead.createdAt + rng.next() * 6 * MS_PER_DAY;
  const tries = rng.int(1, 5);
  for (let i = 0; i < tries; i++) {
    const at = atLocalMinute(t, 0, rng.int(9 * 60, 19 * 60), tz);
    if (at >= now - 3_600_000 || at < lead.createdAt) break;
    let outcome: CallOutcome = rng.pick(FAILED);
    if (rng.chance(p.connect)) {
      const r = rng.next();
      outcome =
        r < p.wrong
          ? 'wrong-number'
          : r < p.wrong + 0.015
            ? 'dnc-requested'
            : rng.chance(p.convert)
              ? 'converted'
              : 'connected';
    }
    const connected =
      outcome !== 'no-answer' && outcome !== 'busy' && outcome !== 'voicemail' && outcome !== 'disconnected';
    out.push({
      leadId: lead.id,
      at,
      outcome,
      durationSec: connected ? rng.int(30, 900) : rng.int(0, 40),
      agent: rng.pick(N.AGENTS),
      ...(lead.campaignId ? { campaignId: lead.campaignId } : {}),
    });
    if (connected || outcome === 'disconnected') break;
    t = at + rng.int(1, 12) * MS_PER_DAY;
  }
  return out;
}

/**
 * Build the whole demo world as of `now`. `onLeads` hears how many leads exist so far after
 * each month (it only watches: the world is the same with or without it). `scale` shrinks every
 * source's monthly volume (0.3 → about 6,000 leads instead of 20,000: the e2e suite's size, see
 * demo-scale.ts); the sources, campaigns, DNC lists and kinds of record are the same at any scale.
 */
export function buildDemoDataset(
  now: number,
  seed = DEMO_SEED,
  onLeads?: (leadsSoFar: number) => void,
  scale = 1,
): DemoDataset {
  const rng = createRng(seed);
  const today = startOfLocalDay(now, ORG_TZ);
  const windowStart = addMonths(today, -18, ORG_TZ);
  const monthStart = (m: number) => addMonths(windowStart, m, ORG_TZ);
  const campaigns: Campaign[] = [
    {
      id: 'spring-outbound',
      name: 'Spring outbound',
      channel: 'phone',
      startsAt: monthStart(3),
      endsAt: monthStart(6),
    },
    {
      id: 'expo-follow-up',
      name: 'Expo follow-up',
      channel: 'phone',
      event: 'expo-2026',
      startsAt: monthStart(7),
      endsAt: monthStart(9),
    },
    { id: 'q4-reactivation', name: 'Q4 reactivation', channel: 'phone', startsAt: monthStart(14), endsAt: today },
  ];
  const used = new Set<string>();
  const leads: Lead[] = [];
  const calls: Call[] = [];
  const consents: ConsentEvent[] = [];
  const addLead = (
    profile: Pick<P.SourceProfile, 'id' | 'region' | 'entryMethod' | 'precision'>,
    acquiredAt: number,
    createdAt: number,
    tags: string[],
  ): Lead => {
    const phoneE164 = phoneFor(rng, profile.region, used);
    const person = personFor(rng, profile.region);
    const campaign = campaigns.find(
      (c) => createdAt >= c.startsAt && createdAt < c.endsAt && (!c.event || c.event === profile.id),
    );
    const lead: Lead = {
      id: leads.length + 1,
      phoneE164,
      phoneRaw: phoneE164,
      region: profile.region,
      timeZone: timeZoneForNumber(phoneE164, profile.region) ?? ORG_TZ,
      ...person,
      tags,
      sourceId: profile.id,
      ...(campaign && rng.chance(0.7) ? { campaignId: campaign.id } : {}),
      acquiredAt: profile.precision === 'day' ? startOfLocalDay(acquiredAt, ORG_TZ) : Math.round(acquiredAt),
      acquiredAtPrecision: profile.precision,
      createdAt: Math.round(createdAt),
      updatedAt: Math.round(createdAt),
      entryMethod: profile.entryMethod,
      attempts: 0,
      dncStatus: 'unchecked',
      dncCheckedVersions: [],
      ...(rng.chance(0.15) ? { verifiedAt: Math.round(createdAt + rng.next() * (now - createdAt)) } : {}),
    };
    leads.push(lead);
    return lead;
  };
  const addConsent = (lead: Lead, c: NonNullable<P.SourceProfile['consent']>) => {
    const base = {
      leadId: lead.id,
      purpose: 'calls' as const,
      basis: c.basis,
      method: c.method,
      capturedBy: lead.sourceId,
    };
    const granted = {
      ...base,
      id: consents.length + 1,
      kind: 'granted' as const,
      capturedAt: lead.acquiredAt,
      expiresAt: addMonths(lead.acquiredAt, c.validityMonths, ORG_TZ),
      proofRef: `${c.method}:${lead.sourceId}:${lead.id}`,
    };
    consents.push(granted);
    if (rng.chance(0.12) && granted.expiresAt - 40 * MS_PER_DAY < now) {
      const at = granted.expiresAt - rng.int(5, 40) * MS_PER_DAY;
      consents.push({
        ...base,
        id: consents.length + 1,
        kind: 'renewed',
        capturedAt: at,
        expiresAt: addMonths(at, c.validityMonths, ORG_TZ),
        proofRef: `renewal:${lead.id}`,
      });
    } else if (rng.chance(0.025)) {
      const at = lead.createdAt + rng.next() * (now - lead.createdAt);
      consents.push({
        ...base,
        id: consents.length + 1,
        kind: 'withdrawn',
        capturedAt: Math.round(at),
        proofRef: `withdrawal:${lead.id}`,
      });
    }
  };
  const placeCalls = (lead: Lead, p: { connect: number; convert: number; wrong: number }, until: number) => {
    for (const c of callsFor(rng, lead, p, until, lead.timeZone)) calls.push({ ...c, id: calls.length + 1 });
  };

  for (let m = 0; m < 18; m++) {
    const from = monthStart(m);
    const to = Math.min(monthStart(m + 1), now);
    for (const profile of P.DEMO_PROFILES) {
      const n = Math.round(profile.volume(m) * scale * (0.9 + rng.next() * 0.2));
      const eventDay = from + rng.int(3, 20) * MS_PER_DAY;
      for (let i = 0; i < n; i++) {
        const entered =
          profile.kind === 'event' && profile.id !== 'uk-partner'
            ? eventDay + rng.next() * 2 * MS_PER_DAY
            : from + rng.next() * (to - from);
        const [lo, hi] = profile.ageAtEntryDays;
        const ageMs = (lo + rng.next() * (hi - lo)) * MS_PER_DAY;
        const createdAt = Math.min(now - 60_000, entered + (profile.entryMethod === 'file' ? ageMs : 0));
        const acquiredAt =
          profile.entryMethod === 'file' ? Math.min(entered, createdAt) : Math.max(windowStart, createdAt - ageMs);
        const lead = addLead(
          profile,
          profile.id === 'datamax-list' ? createdAt - ageMs : acquiredAt,
          createdAt,
          rng.chance(0.1) ? ['priority'] : [],
        );
        if (profile.consent && rng.chance(profile.consent.share)) addConsent(lead, profile.consent);
        placeCalls(lead, { connect: profile.connect(m), convert: profile.convert(m), wrong: profile.wrongNumber }, now);
      }
    }
    onLeads?.(leads.length);
  }
  const legacy = {
    id: P.LEGACY_SOURCE.id,
    region: 'US' as const,
    entryMethod: 'file' as const,
    precision: 'day' as const,
  };
  const legacyCreated = addMonths(today, -44, ORG_TZ);
  for (let i = 0; i < Math.round(P.LEGACY_COUNT * scale); i++) {
    const lead = addLead(legacy, legacyCreated - rng.int(30, 400) * MS_PER_DAY, legacyCreated, ['legacy']);
    placeCalls(lead, { connect: 0.3, convert: 0.1, wrong: 0.05 }, addMonths(today, -38, ORG_TZ));
  }

  const byLead = new Map<number, Call[]>();
  for (const c of calls) (byLead.get(c.leadId) ?? byLead.set(c.leadId, []).get(c.leadId)!).push(c);
  for (const lead of leads) Object.assign(lead, callFacts(byLead.get(lead.id) ?? []));

  const dnc = buildDemoDnc(rng, leads, calls, now);
  const sources: Source[] = [...P.DEMO_PROFILES.map(({ id, name, kind }) => ({ id, name, kind })), P.LEGACY_SOURCE];
  return { sources, campaigns, leads, calls, consents, ...dnc };
}
