import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import { effectiveRules } from './policies';
import { staleDataAt } from './stale-data';

const local = (text: string) => parseLocal(text, 'yyyy-MM-dd HH:mm', 'America/New_York')!;
const rules = effectiveRules([], DEFAULT_SETTINGS); // stale after 12 months

describe('staleDataAt: data acquired or verified more than 12 months ago is stale', () => {
  it.each([
    {
      why: 'acquired 11 months ago',
      lead: { acquiredAt: local('2025-04-01 09:00') },
      at: '2026-03-01 09:00',
      stale: false,
    },
    {
      why: 'acquired exactly 12 months ago',
      lead: { acquiredAt: local('2025-03-01 09:00') },
      at: '2026-03-01 09:00',
      stale: true,
    },
    {
      why: 'old, but verified last month',
      lead: { acquiredAt: local('2023-01-01 09:00'), verifiedAt: local('2026-02-01 09:00') },
      at: '2026-03-01 09:00',
      stale: false,
    },
    {
      why: 'a verification after `at` is not known yet',
      lead: { acquiredAt: local('2023-01-01 09:00'), verifiedAt: local('2026-04-01 09:00') },
      at: '2026-03-01 09:00',
      stale: true,
    },
  ])('$why → stale=$stale', ({ lead, at, stale }) => {
    expect(staleDataAt(lead, rules, local(at)).stale).toBe(stale);
  });

  it('says when the data turns stale', () => {
    expect(staleDataAt({ acquiredAt: local('2025-04-01 09:00') }, rules, local('2026-03-01 09:00'))).toEqual({
      stale: false,
      staleFrom: local('2026-04-01 09:00'),
      freshAt: local('2025-04-01 09:00'),
    });
  });
});
