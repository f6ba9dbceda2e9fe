import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { settingsAt } from './settings-at';

describe('settingsAt', () => {
  it('undoes, newest first, every audited change made after the instant', () => {
    const current = { ...DEFAULT_SETTINGS, staleMonths: 9, policyPresets: ['us-tsr', 'florida', 'organisation'] };
    const changes = [
      { seq: 1, at: 100, before: { staleMonths: 12 } },
      { seq: 2, at: 200, before: { staleMonths: 6 } },
      { seq: 3, at: 300, before: { policyPresets: ['us-tsr', 'organisation'] } },
      { seq: 4, at: 400, before: { staleMonths: 'garbage' } },
    ];
    expect(settingsAt(current, changes, 50)).toMatchObject({
      staleMonths: 12,
      policyPresets: ['us-tsr', 'organisation'],
    });
    expect(settingsAt(current, changes, 150)).toMatchObject({
      staleMonths: 6,
      policyPresets: ['us-tsr', 'organisation'],
    });
    expect(settingsAt(current, changes, 250)).toMatchObject({
      staleMonths: 9,
      policyPresets: ['us-tsr', 'organisation'],
    });
    expect(settingsAt(current, changes, 500)).toEqual(current);
  });
});
