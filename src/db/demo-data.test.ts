import { describe, expect, it } from 'vitest';
import { consentEventSchema, type ConsentEvent } from '../domain/compliance/consent-event';
import { consentStateAt } from '../domain/compliance/consent';
import { effectiveRules } from '../domain/compliance/policies';
import { isRetentionExpired } from '../domain/compliance/retention';
import { callSchema } from '../domain/leads/call';
import { leadSchema } from '../domain/leads/lead';
import { DEFAULT_SETTINGS } from '../domain/settings/settings';
import { EARLIEST_ACQUISITION, MS_PER_DAY } from '../domain/time/calendar';
import { buildDemoDataset, DEMO_SEED } from './demo-data';

const NOW = Date.UTC(2026, 10, 29, 17, 0);
const rules = effectiveRules(DEFAULT_SETTINGS.policyPresets, DEFAULT_SETTINGS);

// The full demo, and the third of it the e2e suite seeds (demo-scale.ts): the same kinds of record.
describe.each([1, 0.3])('buildDemoDataset at scale %s', (scale) => {
  const data = buildDemoDataset(NOW, DEMO_SEED, undefined, scale);

  it('is the same world for the same seed and day, and another for another seed', () => {
    expect(buildDemoDataset(NOW, DEMO_SEED, undefined, scale)).toEqual(data);
    // Watching the build (the seeding progress line) does not change the world.
    const heard: number[] = [];
    expect(buildDemoDataset(NOW, DEMO_SEED, (n) => heard.push(n), scale)).toEqual(data);
    expect(heard.at(-1)).toBeLessThanOrEqual(data.leads.length);
    expect(heard.length).toBe(18);
    const other = buildDemoDataset(NOW, DEMO_SEED + 1, undefined, scale);
    expect(other.leads.map((l) => l.phoneE164).slice(0, 50)).not.toEqual(
      data.leads.map((l) => l.phoneE164).slice(0, 50),
    );
  });

  it('has about 20,000 leads (times the scale) from at least 8 sources, each source known', () => {
    expect(data.leads.length).toBeGreaterThan(18_000 * scale);
    expect(data.leads.length).toBeLessThan(24_000 * scale);
    expect(data.sources.length).toBeGreaterThanOrEqual(8);
    const sourceIds = new Set(data.sources.map((s) => s.id));
    const used = new Set(data.leads.map((l) => l.sourceId));
    expect([...used].every((id) => sourceIds.has(id))).toBe(true);
    expect(used.size).toBe(sourceIds.size);
  });

  it('every record passes its schema', () => {
    const bad = (schema: { safeParse: (v: unknown) => { success: boolean } }, rows: readonly unknown[]) =>
      rows.filter((r) => !schema.safeParse(r).success);
    expect(bad(leadSchema, data.leads)).toEqual([]);
    expect(bad(callSchema, data.calls)).toEqual([]);
    expect(bad(consentEventSchema, data.consents)).toEqual([]);
  });

  it('ids and phone numbers are unique', () => {
    expect(new Set(data.leads.map((l) => l.id)).size).toBe(data.leads.length);
    expect(new Set(data.leads.map((l) => l.phoneE164)).size).toBe(data.leads.length);
    expect(new Set(data.calls.map((c) => c.id)).size).toBe(data.calls.length);
    expect(new Set(data.consents.map((c) => c.id)).size).toBe(data.consents.length);
  });

  it('every lead was acquired from 1990 on, before it was entered, and entered by now', () => {
    const wrong = data.leads.filter(
      (l) =>
        !(
          l.acquiredAt >= EARLIEST_ACQUISITION &&
          l.acquiredAt <= l.createdAt &&
          l.createdAt <= NOW &&
          l.updatedAt <= NOW
        ),
    );
    expect(wrong).toEqual([]);
  });

  it('every call belongs to a lead and happened after it was entered and before now', () => {
    const byId = new Map(data.leads.map((l) => [l.id, l]));
    const orphans = data.calls.filter((c) => !byId.has(c.leadId));
    expect(orphans).toEqual([]);
    expect(data.calls.filter((c) => c.at < byId.get(c.leadId)!.createdAt || c.at > NOW)).toEqual([]);
    expect(data.consents.filter((c) => !byId.has(c.leadId))).toEqual([]);
  });

  it('the derived call facts match the calls', () => {
    const attempts = new Map<number, number>();
    for (const c of data.calls) attempts.set(c.leadId, (attempts.get(c.leadId) ?? 0) + 1);
    expect(data.leads.filter((l) => l.attempts !== (attempts.get(l.id) ?? 0))).toEqual([]);
  });

  it('has consents expiring within 30 days, expired ones and withdrawn ones', () => {
    const byLead = new Map<number, ConsentEvent[]>();
    for (const c of data.consents) byLead.set(c.leadId, [...(byLead.get(c.leadId) ?? []), c]);
    const states = [...byLead.values()].map((events) => consentStateAt(events, 'calls', rules, NOW));
    const expiringSoon = states.filter((s) => s.status === 'valid' && s.expiresAt! <= NOW + 30 * MS_PER_DAY);
    const expired = states.filter((s) => s.status === 'expired');
    const withdrawn = states.filter((s) => s.status === 'withdrawn');
    expect(expiringSoon.length).toBeGreaterThanOrEqual(20);
    expect(expired.length).toBeGreaterThanOrEqual(20);
    expect(withdrawn.length).toBeGreaterThanOrEqual(20);
  });

  it('the national DNC list has two published versions; the second adds and removes numbers', () => {
    const national = data.dncListVersions
      .filter((v) => v.listId === 'national-us')
      .sort((a, b) => a.publishedAt - b.publishedAt);
    expect(national).toHaveLength(2);
    const [v1, v2] = national;
    expect(v1!.publishedAt).toBeLessThan(v2!.publishedAt);
    expect(v2!.publishedAt).toBeLessThanOrEqual(NOW);
    const entries = data.dncEntries.filter((e) => e.listId === 'national-us');
    expect(entries.some((e) => e.addedVersionId === v1!.id && e.removedVersionId === v2!.id)).toBe(true);
    expect(entries.some((e) => e.addedVersionId === v2!.id)).toBe(true);
    expect(data.dncLists.map((l) => l.id).sort()).toEqual(['internal', 'national-us', 'tps-uk']);
  });

  it('the last scrub checked leads against the versions then in force', () => {
    const checked = data.leads.filter((l) => l.dncCheckedAt === data.scrub.at);
    expect(checked.length).toBe(data.scrub.leadCount);
    expect(checked.filter((l) => l.dncStatus === 'listed').length).toBe(data.scrub.listed);
    expect(data.scrub.listed).toBeGreaterThan(0);
  });

  it('has leads past retention, all from the legacy CRM', () => {
    const past = data.leads.filter((l) => isRetentionExpired(l, rules, NOW));
    expect(past.length).toBeGreaterThan(300 * scale);
    expect(new Set(past.map((l) => l.sourceId))).toEqual(new Set(['legacy-crm']));
  });

  it('spreads leads over regions and entry methods the app must handle', () => {
    expect(new Set(data.leads.map((l) => l.region))).toEqual(new Set(['US', 'CN', 'GB']));
    expect(new Set(data.leads.map((l) => l.entryMethod))).toEqual(new Set(['api', 'file', 'manual']));
    expect(data.leads.some((l) => l.timeZone === 'Asia/Shanghai')).toBe(true);
  });
});
