import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import { effectiveRules } from './policies';
import { isRetentionExpired, retentionDeadline } from './retention';

const local = (text: string) => parseLocal(text, 'yyyy-MM-dd HH:mm', 'America/New_York')!;
const fromContact = effectiveRules([], DEFAULT_SETTINGS); // 36 months after the last contact
const fromAcquired = effectiveRules([], { ...DEFAULT_SETTINGS, retentionFrom: 'acquired', retentionMonths: 24 });

describe('retentionDeadline', () => {
  it.each([
    {
      why: '36 months after the last contact',
      rules: fromContact,
      lead: { acquiredAt: local('2022-05-10 09:00'), lastContactAt: local('2023-01-15 14:00') },
      deadline: '2026-01-15 14:00',
    },
    {
      why: 'never contacted: 36 months after acquisition',
      rules: fromContact,
      lead: { acquiredAt: local('2022-05-10 09:00') },
      deadline: '2025-05-10 09:00',
    },
    {
      why: 'counted from acquisition, contacts do not extend it',
      rules: fromAcquired,
      lead: { acquiredAt: local('2024-02-29 09:00'), lastContactAt: local('2025-01-15 14:00') },
      deadline: '2026-02-28 09:00',
    },
  ])('$why', ({ rules, lead, deadline }) => {
    expect(retentionDeadline(lead, rules)).toBe(local(deadline));
  });
});

describe('isRetentionExpired', () => {
  const lead = { acquiredAt: local('2022-05-10 09:00'), lastContactAt: local('2023-01-15 14:00') };
  it.each([
    ['2026-01-15 13:59', false],
    ['2026-01-15 14:00', true],
  ])('at %s → %s', (at, expired) => {
    expect(isRetentionExpired(lead, fromContact, local(at))).toBe(expired);
  });
});
