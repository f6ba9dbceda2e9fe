/**
 * The demo's DNC world: a national US list with two published versions, the UK TPS list,
 * and the internal list fed by calls where a person asked not to be called again. A scrub
 * ten days ago checked every lead that existed then against the versions in force.
 */
import type { DncEntry, DncList, DncListVersion } from '../domain/compliance/dnc-list';
import type { Call } from '../domain/leads/call';
import type { Lead } from '../domain/leads/lead';
import type { Rng } from '../domain/random';
import { MS_PER_DAY } from '../domain/time/calendar';

export function buildDemoDnc(rng: Rng, leads: Lead[], calls: Call[], now: number) {
  const dncLists: DncList[] = [
    { id: 'national-us', name: 'US National DNC Registry', kind: 'national', region: 'US', active: true },
    { id: 'tps-uk', name: 'UK TPS', kind: 'tps', region: 'GB', active: true },
    { id: 'internal', name: 'Internal do-not-call', kind: 'internal', active: true },
  ];
  const v = (id: number, listId: string, publishedDaysAgo: number, rowCount: number): DncListVersion => ({
    id,
    listId,
    publishedAt: now - publishedDaysAgo * MS_PER_DAY,
    importedAt: now - (publishedDaysAgo - 1) * MS_PER_DAY,
    fileName: `${listId}-v${id}.txt`,
    sha256: '',
    rowCount,
  });
  const entries = new Map<string, DncEntry>();
  const usLeads = leads.filter((l) => l.region === 'US');
  const ukLeads = leads.filter((l) => l.region === 'GB');
  let us1 = 0;
  let us2 = 0;
  for (const lead of usLeads) {
    const key = `national-us|${lead.phoneE164}`;
    if (rng.chance(0.035)) {
      us1++;
      const removed = rng.chance(0.08);
      if (!removed) us2++;
      entries.set(key, {
        listId: 'national-us',
        phoneE164: lead.phoneE164,
        addedVersionId: 1,
        ...(removed ? { removedVersionId: 2 } : {}),
      });
    } else if (rng.chance(0.012)) {
      us2++;
      entries.set(key, { listId: 'national-us', phoneE164: lead.phoneE164, addedVersionId: 2 });
    }
  }
  let tps = 0;
  for (const lead of ukLeads) {
    if (rng.chance(0.05)) {
      tps++;
      entries.set(`tps-uk|${lead.phoneE164}`, { listId: 'tps-uk', phoneE164: lead.phoneE164, addedVersionId: 3 });
    }
  }
  const phoneOf = new Map(leads.map((l) => [l.id, l.phoneE164]));
  let internal = 0;
  for (const call of calls) {
    if (call.outcome !== 'dnc-requested') continue;
    internal++;
    const phone = phoneOf.get(call.leadId)!;
    entries.set(`internal|${phone}`, { listId: 'internal', phoneE164: phone, addedVersionId: 4, addedAt: call.at });
  }
  const dncListVersions = [
    v(1, 'national-us', 75, us1 + 180_000),
    v(2, 'national-us', 12, us2 + 182_000),
    v(3, 'tps-uk', 20, tps + 24_000),
    v(4, 'internal', 540, internal),
  ];

  const scrubAt = now - 10 * MS_PER_DAY;
  const versionIds = [2, 3, 4];
  let listed = 0;
  let leadCount = 0;
  for (const lead of leads) {
    if (lead.createdAt > scrubAt) continue;
    leadCount++;
    const hit = ['national-us', 'tps-uk', 'internal'].some((listId) => {
      const e = entries.get(`${listId}|${lead.phoneE164}`);
      return e && e.removedVersionId === undefined && (e.addedAt === undefined || e.addedAt <= scrubAt);
    });
    if (hit) listed++;
    lead.dncStatus = hit ? 'listed' : 'clear';
    lead.dncCheckedAt = scrubAt;
    lead.dncCheckedVersions = versionIds;
  }
  return {
    dncLists,
    dncListVersions,
    dncEntries: [...entries.values()],
    scrub: { id: 1, at: scrubAt, versionIds, leadCount, listed },
  };
}
