/** The one judge: the same verdict as the verdict function, and a grid state read off that verdict at the same instant. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { MS_PER_DAY } from '../time/calendar';
import { buildComplianceWorld } from './compliance-world';
import type { ConsentEvent } from './consent-event';
import { createJudge, judgeLead } from './judge';
import { effectiveRules } from './policies';
import { verdict } from './verdict';
import type { LeadHistory } from './verdict-types';

const HOUR = 3_600_000;
/** Instants around the 2026 DST changes of New York, London and Sydney, where a day is 23 or 25 hours. */
const DST = [
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 10, 1, 6),
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 3, 4, 16),
  Date.UTC(2026, 9, 3, 16),
];
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Shanghai', 'UTC'];

const lead = {
  id: 1,
  phoneE164: '+12125550100',
  region: 'US',
  timeZone: 'America/New_York',
  acquiredAt: Date.UTC(2025, 6, 1),
  createdAt: Date.UTC(2025, 6, 1),
  dncStatus: 'clear' as const,
  dncCheckedVersions: [],
};

const consent = (capturedAt: number, expiresAt: number): ConsentEvent => ({
  id: 1,
  leadId: 1,
  purpose: 'calls',
  kind: 'granted',
  basis: 'consent',
  capturedAt,
  expiresAt,
  method: 'web-form',
  proofRef: 'form-1',
  capturedBy: 'test',
});

const history = (consents: ConsentEvent[]): LeadHistory => ({
  consents,
  calls: [],
  dncLists: [],
  dncHits: [],
  dncChecks: [],
});

describe('judge', () => {
  it('shows "expiring" exactly when the verdict warns consent-expiring, across DST in every organisation zone', () => {
    let expiring = 0;
    let valid = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...DST),
        fc.integer({ min: -24, max: 0 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -150, max: 150 }),
        (zone, dst, expiryShiftH, noticeDays, atShiftMin) => {
          const settings: Settings = {
            ...DEFAULT_SETTINGS,
            orgTimeZone: zone,
            requireConsent: true,
            expiryNoticeDays: noticeDays,
          };
          const rules = effectiveRules(settings.policyPresets, settings, 'US');
          const expiresAt = dst + expiryShiftH * HOUR + noticeDays * MS_PER_DAY;
          // Judge within minutes of the instant the notice window opens, with the DST change inside the window.
          const at = expiresAt - noticeDays * MS_PER_DAY + atShiftMin * 60_000;
          const j = judgeLead(lead, history([consent(Date.UTC(2025, 0, 1), expiresAt)]), rules, at);
          const warned = j.verdict.reasons.some((r) => r.code === 'consent-expiring');
          expect(j.consent === 'expiring').toBe(warned);
          if (warned) expiring++;
          if (j.consent === 'valid') valid++;
        },
      ),
      { numRuns: 2_000 },
    );
    // Anti-vacuity: both sides of the notice instant were seen.
    expect(expiring).toBeGreaterThan(50);
    expect(valid).toBeGreaterThan(50);
  });

  it("gives the verdict function's own verdict for every lead of a world (the old path as oracle)", () => {
    const world = buildComplianceWorld({
      consents: [consent(Date.UTC(2026, 0, 1), Date.UTC(2026, 5, 1))],
      calls: [
        { leadId: 1, at: Date.UTC(2026, 4, 1, 15), outcome: 'no-answer' },
        { leadId: 2, at: Date.UTC(2026, 4, 2, 15), outcome: 'dnc-requested' },
      ],
      dncLists: [{ id: 'internal', name: 'Internal', kind: 'internal', active: true }],
      dncVersions: [],
      dncEntries: [{ listId: 'internal', phoneE164: '+12125550101', addedVersionId: 0, addedAt: Date.UTC(2026, 3, 1) }],
    });
    const leads = [
      lead,
      { ...lead, id: 2, phoneE164: '+12125550101', region: 'GB', timeZone: 'Europe/London' },
      { ...lead, id: 3, anonymizedAt: Date.UTC(2026, 1, 1) },
    ];
    const judge = createJudge(world, DEFAULT_SETTINGS);
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2026, 8, 1); at += 7 * MS_PER_DAY + 5 * HOUR) {
      for (const l of leads) {
        const rules = effectiveRules(DEFAULT_SETTINGS.policyPresets, DEFAULT_SETTINGS, l.region);
        const oracle = verdict(
          l,
          {
            consents: world.consentsByLead.get(l.id) ?? [],
            calls: world.callsByLead.get(l.id) ?? [],
            dncLists: world.dncLists,
            dncHits: world.hitsByPhone.get(l.phoneE164) ?? [],
            dncChecks: [],
          },
          rules,
          at,
        );
        expect(judge(l, at).verdict).toEqual(oracle);
      }
    }
  });
});
