import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { effectiveRules } from './policies';
import { CLOSED, hm, POLICY_PRESETS, PRESET_IDS, presetById } from './policy-presets';

const SUN = 0;
const MON = 1;
const SAT = 6;

describe('policy presets, as data', () => {
  it('lists every preset once, each with a source and an effective date', () => {
    expect(POLICY_PRESETS.map((p) => p.id)).toEqual([...PRESET_IDS]);
    for (const p of POLICY_PRESETS) {
      expect(p.source.length).toBeGreaterThan(0);
      expect(p.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.regions.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['us-tsr', '16 CFR 310.4(b)(3)(iv)'],
    ['us-tcpa', '47 CFR 64.1200(c)(1)'],
    ['florida', 'Fla. Stat. 501.616'],
    ['uk-tps', 'PECR reg. 21 / TPS'],
    ['canada-dncl', 'CRTC Unsolicited Telecommunications Rules'],
    ['eu-gdpr', 'GDPR Art. 6/7'],
  ])('%s cites %s', (id, source) => {
    expect(presetById(id)?.source).toBe(source);
  });

  it('marks the Chinese rules as a draft to check against the final text', () => {
    expect(presetById('china')).toMatchObject({ draft: true, source: expect.stringContaining('check the final text') });
  });

  it.each([
    ['us-tsr', 31],
    ['canada-dncl', 31],
    ['australia-dncr', 30],
    ['uk-tps', 28],
  ])('%s: a DNC list copy may be at most %i days old', (id, days) => {
    expect(presetById(id)?.rules.dncMaxAgeDays).toBe(days);
  });

  it.each([
    ['us-tcpa', MON, { from: hm(8), to: hm(21) }],
    ['us-tcpa', SUN, { from: hm(8), to: hm(21) }],
    ['florida', SAT, { from: hm(8), to: hm(20) }],
    ['canada-dncl', MON, { from: hm(9), to: hm(21, 30) }],
    ['canada-dncl', SAT, { from: hm(10), to: hm(18) }],
    ['canada-dncl', SUN, { from: hm(10), to: hm(18) }],
    ['australia-dncr', MON, { from: hm(9), to: hm(20) }],
    ['australia-dncr', SAT, { from: hm(9), to: hm(17) }],
    ['australia-dncr', SUN, CLOSED],
  ])('%s on weekday %i allows %o', (id, weekday, window) => {
    expect(presetById(id)?.rules.callingHours?.[weekday]).toEqual(window);
  });

  it('encodes EBR windows, caps and record-keeping minimums', () => {
    expect(presetById('us-tcpa')?.rules).toMatchObject({
      ebrPurchaseMonths: 18,
      ebrInquiryMonths: 3,
      dncRequestHonourBusinessDays: 10,
      dncRequestKeepMonths: 60,
    });
    expect(presetById('us-tsr')?.rules).toMatchObject({ ebrPurchaseMonths: 18, ebrInquiryMonths: 3 });
    expect(presetById('canada-dncl')?.rules).toMatchObject({ ebrPurchaseMonths: 18, ebrInquiryMonths: 6 });
    expect(presetById('florida')?.rules.attemptCap).toEqual({ count: 3, windowHours: 24 });
    expect(presetById('china')?.rules).toMatchObject({
      consentRequired: true,
      acceptedBases: ['consent'],
      consentProofKeepMonths: 5,
    });
  });
});

describe('effectiveRules: the strictest active rule wins, and says where it came from', () => {
  const rules = (ids: string[], region?: string) => effectiveRules(ids, DEFAULT_SETTINGS, region);

  it('takes the youngest DNC list age: UK 28 beats Australia 30 beats TSR/Canada 31', () => {
    expect(rules(['us-tsr', 'canada-dncl']).dncMaxAgeDays).toEqual({ value: 31, sources: ['us-tsr', 'canada-dncl'] });
    expect(rules(['us-tsr', 'australia-dncr']).dncMaxAgeDays).toEqual({ value: 30, sources: ['australia-dncr'] });
    expect(rules(['us-tsr', 'uk-tps', 'australia-dncr']).dncMaxAgeDays).toEqual({ value: 28, sources: ['uk-tps'] });
    expect(rules(['eu-gdpr']).dncMaxAgeDays).toBeNull();
  });

  it.each([
    { ids: ['us-tcpa', 'florida'], day: MON, window: { from: hm(8), to: hm(20) }, sources: ['us-tcpa', 'florida'] },
    {
      ids: ['us-tcpa', 'canada-dncl'],
      day: MON,
      window: { from: hm(9), to: hm(21) },
      sources: ['us-tcpa', 'canada-dncl'],
    },
    { ids: ['us-tcpa', 'canada-dncl'], day: SUN, window: { from: hm(10), to: hm(18) }, sources: ['canada-dncl'] },
    {
      ids: ['canada-dncl', 'australia-dncr'],
      day: SAT,
      window: { from: hm(10), to: hm(17) },
      sources: ['canada-dncl', 'australia-dncr'],
    },
    { ids: ['us-tcpa', 'australia-dncr'], day: SUN, window: CLOSED, sources: ['australia-dncr'] },
    { ids: ['eu-gdpr'], day: MON, window: { from: 0, to: 24 * 60 }, sources: [] },
  ])('$ids on weekday $day: calling hours are the intersection $window', ({ ids, day, window, sources }) => {
    expect(rules(ids).callingHours[day]).toEqual({ value: window, sources });
  });

  it('keeps every attempt cap that still binds, dropping the ones a stricter cap covers', () => {
    expect(rules(['florida']).attemptCaps.map((c) => c.value)).toEqual([
      { count: 3, windowHours: 24 },
      { count: 6, windowHours: 168 },
    ]);
    const tight = effectiveRules(['florida'], { ...DEFAULT_SETTINGS, maxAttempts: 2, attemptWindowHours: 48 });
    expect(tight.attemptCaps).toEqual([{ value: { count: 2, windowHours: 48 }, sources: ['organisation'] }]);
  });

  it('takes the shortest EBR windows: TCPA 18/3 with Canada 18/6 gives 18 and 3', () => {
    const r = rules(['us-tcpa', 'canada-dncl']);
    expect(r.ebrPurchaseMonths).toEqual({ value: 18, sources: ['us-tcpa', 'canada-dncl'] });
    expect(r.ebrInquiryMonths).toEqual({ value: 3, sources: ['us-tcpa'] });
  });

  it('requires consent if any preset does, accepting only the bases every preset accepts', () => {
    expect(
      effectiveRules(['us-tsr', 'us-tcpa'], { ...DEFAULT_SETTINGS, requireConsent: false }).consentRequired,
    ).toEqual({ value: false, sources: [] });
    // The organisation requires a recorded basis by default.
    expect(rules(['us-tsr', 'us-tcpa']).consentRequired).toEqual({ value: true, sources: ['organisation'] });
    expect(rules(['us-tsr', 'us-tcpa']).acceptedBases.value).toEqual([
      'consent',
      'ebr-purchase',
      'ebr-inquiry',
      'contract',
    ]);
    expect(rules(['us-tcpa', 'china']).consentRequired).toEqual({ value: true, sources: ['china', 'organisation'] });
    expect(rules(['us-tcpa', 'china']).acceptedBases.value).toEqual(['consent']);
    expect(rules(['eu-gdpr']).acceptedBases.value).toEqual(['consent', 'legitimate-interest', 'contract']);
  });

  it('always applies the organisation settings, even when not listed', () => {
    const r = rules(['us-tcpa']);
    expect(r.presetIds).toEqual(['us-tcpa', 'organisation']);
    expect(r.consentValidityMonths).toEqual({ value: 24, sources: ['organisation'] });
    expect(r.consentNoticeDays.value).toBe(30);
    expect(r.retentionMonths.value).toBe(36);
    expect(r.staleMonths.value).toBe(12);
    expect(r.minGapHours).toEqual({ value: 4, sources: ['organisation'] });
    expect(r.retentionFrom).toBe('last-contact');
    expect(r.timeZone).toBe('America/New_York');
  });

  it('keeps the longest "keep at least" periods and the shortest DNC request deadline', () => {
    const r = rules(['us-tcpa', 'china']);
    expect(r.dncRequestHonourBusinessDays?.value).toBe(10);
    expect(r.dncRequestKeepMonths?.value).toBe(60);
    expect(r.consentProofKeepMonths?.value).toBe(5);
  });

  it('with a region, only the presets governing it take part', () => {
    const ids = ['us-tcpa', 'florida', 'china', 'eu-gdpr'];
    expect(rules(ids, 'US').presetIds).toEqual(['us-tcpa', 'florida', 'organisation']);
    expect(rules(ids, 'CN').presetIds).toEqual(['china', 'organisation']);
    expect(rules(ids, 'DE').presetIds).toEqual(['eu-gdpr', 'organisation']);
    expect(rules(ids, 'CN').callingHours[MON]?.sources).toEqual([]);
    // A number whose country is unknown gets every active preset: the strictest reading.
    expect(rules(ids, 'ZZ').presetIds).toEqual(['us-tcpa', 'florida', 'eu-gdpr', 'china', 'organisation']);
  });

  it('ignores ids it does not know', () => {
    expect(rules(['us-tcpa', 'atlantis']).presetIds).toEqual(['us-tcpa', 'organisation']);
  });
});
