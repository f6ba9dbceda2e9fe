import { describe, expect, it } from 'vitest';
import { EARLIEST_ACQUISITION } from '../time/calendar';
import { newLeadSchema } from './lead';
import { buildNewLead, type ManualLeadInput } from './new-lead';

const NOW = Date.UTC(2026, 10, 29, 17, 0);
const DAY = 86_400_000;
const ctx = { defaultRegion: 'US', orgTimeZone: 'America/New_York', now: NOW, entryMethod: 'manual' as const };
const input = (over: Partial<ManualLeadInput> = {}): ManualLeadInput => ({
  phone: '(213) 373-4253',
  name: '  Ada Lovelace ',
  company: 'Analytical Engines ',
  email: 'ada@example.com',
  sourceId: 'referrals',
  acquiredAt: NOW - 3 * DAY,
  ...over,
});

describe('buildNewLead: what a person typed, checked', () => {
  it('accepts a valid lead, normalises the phone and trims the text', () => {
    expect(buildNewLead(input(), ctx)).toEqual({
      ok: true,
      lead: {
        phoneE164: '+12133734253',
        phoneRaw: '(213) 373-4253',
        region: 'US',
        timeZone: 'America/Los_Angeles',
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        email: 'ada@example.com',
        tags: [],
        sourceId: 'referrals',
        acquiredAt: NOW - 3 * DAY,
        acquiredAtPrecision: 'exact',
        entryMethod: 'manual',
      },
    });
  });

  it('builds a lead the new-lead schema accepts', () => {
    const result = buildNewLead(
      input({ campaignId: 'q4-reactivation', tags: ['priority'], acquiredAtPrecision: 'day' }),
      ctx,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(newLeadSchema.parse(result.lead)).toEqual(result.lead);
      expect(result.lead).toMatchObject({
        campaignId: 'q4-reactivation',
        tags: ['priority'],
        acquiredAtPrecision: 'day',
      });
    }
  });

  it.each([
    {
      phone: '13800138000',
      region: 'CN',
      e164: '+8613800138000',
      zone: 'Asia/Shanghai',
      why: 'a Chinese mobile with China as the default region',
    },
    {
      phone: '010 1234 5678',
      region: 'CN',
      e164: '+861012345678',
      zone: 'Asia/Shanghai',
      why: 'a Beijing landline keeps its typed form in phoneRaw',
    },
    {
      phone: '+1 800 555 0100',
      region: 'US',
      e164: '+18005550100',
      zone: 'America/New_York',
      why: 'a toll-free number rings nowhere in particular: the organisation’s zone',
    },
  ])('$why', ({ phone, region, e164, zone }) => {
    const result = buildNewLead(input({ phone }), { ...ctx, defaultRegion: region });
    expect(result).toMatchObject({ ok: true, lead: { phoneE164: e164, phoneRaw: phone, timeZone: zone } });
  });

  it('takes the entry method from the caller, not the input', () => {
    expect(buildNewLead(input(), { ...ctx, entryMethod: 'api' })).toMatchObject({
      ok: true,
      lead: { entryMethod: 'api' },
    });
  });

  it.each([
    { why: 'no acquisition time', over: { acquiredAt: null }, errors: [{ field: 'acquiredAt', code: 'required' }] },
    {
      why: 'acquired in the future',
      over: { acquiredAt: NOW + 60_000 },
      errors: [{ field: 'acquiredAt', code: 'acquired-future' }],
    },
    {
      why: 'acquired before 1990',
      over: { acquiredAt: EARLIEST_ACQUISITION - 1 },
      errors: [{ field: 'acquiredAt', code: 'acquired-before-1990' }],
    },
    { why: 'an invalid phone', over: { phone: '(213) 111-1111' }, errors: [{ field: 'phone', code: 'phone-invalid' }] },
    {
      why: 'a phone in scientific notation',
      over: { phone: '5.55E+09' },
      errors: [{ field: 'phone', code: 'phone-scientific-notation' }],
    },
    { why: 'no phone', over: { phone: '' }, errors: [{ field: 'phone', code: 'phone-empty' }] },
    { why: 'no source', over: { sourceId: '' }, errors: [{ field: 'sourceId', code: 'required' }] },
    { why: 'a malformed email', over: { email: 'ada@' }, errors: [{ field: 'email', code: 'invalid' }] },
    {
      why: 'a non-number acquisition time',
      over: { acquiredAt: Number.NaN },
      errors: [{ field: 'acquiredAt', code: 'invalid' }],
    },
    {
      why: 'everything wrong at once: every field is named',
      over: { phone: 'n/a', sourceId: '', acquiredAt: NOW + DAY },
      errors: [
        { field: 'phone', code: 'phone-not-a-number' },
        { field: 'sourceId', code: 'required' },
        { field: 'acquiredAt', code: 'acquired-future' },
      ],
    },
  ])('refuses $why', ({ over, errors }) => {
    expect(buildNewLead(input(over), ctx)).toEqual({ ok: false, errors });
  });

  it('accepts an acquisition at exactly `now` and at exactly 1990-01-01', () => {
    expect(buildNewLead(input({ acquiredAt: NOW }), ctx).ok).toBe(true);
    expect(buildNewLead(input({ acquiredAt: EARLIEST_ACQUISITION }), ctx).ok).toBe(true);
  });
});
