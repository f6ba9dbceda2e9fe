/**
 * The benchmark's generated dataset: leads with about three calls each, consents and a DNC
 * world, deterministic for (seed, now). Every lead comes from its own seeded stream, so the page
 * can generate a million leads chunk by chunk without holding them all, and any chunking gives
 * the same records. Ids are fixed by the lead id (calls (id-1)*8+k+1, consents (id-1)*3+k+1),
 * so chunks never collide. Pure: no database, no clock (the harness passes `now`).
 */
import type { Campaign } from '../../src/domain/catalog/campaign';
import type { Source } from '../../src/domain/catalog/source';
import type { ConsentEvent } from '../../src/domain/compliance/consent-event';
import type { DncEntry, DncList, DncListVersion } from '../../src/domain/compliance/dnc-list';
import type { Call } from '../../src/domain/leads/call';
import type { CallOutcome } from '../../src/domain/leads/call-outcome';
import { callFacts } from '../../src/domain/leads/call-facts';
import type { Lead } from '../../src/domain/leads/lead';
import {
  CN_GIVEN,
  CN_SURNAMES,
  COMPANIES,
  CN_COMPANIES,
  FIRST_NAMES,
  LAST_NAMES,
  AGENTS,
} from '../../src/db/demo-profiles';
import { createRng, type Rng } from '../../src/domain/random';
import { BENCH_PROFILES, CN_PREFIXES, REGION_ZONE, US_AREAS, type BenchProfile } from './dataset-profiles';

export const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Days of lead history before `now` (the legacy source is older still). */
export const WINDOW_DAYS = 540;
/** The DNC scrub ran this many days before `now`, over every lead that existed then. */
export const SCRUB_DAYS_AGO = 10;
/** Every lead with id % sampleEvery === 0 carries this tag: the bulk-edit scenario's 10k rows. */
export const SAMPLE_TAG = 'sample-10k';
export const MAX_CALLS_PER_LEAD = 8;

export interface DatasetSpec {
  seed: number;
  /** Leads in the whole dataset (ids 1…size). */
  size: number;
  now: number;
}

export interface DatasetChunk {
  leads: Lead[];
  calls: Call[];
  consents: ConsentEvent[];
  dncEntries: DncEntry[];
}

/** Mixes the seed and the lead id into one 32-bit stream seed (murmur3's finaliser). */
function streamSeed(seed: number, id: number): number {
  let h = (seed ^ Math.imul(id, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const GB_MOBILE = ['4', '5', '7', '8', '9'] as const;
const CUMULATIVE = BENCH_PROFILES.reduce<number[]>((acc, p) => [...acc, (acc[acc.length - 1] ?? 0) + p.share], []);
function pickProfile(rng: Rng): BenchProfile {
  const u = rng.next() * CUMULATIVE[CUMULATIVE.length - 1]!;
  return BENCH_PROFILES[CUMULATIVE.findIndex((c) => u < c)] ?? BENCH_PROFILES[0]!;
}

/** A phone number unique per lead id (a bijection of the id into the subscriber digits). */
function phoneFor(
  rng: Rng,
  region: BenchProfile['region'],
  id: number,
): { phone: string; utcOffset: number; zone: string | null } {
  if (region === 'US') {
    const [area, offset] = rng.pick(US_AREAS);
    return { phone: `+1${area}${2_000_000 + ((id * 3_999_971) % 8_000_000)}`, utcOffset: offset, zone: null };
  }
  const [zone, offset] = REGION_ZONE[region];
  if (region === 'CN')
    return {
      phone: `+86${rng.pick(CN_PREFIXES)}${String((id * 7_654_321) % 100_000_000).padStart(8, '0')}`,
      utcOffset: offset,
      zone,
    };
  // UK mobiles: 074, 075, 077–079 (076 is pagers, mostly unallocated).
  return {
    phone: `+447${rng.pick(GB_MOBILE)}${String((id * 12_345_679) % 100_000_000).padStart(8, '0')}`,
    utcOffset: offset,
    zone,
  };
}

function personFor(rng: Rng, region: BenchProfile['region']): Pick<Lead, 'name' | 'company' | 'email'> {
  if (region === 'CN')
    return { name: rng.pick(CN_SURNAMES) + rng.pick(CN_GIVEN), company: rng.pick(CN_COMPANIES), email: '' };
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const company = rng.pick(COMPANIES);
  const domain = company ? `${company.toLowerCase().replace(/[^a-z]/g, '')}.example` : 'mail.example';
  return {
    name: `${first} ${last}`,
    company,
    email: rng.chance(0.8) ? `${first}.${last}@${domain}`.toLowerCase() : '',
  };
}

/** Midnight (local, at a fixed offset) of the day holding `t`. */
const localDay = (t: number, offsetH: number) => Math.floor((t + offsetH * HOUR) / DAY) * DAY - offsetH * HOUR;
/** Same day of month, `months` later (UTC calendar; close enough for consent expiry here). */
function addMonthsUtc(t: number, months: number): number {
  const d = new Date(t);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** When the lead entered LeadLedger: spread over the window with growth towards now, or on event days. */
function createdAtFor(rng: Rng, p: BenchProfile, now: number): number {
  if (p.eventDaysAgo) return now - rng.pick(p.eventDaysAgo) * DAY + rng.next() * 2 * DAY;
  const u = rng.next();
  const t = rng.chance(0.5) ? u : Math.sqrt(u);
  return Math.min(now - 60_000, now - WINDOW_DAYS * DAY * (1 - t));
}

const FAILED: CallOutcome[] = ['no-answer', 'no-answer', 'no-answer', 'busy', 'voicemail', 'voicemail', 'disconnected'];
const isLive = (o: CallOutcome) =>
  o === 'connected' || o === 'converted' || o === 'wrong-number' || o === 'dnc-requested';

/** Attempts until someone answers (or up to 8), in the lead's working hours, before `until`. */
function callsFor(rng: Rng, lead: Lead, p: BenchProfile, offsetH: number, until: number): Call[] {
  const out: Call[] = [];
  const ageDays = (until - lead.createdAt) / DAY;
  if (!rng.chance(Math.min(0.95, 0.3 + ageDays / 30))) return out;
  let t = lead.createdAt + rng.next() * 3 * DAY;
  let followUps = rng.chance(0.45) ? rng.int(1, 3) : 0;
  for (let k = 0; k < MAX_CALLS_PER_LEAD; k++) {
    const at = Math.round(localDay(t, offsetH) + (9 * 60 + rng.int(0, 10 * 60)) * 60_000);
    if (at >= until - HOUR || at < lead.createdAt) break;
    let outcome: CallOutcome = rng.pick(FAILED);
    if (rng.chance(p.connect)) {
      const r = rng.next();
      outcome =
        r < p.wrongNumber
          ? 'wrong-number'
          : r < p.wrongNumber + 0.015
            ? 'dnc-requested'
            : rng.chance(p.convert)
              ? 'converted'
              : 'connected';
    }
    out.push({
      id: (lead.id - 1) * MAX_CALLS_PER_LEAD + k + 1,
      leadId: lead.id,
      at,
      outcome,
      durationSec: isLive(outcome) ? rng.int(30, 900) : rng.int(0, 40),
      agent: rng.pick(AGENTS),
      ...(lead.campaignId ? { campaignId: lead.campaignId } : {}),
    });
    if (
      outcome === 'disconnected' ||
      outcome === 'wrong-number' ||
      outcome === 'dnc-requested' ||
      outcome === 'converted'
    )
      break;
    if (outcome === 'connected' && followUps-- <= 0) break;
    t = at + rng.int(1, 10) * DAY;
  }
  return out;
}

function consentsFor(rng: Rng, lead: Lead, p: BenchProfile, now: number): ConsentEvent[] {
  const c = p.consent;
  if (!c || !rng.chance(c.share)) return [];
  const event = (
    k: number,
    kind: ConsentEvent['kind'],
    capturedAt: number,
    expiresAt: number | undefined,
    proofRef: string,
  ): ConsentEvent => {
    const e: ConsentEvent = {
      id: (lead.id - 1) * 3 + k + 1,
      leadId: lead.id,
      purpose: 'calls',
      kind,
      basis: 'consent',
      capturedAt,
      method: c.method,
      proofRef,
      capturedBy: lead.sourceId,
    };
    if (expiresAt !== undefined) e.expiresAt = expiresAt;
    return e;
  };
  const expiresAt = addMonthsUtc(lead.acquiredAt, c.months);
  const granted = event(0, 'granted', lead.acquiredAt, expiresAt, `${c.method}:${lead.sourceId}:${lead.id}`);
  if (rng.chance(0.12) && expiresAt - 40 * DAY < now) {
    const at = expiresAt - rng.int(5, 40) * DAY;
    return [granted, event(1, 'renewed', at, addMonthsUtc(at, c.months), `renewal:${lead.id}`)];
  }
  if (rng.chance(0.025))
    return [
      granted,
      event(
        1,
        'withdrawn',
        Math.round(lead.createdAt + rng.next() * (now - lead.createdAt)),
        undefined,
        `withdrawal:${lead.id}`,
      ),
    ];
  return [granted];
}

/** DNC entries for this lead's number and its status after the scrub (`unchecked` if newer). */
function dncFor(rng: Rng, lead: Lead, calls: readonly Call[], now: number): DncEntry[] {
  const entries: DncEntry[] = [];
  const phoneE164 = lead.phoneE164;
  if (lead.region === 'US' && rng.chance(0.035))
    entries.push({
      listId: 'national-us',
      phoneE164,
      addedVersionId: 1,
      ...(rng.chance(0.08) ? { removedVersionId: 2 } : {}),
    });
  else if (lead.region === 'US' && rng.chance(0.012))
    entries.push({ listId: 'national-us', phoneE164, addedVersionId: 2 });
  else if (lead.region === 'GB' && rng.chance(0.05)) entries.push({ listId: 'tps-uk', phoneE164, addedVersionId: 3 });
  const asked = calls.find((c) => c.outcome === 'dnc-requested');
  if (asked) entries.push({ listId: 'internal', phoneE164, addedVersionId: 4, addedAt: asked.at });
  const scrubAt = now - SCRUB_DAYS_AGO * DAY;
  if (lead.createdAt <= scrubAt) {
    const hit = entries.some(
      (e) => e.removedVersionId === undefined && (e.addedAt === undefined || e.addedAt <= scrubAt),
    );
    lead.dncStatus = hit ? 'listed' : 'clear';
    lead.dncCheckedAt = scrubAt;
    lead.dncCheckedVersions = [2, 3, 4];
  }
  return entries;
}

/** Lead `id` with its calls, consents and DNC entries. */
export function generateLead(spec: DatasetSpec, id: number): DatasetChunk {
  const rng = createRng(streamSeed(spec.seed, id));
  const { now } = spec;
  const p = pickProfile(rng);
  const { phone, utcOffset, zone } = phoneFor(rng, p.region, id);
  const createdAt = Math.round(createdAtFor(rng, p, now));
  const [lo, hi] = p.ageAtEntryDays;
  const acquired = createdAt - (lo + rng.next() * (hi - lo)) * DAY;
  const campaign = campaignsAt(now).find(
    (c) => createdAt >= c.startsAt && createdAt < c.endsAt && (!c.event || c.event === p.id),
  );
  const tags = [
    ...(p.tag ? [p.tag] : []),
    ...(rng.chance(0.1) ? ['priority'] : []),
    ...(id % sampleEvery(spec.size) === 0 ? [SAMPLE_TAG] : []),
  ];
  const person = personFor(rng, p.region);
  const lead: Lead = {
    id,
    phoneE164: phone,
    phoneRaw: phone,
    region: p.region,
    timeZone: zone ?? US_ZONES[utcOffset] ?? 'America/New_York',
    name: person.name,
    company: person.company,
    email: person.email,
    tags,
    sourceId: p.id,
    acquiredAt: p.precision === 'day' ? localDay(acquired, -5) : Math.round(acquired),
    acquiredAtPrecision: p.precision,
    createdAt,
    updatedAt: createdAt,
    entryMethod: p.entryMethod,
    attempts: 0,
    dncStatus: 'unchecked',
    dncCheckedVersions: [],
  };
  if (campaign && rng.chance(0.7)) lead.campaignId = campaign.id;
  if (rng.chance(0.15)) lead.verifiedAt = Math.round(createdAt + rng.next() * (now - createdAt));
  const calls = callsFor(rng, lead, p, utcOffset, p.id === 'legacy-crm' ? now - 1150 * DAY : now);
  Object.assign(lead, callFacts(calls));
  const consents = consentsFor(rng, lead, p, now);
  const dncEntries = dncFor(rng, lead, calls, now);
  return { leads: [lead], calls, consents, dncEntries };
}

/** Leads `from`…`from+count-1` (ids are 1-based), with everything that belongs to them. */
export function generateChunk(spec: DatasetSpec, from: number, count: number): DatasetChunk {
  const out: DatasetChunk = { leads: [], calls: [], consents: [], dncEntries: [] };
  const end = Math.min(spec.size, from + count - 1);
  for (let id = from; id <= end; id++) {
    const one = generateLead(spec, id);
    out.leads.push(one.leads[0]!);
    for (const c of one.calls) out.calls.push(c);
    for (const c of one.consents) out.consents.push(c);
    for (const e of one.dncEntries) out.dncEntries.push(e);
  }
  return out;
}

/** Every `sampleEvery`-th lead carries SAMPLE_TAG: 10,000 of them (or all, below 10,000). */
export const sampleEvery = (size: number) => Math.max(1, Math.floor(size / 10_000));

const US_ZONES: Record<number, string> = {
  [-5]: 'America/New_York',
  [-6]: 'America/Chicago',
  [-7]: 'America/Denver',
  [-8]: 'America/Los_Angeles',
};

let cached: { now: number; campaigns: Campaign[] } | null = null;
const campaignsAt = (now: number) =>
  (cached?.now === now ? cached : (cached = { now, campaigns: benchCampaigns(now) })).campaigns;

export function benchCampaigns(now: number): Campaign[] {
  return [
    {
      id: 'spring-outbound',
      name: 'Spring outbound',
      channel: 'phone',
      startsAt: now - 450 * DAY,
      endsAt: now - 360 * DAY,
    },
    {
      id: 'expo-follow-up',
      name: 'Expo follow-up',
      channel: 'phone',
      event: 'expo-2026',
      startsAt: now - 330 * DAY,
      endsAt: now - 120 * DAY,
    },
    { id: 'q4-reactivation', name: 'Q4 reactivation', channel: 'phone', startsAt: now - 120 * DAY, endsAt: now },
  ];
}

/** Sources, campaigns and DNC lists (with their versions) of the dataset. */
export function benchCatalog(spec: DatasetSpec): {
  sources: Source[];
  campaigns: Campaign[];
  dncLists: DncList[];
  dncListVersions: DncListVersion[];
} {
  const { now, size } = spec;
  const v = (id: number, listId: string, daysAgo: number, rowCount: number): DncListVersion => ({
    id,
    listId,
    publishedAt: now - daysAgo * DAY,
    importedAt: now - (daysAgo - 1) * DAY,
    fileName: `${listId}-v${id}.txt`,
    sha256: '',
    rowCount,
  });
  return {
    sources: BENCH_PROFILES.map(({ id, name, kind }) => ({ id, name, kind })),
    campaigns: benchCampaigns(now),
    dncLists: [
      { id: 'national-us', name: 'US National DNC Registry', kind: 'national', region: 'US', active: true },
      { id: 'tps-uk', name: 'UK TPS', kind: 'tps', region: 'GB', active: true },
      { id: 'internal', name: 'Internal do-not-call', kind: 'internal', active: true },
    ],
    dncListVersions: [
      v(1, 'national-us', 75, Math.round(size * 0.028)),
      v(2, 'national-us', 12, Math.round(size * 0.036)),
      v(3, 'tps-uk', 20, Math.round(size * 0.005)),
      v(4, 'internal', 540, Math.round(size * 0.004)),
    ],
  };
}
