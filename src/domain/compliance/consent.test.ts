import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import type { ConsentEvent } from './consent-event';
import { consentExpiresAt, consentStateAt } from './consent';
import { effectiveRules } from './policies';

const NY = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';
const local = (text: string, zone = NY) => parseLocal(text, 'yyyy-MM-dd HH:mm', zone)!;

let nextId = 1;
function event(
  kind: ConsentEvent['kind'],
  basis: ConsentEvent['basis'],
  capturedAt: number,
  extra: Partial<ConsentEvent> = {},
): ConsentEvent {
  return {
    id: nextId++,
    leadId: 1,
    purpose: 'calls',
    kind,
    basis,
    capturedAt,
    method: 'web-form',
    proofRef: 'form-1',
    capturedBy: 'test',
    ...extra,
  };
}

const US = effectiveRules(['us-tsr', 'us-tcpa'], DEFAULT_SETTINGS);
const CANADA = effectiveRules(['canada-dncl'], DEFAULT_SETTINGS);
const CHINA = effectiveRules(['china'], DEFAULT_SETTINGS);

describe('consentExpiresAt: how long each basis lasts', () => {
  it.each([
    {
      basis: 'ebr-purchase',
      rules: US,
      captured: '2025-01-15 10:00',
      expires: '2026-07-15 10:00',
      why: 'US EBR: 18 months after a purchase',
    },
    {
      basis: 'ebr-inquiry',
      rules: US,
      captured: '2026-01-10 10:00',
      expires: '2026-04-10 10:00',
      why: 'US EBR: 3 months after an inquiry',
    },
    {
      basis: 'ebr-inquiry',
      rules: CANADA,
      captured: '2026-01-10 10:00',
      expires: '2026-07-10 10:00',
      why: 'Canada EBR: 6 months after an inquiry',
    },
    {
      basis: 'consent',
      rules: US,
      captured: '2024-03-01 09:00',
      expires: '2026-03-01 09:00',
      why: 'consent: the organisation validity, 24 months',
    },
    {
      basis: 'ebr-inquiry',
      rules: effectiveRules(['us-tcpa', 'canada-dncl'], DEFAULT_SETTINGS),
      captured: '2026-01-10 10:00',
      expires: '2026-04-10 10:00',
      why: 'US and Canada together: the shorter 3 months',
    },
  ] as const)('$why', ({ basis, rules, captured, expires }) => {
    expect(consentExpiresAt(event('granted', basis, local(captured)), rules)).toBe(local(expires));
  });

  it('an explicit expiry on a consent record wins over the default validity', () => {
    const e = event('granted', 'consent', local('2024-03-01 09:00'), { expiresAt: local('2027-03-01 00:00') });
    expect(consentExpiresAt(e, US)).toBe(local('2027-03-01 00:00'));
  });

  it('a record cannot stretch a statutory EBR window', () => {
    const e = event('granted', 'ebr-inquiry', local('2026-01-10 10:00'), { expiresAt: local('2027-01-10 10:00') });
    expect(consentExpiresAt(e, US)).toBe(local('2026-04-10 10:00'));
  });
});

describe('consentStateAt', () => {
  const granted = event('granted', 'ebr-inquiry', local('2026-01-10 10:00'));

  it.each([
    { at: '2026-01-10 09:59', status: 'missing', why: 'before the grant' },
    { at: '2026-01-10 10:00', status: 'valid', why: 'from the instant it is captured' },
    { at: '2026-04-10 09:59', status: 'valid', why: 'one minute before the 3 months run out' },
    { at: '2026-04-10 10:00', status: 'expired', why: 'when they run out' },
  ])('$why: $status', ({ at, status }) => {
    expect(consentStateAt([granted], 'calls', US, local(at)).status).toBe(status);
  });

  it('reports when it began and when it ends', () => {
    expect(consentStateAt([granted], 'calls', US, local('2026-02-01 12:00'))).toEqual({
      status: 'valid',
      since: local('2026-01-10 10:00'),
      expiresAt: local('2026-04-10 10:00'),
      basis: 'ebr-inquiry',
      eventId: granted.id,
    });
    expect(consentStateAt([granted], 'calls', US, local('2026-05-01 12:00'))).toMatchObject({
      status: 'expired',
      since: local('2026-04-10 10:00'),
    });
  });

  it('a renewal restarts the clock', () => {
    const renewed = event('renewed', 'ebr-inquiry', local('2026-04-01 10:00'));
    expect(consentStateAt([granted, renewed], 'calls', US, local('2026-05-01 12:00'))).toMatchObject({
      status: 'valid',
      expiresAt: local('2026-07-01 10:00'),
    });
  });

  it('a withdrawal after the latest grant wins, and a new grant after it counts again', () => {
    const withdrawn = event('withdrawn', 'consent', local('2026-02-01 10:00'));
    const regranted = event('granted', 'consent', local('2026-03-01 10:00'));
    expect(consentStateAt([granted, withdrawn], 'calls', US, local('2026-02-15 10:00'))).toMatchObject({
      status: 'withdrawn',
      since: withdrawn.capturedAt,
    });
    expect(consentStateAt([granted, withdrawn, regranted], 'calls', US, local('2026-03-02 10:00')).status).toBe(
      'valid',
    );
    expect(consentStateAt([regranted, withdrawn, granted], 'calls', US, local('2026-02-15 10:00')).status).toBe(
      'withdrawn',
    );
  });

  it('a withdrawal at the same instant as a grant wins', () => {
    const same = event('withdrawn', 'consent', granted.capturedAt);
    expect(consentStateAt([same, granted], 'calls', US, local('2026-02-01 10:00')).status).toBe('withdrawn');
  });

  it('a refusal with no grant reads as withdrawn', () => {
    expect(
      consentStateAt([event('withdrawn', 'consent', local('2026-01-01 10:00'))], 'calls', US, local('2026-02-01 10:00'))
        .status,
    ).toBe('withdrawn');
  });

  it('ignores other purposes and events captured after `at`', () => {
    const sms = event('withdrawn', 'consent', local('2026-01-20 10:00'), { purpose: 'sms' });
    const later = event('withdrawn', 'consent', local('2026-03-01 10:00'));
    expect(consentStateAt([granted, sms, later], 'calls', US, local('2026-02-01 10:00')).status).toBe('valid');
  });

  it('China: an EBR or legitimate interest is no consent at all', () => {
    const ebr = event('granted', 'ebr-purchase', local('2026-01-10 10:00', SHANGHAI));
    expect(consentStateAt([ebr], 'calls', CHINA, local('2026-02-01 10:00', SHANGHAI))).toEqual({
      status: 'missing',
      rejectedBasis: 'ebr-purchase',
    });
    const explicit = event('granted', 'consent', local('2026-01-20 10:00', SHANGHAI));
    expect(consentStateAt([ebr, explicit], 'calls', CHINA, local('2026-02-01 10:00', SHANGHAI)).status).toBe('valid');
  });

  it('consent expiring at midnight in Shanghai is still valid at 11:59 that morning in New York, and gone at 12:00', () => {
    const midnightShanghai = local('2026-06-01 00:00', SHANGHAI);
    expect(midnightShanghai).toBe(local('2026-05-31 12:00', NY));
    const e = event('granted', 'consent', local('2025-06-01 09:00'), { expiresAt: midnightShanghai });
    expect(consentStateAt([e], 'calls', US, local('2026-05-31 11:59')).status).toBe('valid');
    expect(consentStateAt([e], 'calls', US, local('2026-05-31 12:00')).status).toBe('expired');
  });

  it("computed expiry lands on the organisation's wall clock: midnight in Shanghai for a Shanghai organisation", () => {
    const rules = effectiveRules(['eu-gdpr'], { ...DEFAULT_SETTINGS, orgTimeZone: SHANGHAI });
    const e = event('granted', 'consent', local('2024-06-01 00:00', SHANGHAI));
    expect(consentStateAt([e], 'calls', rules, local('2026-05-31 11:59', NY)).status).toBe('valid');
    expect(consentStateAt([e], 'calls', rules, local('2026-05-31 12:00', NY))).toMatchObject({
      status: 'expired',
      since: local('2026-06-01 00:00', SHANGHAI),
    });
  });
});
