import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import type { ConsentEvent } from './consent-event';
import { effectiveRules } from './policies';
import { knownAt } from './known-at';
import { verdict } from './verdict';
import { countByReason, verdictSummary } from './verdict-summary';
import type { LeadHistory, VerdictLead } from './verdict-types';

const NY = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';
const local = (text: string, zone = NY) => parseLocal(text, 'yyyy-MM-dd HH:mm', zone)!;
const codes = (v: { reasons: { code: string }[] }) => v.reasons.map((r) => r.code);

// These examples read the presets' own rules: the organisation's default "every call needs a recorded basis" is off here.
const SETTINGS = { ...DEFAULT_SETTINGS, requireConsent: false };
const US = effectiveRules(SETTINGS.policyPresets, SETTINGS); // TSR + TCPA + organisation
const lead: VerdictLead = {
  id: 1,
  phoneE164: '+12125550100',
  region: 'US',
  timeZone: NY,
  acquiredAt: local('2026-01-15 10:00'),
  createdAt: local('2026-01-15 10:00'),
};

// The national list published on March 1, and the lead checked against it that afternoon.
const screened: LeadHistory = {
  consents: [],
  calls: [],
  dncLists: [
    {
      listId: 'us-national',
      kind: 'national',
      active: true,
      versions: [{ id: 10, publishedAt: local('2026-03-01 08:00'), importedAt: local('2026-03-01 09:00') }],
    },
  ],
  dncHits: [],
  dncChecks: [{ at: local('2026-03-01 15:00'), versionIds: [10] }],
};
const TUESDAY_11 = local('2026-03-10 11:00');
const withHistory = (extra: Partial<LeadHistory>): LeadHistory => ({ ...screened, ...extra });

let nextId = 1;
function consent(
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
    method: 'verbal-recording',
    proofRef: 'rec-1',
    capturedBy: 'agent',
    ...extra,
  };
}

describe('verdict: a screened US lead on a Tuesday morning', () => {
  it('is callable, with no reasons', () => {
    expect(verdict(lead, screened, US, TUESDAY_11)).toEqual({ callable: true, reasons: [] });
  });

  it('is not callable once its number is on the national list', () => {
    const v = verdict(lead, withHistory({ dncHits: [{ listId: 'us-national', addedVersionId: 10 }] }), US, TUESDAY_11);
    expect(v).toEqual({
      callable: false,
      reasons: [
        { code: 'dnc-listed', severity: 'block', since: local('2026-03-01 08:00'), detail: { lists: 'us-national' } },
      ],
    });
  });

  it('is not callable after saying "do not call me" on a call, before the list has it', () => {
    const v = verdict(
      lead,
      withHistory({ calls: [{ at: local('2026-03-05 10:00'), outcome: 'dnc-requested' }] }),
      US,
      TUESDAY_11,
    );
    expect(v.reasons[0]).toMatchObject({
      code: 'dnc-listed',
      since: local('2026-03-05 10:00'),
      detail: { lists: 'call-request' },
    });
  });

  it("is blocked when its screening is older than the TSR's 31 days", () => {
    const v = verdict(lead, screened, US, local('2026-04-07 11:00'));
    expect(v.reasons).toEqual([
      {
        code: 'dnc-check-stale',
        severity: 'block',
        since: local('2026-04-02 00:00'),
        detail: { lists: 'us-national', maxAgeDays: 31 },
      },
    ]);
  });

  it('at 22:00 it is outside calling hours, callable again at 08:00', () => {
    const v = verdict(lead, screened, US, local('2026-03-10 22:00'));
    expect(v).toEqual({
      callable: false,
      nextCallableAt: local('2026-03-11 08:00'),
      reasons: [
        {
          code: 'outside-calling-hours',
          severity: 'block',
          since: local('2026-03-10 21:00'),
          until: local('2026-03-11 08:00'),
          detail: { timeZone: NY, local: '2026-03-10 22:00', from: '08:00', to: '21:00' },
        },
      ],
    });
  });

  it('an hour after a call it waits out the 4-hour gap', () => {
    const v = verdict(
      lead,
      withHistory({ calls: [{ at: local('2026-03-10 10:00'), outcome: 'no-answer' }] }),
      US,
      TUESDAY_11,
    );
    expect(v).toMatchObject({
      callable: false,
      nextCallableAt: local('2026-03-10 14:00'),
      reasons: [{ code: 'frequency-capped', until: local('2026-03-10 14:00'), detail: { minGapHours: 4 } }],
    });
  });

  it('a gap that ends at night waits for the morning too', () => {
    const v = verdict(
      lead,
      withHistory({ calls: [{ at: local('2026-03-10 19:00'), outcome: 'busy' }] }),
      US,
      local('2026-03-10 19:30'),
    );
    expect(codes(v)).toEqual(['frequency-capped']);
    expect(v.nextCallableAt).toBe(local('2026-03-11 08:00'));
  });

  it('Florida: the fourth call in 24 h waits until the first leaves the window', () => {
    const florida = effectiveRules(['us-tsr', 'us-tcpa', 'florida'], { ...SETTINGS, minGapHours: 0 });
    const calls = ['09:00', '12:00', '15:00'].map((t) => ({
      at: local(`2026-03-10 ${t}`),
      outcome: 'no-answer' as const,
    }));
    const v = verdict(lead, withHistory({ calls }), florida, local('2026-03-10 16:00'));
    expect(v.reasons).toMatchObject([{ code: 'frequency-capped', detail: { attempts: 3, limit: 3, windowHours: 24 } }]);
    expect(v.nextCallableAt).toBe(local('2026-03-11 09:00'));
  });

  it('past its retention deadline it is not callable, and never becomes so by waiting', () => {
    const old = { ...lead, acquiredAt: local('2022-01-01 10:00') };
    const v = verdict(old, screened, US, local('2026-03-10 22:00'));
    expect(codes(v)).toEqual(['retention-expired', 'outside-calling-hours', 'stale-data']);
    expect(v.reasons[0]).toMatchObject({ since: local('2025-01-01 10:00') });
    expect(v.nextCallableAt).toBeUndefined();
  });

  it('an anonymised lead is never callable, and nothing else is said about it', () => {
    const old = { ...lead, acquiredAt: local('2022-01-01 10:00'), anonymizedAt: local('2026-03-09 00:00') };
    const v = verdict(old, screened, US, local('2026-03-10 22:00'));
    expect(v).toEqual({
      callable: false,
      reasons: [{ code: 'anonymized', severity: 'block', since: local('2026-03-09 00:00') }],
    });
    // Before its purge it was simply past retention.
    expect(codes(verdict(old, screened, US, local('2026-03-08 11:00')))).toEqual(['retention-expired', 'stale-data']);
  });

  it('with the organisation\'s default "every call needs a recorded basis", a lead without one is blocked', () => {
    const strict = effectiveRules(DEFAULT_SETTINGS.policyPresets, DEFAULT_SETTINGS);
    expect(verdict(lead, screened, strict, TUESDAY_11).reasons).toEqual([
      { code: 'consent-missing', severity: 'block' },
    ]);
    const granted = withHistory({ consents: [consent('granted', 'ebr-purchase', local('2026-02-01 10:00'))] });
    expect(verdict(lead, granted, strict, TUESDAY_11)).toEqual({ callable: true, reasons: [] });
  });

  it('data acquired 14 months ago is a warning, not a block', () => {
    const v = verdict({ ...lead, acquiredAt: local('2025-01-10 10:00') }, screened, US, TUESDAY_11);
    expect(v).toEqual({
      callable: true,
      reasons: [{ code: 'stale-data', severity: 'warn', since: local('2026-01-10 10:00'), detail: { months: 12 } }],
    });
  });

  it('US presets need no consent to call a screened number, but a withdrawal still blocks', () => {
    expect(verdict(lead, screened, US, TUESDAY_11).callable).toBe(true);
    const v = verdict(
      lead,
      withHistory({ consents: [consent('withdrawn', 'consent', local('2026-03-02 10:00'))] }),
      US,
      TUESDAY_11,
    );
    expect(v.reasons).toEqual([{ code: 'consent-withdrawn', severity: 'block', since: local('2026-03-02 10:00') }]);
  });
});

describe('verdict: a lead in Shanghai under the Chinese preset', () => {
  const china = effectiveRules(['us-tcpa', 'china'], SETTINGS, 'CN'); // the TCPA does not govern a Chinese number
  const cn: VerdictLead = { ...lead, phoneE164: '+8613800138000', region: 'CN', timeZone: SHANGHAI };
  const noLists: LeadHistory = { consents: [], calls: [], dncLists: [], dncHits: [], dncChecks: [] };
  const at = local('2026-03-10 10:00', SHANGHAI);
  const withConsents = (...consents: ConsentEvent[]) => ({ ...noLists, consents });

  it.each([
    { why: 'no consent at all: a refusal', consents: [], reasons: ['consent-missing'] },
    {
      why: 'an existing customer (EBR) is not consent',
      consents: [consent('granted', 'ebr-purchase', local('2026-02-01 10:00', SHANGHAI))],
      reasons: ['consent-missing'],
    },
    {
      why: 'legitimate interest is not consent',
      consents: [consent('granted', 'legitimate-interest', local('2026-02-01 10:00', SHANGHAI))],
      reasons: ['consent-missing'],
    },
    {
      why: 'explicit consent',
      consents: [consent('granted', 'consent', local('2026-02-01 10:00', SHANGHAI))],
      reasons: [],
    },
    {
      why: 'consent, then a refusal',
      consents: [
        consent('granted', 'consent', local('2026-02-01 10:00', SHANGHAI)),
        consent('withdrawn', 'consent', local('2026-03-01 10:00', SHANGHAI)),
      ],
      reasons: ['consent-withdrawn'],
    },
  ])('$why → $reasons', ({ consents, reasons }) => {
    const v = verdict(cn, withConsents(...consents), china, at);
    expect(codes(v)).toEqual(reasons);
    expect(v.callable).toBe(reasons.length === 0);
  });

  it('names the basis it refused', () => {
    const v = verdict(
      cn,
      withConsents(consent('granted', 'ebr-purchase', local('2026-02-01 10:00', SHANGHAI))),
      china,
      at,
    );
    expect(v.reasons[0]?.detail).toEqual({ rejectedBasis: 'ebr-purchase' });
  });

  it('with the TCPA hours applied to every lead, calls on Shanghai time: 22:00 there is 10:00 in New York', () => {
    const everywhere = effectiveRules(['us-tcpa', 'china'], SETTINGS); // no region: every active preset applies
    const v = verdict(
      cn,
      withConsents(consent('granted', 'consent', local('2026-02-01 10:00', SHANGHAI))),
      everywhere,
      local('2026-03-10 22:00', SHANGHAI),
    );
    expect(codes(v)).toEqual(['outside-calling-hours']);
    expect(v.nextCallableAt).toBe(local('2026-03-11 08:00', SHANGHAI));
  });

  it('consent expiring at midnight in Shanghai warns for the 30 days before, then blocks from that midnight', () => {
    const chinaOnly = effectiveRules(['china'], SETTINGS, 'CN'); // organisation zone: New York
    const expiresAt = local('2026-04-01 00:00', SHANGHAI);
    const history = withConsents(consent('granted', 'consent', local('2025-04-01 10:00', SHANGHAI), { expiresAt }));
    const before = verdict(cn, history, chinaOnly, local('2026-03-31 23:59', SHANGHAI));
    expect(before.callable).toBe(true);
    expect(before.reasons).toMatchObject([{ code: 'consent-expiring', severity: 'warn', until: expiresAt }]);
    expect(verdict(cn, history, chinaOnly, local('2026-03-01 00:00', NY)).reasons).toEqual([]);
    const after = verdict(cn, history, chinaOnly, expiresAt);
    expect(after.reasons).toMatchObject([{ code: 'consent-expired', severity: 'block', since: expiresAt }]);
  });
});

describe('verdict: weekend and Sunday rules abroad', () => {
  const noLists: LeadHistory = { consents: [], calls: [], dncLists: [], dncHits: [], dncChecks: [] };

  it('Canada: Saturday 09:30 in Toronto waits for 10:00', () => {
    const ca = { ...lead, region: 'CA', timeZone: 'America/Toronto' };
    const v = verdict(
      ca,
      noLists,
      effectiveRules(['canada-dncl'], SETTINGS, 'CA'),
      local('2026-03-14 09:30', 'America/Toronto'),
    );
    expect(v.nextCallableAt).toBe(local('2026-03-14 10:00', 'America/Toronto'));
  });

  it('Australia: nothing on Sunday; Monday 09:00 in Sydney', () => {
    const au = { ...lead, region: 'AU', timeZone: 'Australia/Sydney' };
    const v = verdict(
      au,
      noLists,
      effectiveRules(['australia-dncr'], SETTINGS, 'AU'),
      local('2026-03-15 12:00', 'Australia/Sydney'),
    );
    expect(v.reasons[0]?.detail).toMatchObject({ from: '00:00', to: '00:00' });
    expect(v.nextCallableAt).toBe(local('2026-03-16 09:00', 'Australia/Sydney'));
  });
});

describe('verdict as the compliance proof of a past call', () => {
  it('a call made on March 10 was compliant then, whatever happened afterwards', () => {
    const later: LeadHistory = {
      ...screened,
      calls: [{ at: TUESDAY_11, outcome: 'dnc-requested' }],
      consents: [consent('withdrawn', 'consent', local('2026-03-11 09:00'))],
      dncLists: [
        {
          ...screened.dncLists[0]!,
          versions: [
            ...screened.dncLists[0]!.versions,
            { id: 11, publishedAt: local('2026-03-15 08:00'), importedAt: local('2026-03-15 09:00') },
          ],
        },
      ],
      dncHits: [{ listId: 'us-national', addedVersionId: 11 }],
    };
    expect(verdict(lead, later, US, TUESDAY_11)).toEqual({ callable: true, reasons: [] });
    expect(codes(verdict(lead, later, US, local('2026-03-16 11:00')))).toEqual([
      'dnc-listed',
      'dnc-check-stale',
      'consent-withdrawn',
    ]);
  });

  it('knownAt keeps only what was known at the instant', () => {
    const history = withHistory({
      calls: [{ at: TUESDAY_11, outcome: 'busy' }],
      dncChecks: [{ at: TUESDAY_11, versionIds: [10] }],
    });
    const known = knownAt(history, TUESDAY_11);
    expect(known.calls).toEqual([]); // a call at `at` is the one being judged
    expect(known.dncChecks).toHaveLength(1); // a check at `at` happened before dialling
  });
});

describe('countByReason and verdictSummary', () => {
  it('count each reason once per lead', () => {
    const verdicts = [
      verdict(lead, screened, US, TUESDAY_11),
      verdict(lead, screened, US, local('2026-03-10 22:00')),
      verdict({ ...lead, acquiredAt: local('2022-01-01 10:00') }, screened, US, local('2026-03-10 22:00')),
    ];
    const counts = countByReason(verdicts);
    expect(counts['outside-calling-hours']).toBe(2);
    expect(counts['retention-expired']).toBe(1);
    expect(counts['dnc-listed']).toBe(0);
    expect(verdictSummary(verdicts)).toMatchObject({ total: 3, callable: 1 });
  });
});

describe('a lead whose time zone the runtime does not know', () => {
  it("is judged on the organisation's clock rather than not at all", () => {
    const v = verdict({ ...lead, timeZone: 'Mars/Olympus_Mons' }, screened, US, local('2026-03-10 22:00'));
    expect(v.reasons[0]?.detail).toMatchObject({ timeZone: NY, local: '2026-03-10 22:00' });
  });
});
