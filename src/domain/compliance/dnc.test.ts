import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import {
  addBusinessDays,
  dncCheckState,
  dncListedAt,
  dncRequestHonourBy,
  dncRequestKeepUntil,
  versionInForce,
} from './dnc';
import { effectiveRules } from './policies';
import type { DncListState } from './verdict-types';

const NY = 'America/New_York';
const local = (text: string) => parseLocal(text, 'yyyy-MM-dd HH:mm', NY)!;

// The national list: version 1 published on Jan 1 and imported the next day; version 2 published Feb 1, imported Feb 3.
const national: DncListState = {
  listId: 'us-national',
  kind: 'national',
  active: true,
  versions: [
    { id: 2, publishedAt: local('2026-02-01 00:00'), importedAt: local('2026-02-03 09:00') },
    { id: 1, publishedAt: local('2026-01-01 00:00'), importedAt: local('2026-01-02 09:00') },
  ],
};
const internal: DncListState = { listId: 'internal', kind: 'internal', active: true, versions: [] };
const retired: DncListState = {
  listId: 'old-state',
  kind: 'state',
  active: false,
  versions: [{ id: 9, publishedAt: local('2025-01-01 00:00'), importedAt: local('2025-01-01 00:00') }],
};
const lists = [national, internal, retired];

describe('versionInForce: the newest version both published and imported', () => {
  it.each([
    { at: '2026-01-01 12:00', id: undefined, why: 'published but not yet imported' },
    { at: '2026-01-02 09:00', id: 1, why: 'imported' },
    { at: '2026-02-02 12:00', id: 1, why: 'version 2 is published, but we do not have it yet' },
    { at: '2026-02-03 09:00', id: 2, why: 'version 2 imported' },
  ])('at $at → version $id ($why)', ({ at, id }) => {
    expect(versionInForce(national, local(at))?.id).toBe(id);
  });
});

describe('dncListedAt', () => {
  it('a number added by version 2 is listed once version 2 is in force', () => {
    const hits = [{ listId: 'us-national', addedVersionId: 2 }];
    expect(dncListedAt(hits, lists, local('2026-02-02 12:00')).listed).toBe(false);
    expect(dncListedAt(hits, lists, local('2026-02-03 09:00'))).toEqual({
      listed: true,
      since: local('2026-02-01 00:00'),
      listIds: ['us-national'],
    });
  });

  it('a removal in the version in force lifts the listing', () => {
    const hits = [{ listId: 'us-national', addedVersionId: 1, removedVersionId: 2 }];
    expect(dncListedAt(hits, lists, local('2026-01-15 12:00')).listed).toBe(true);
    expect(dncListedAt(hits, lists, local('2026-02-04 12:00')).listed).toBe(false);
  });

  it('an internal request counts from the instant it was made', () => {
    const hits = [{ listId: 'internal', addedVersionId: 0, addedAt: local('2026-03-05 14:30') }];
    expect(dncListedAt(hits, lists, local('2026-03-05 14:29')).listed).toBe(false);
    expect(dncListedAt(hits, lists, local('2026-03-05 14:30'))).toMatchObject({
      listed: true,
      since: local('2026-03-05 14:30'),
    });
  });

  it('an internal request filed under an older version of the list still counts only from its own instant', () => {
    const withVersion: DncListState = {
      ...internal,
      versions: [{ id: 4, publishedAt: local('2025-01-01 00:00'), importedAt: local('2025-01-01 00:00') }],
    };
    const hits = [{ listId: 'internal', addedVersionId: 4, addedAt: local('2026-03-05 14:30') }];
    expect(dncListedAt(hits, [withVersion], local('2026-03-01 12:00')).listed).toBe(false);
    expect(dncListedAt(hits, [withVersion], local('2026-03-06 12:00'))).toMatchObject({
      listed: true,
      since: local('2026-03-05 14:30'),
    });
  });

  it('an inactive list does not count', () => {
    expect(dncListedAt([{ listId: 'old-state', addedVersionId: 9 }], lists, local('2026-03-01 12:00')).listed).toBe(
      false,
    );
  });
});

describe('dncCheckState: the US TSR allows a list copy and a check at most 31 days old', () => {
  const tsr = effectiveRules(['us-tsr'], DEFAULT_SETTINGS);
  // Version 3 published and imported on March 1, and the lead checked against it that afternoon.
  const march: DncListState = {
    ...national,
    versions: [
      ...national.versions,
      { id: 3, publishedAt: local('2026-03-01 08:00'), importedAt: local('2026-03-01 09:00') },
    ],
  };
  const checks = [{ at: local('2026-03-01 15:00'), versionIds: [3] }];

  it.each([
    ['2026-03-31 12:00', false, '30 days later'],
    ['2026-04-01 23:59', false, '31 days later, still fine'],
    ['2026-04-02 00:00', true, '32 days later: stale from midnight'],
  ])('at %s stale=%s (%s)', (at, stale) => {
    expect(dncCheckState(checks, [march, internal], tsr, local(at)).stale).toBe(stale);
  });

  it('says when a fresh check goes stale, and when a stale one went', () => {
    expect(dncCheckState(checks, [march], tsr, local('2026-03-10 12:00'))).toMatchObject({
      stale: false,
      staleFrom: local('2026-04-02 00:00'),
    });
    expect(dncCheckState(checks, [march], tsr, local('2026-04-05 12:00'))).toMatchObject({
      stale: true,
      since: local('2026-04-02 00:00'),
      listIds: ['us-national'],
    });
  });

  it('is stale once a newer version is in force that the lead was not checked against', () => {
    const onV1 = [{ at: local('2026-01-20 10:00'), versionIds: [1] }];
    // On Feb 1 version 1 is 31 days old and version 2 is not imported yet: fine.
    expect(dncCheckState(onV1, [national], tsr, local('2026-02-01 10:00')).stale).toBe(false);
    expect(dncCheckState(onV1, [national], tsr, local('2026-02-03 10:00'))).toMatchObject({
      stale: true,
      since: local('2026-02-03 09:00'),
    });
  });

  it('is stale when never checked', () => {
    expect(dncCheckState([], [national], tsr, local('2026-02-10 10:00'))).toEqual({
      stale: true,
      listIds: ['us-national'],
    });
  });

  it('is stale when the list copy itself is too old, however recent the check', () => {
    const daily = [{ at: local('2026-03-10 08:00'), versionIds: [2] }];
    expect(dncCheckState(daily, [national], tsr, local('2026-03-10 09:00'))).toMatchObject({
      stale: true,
      since: local('2026-03-05 00:00'),
    });
  });

  it('needs no check of the internal list (it is read live) nor of inactive lists', () => {
    expect(dncCheckState([], [internal, retired], tsr, local('2026-03-10 09:00')).stale).toBe(false);
  });

  it.each([
    [['uk-tps'], '2026-03-29 12:00', false],
    [['uk-tps'], '2026-03-30 12:00', true],
    [['australia-dncr'], '2026-03-31 12:00', false],
    [['australia-dncr'], '2026-04-01 12:00', true],
  ])('%s: a check on March 1 at %s is stale=%s', (ids, at, stale) => {
    expect(dncCheckState(checks, [march], effectiveRules(ids, DEFAULT_SETTINGS), local(at)).stale).toBe(stale);
  });
});

describe('company-specific DNC requests (TCPA: honoured within 10 business days, kept 5 years)', () => {
  const tcpa = effectiveRules(['us-tcpa'], DEFAULT_SETTINGS);

  it('a request on Friday March 6 must be honoured by Friday March 20', () => {
    expect(dncRequestHonourBy(local('2026-03-06 15:00'), tcpa)).toBe(local('2026-03-20 15:00'));
  });

  it('a request on a Saturday counts from the next working day', () => {
    expect(addBusinessDays(local('2026-03-07 10:00'), 1, NY)).toBe(local('2026-03-09 10:00'));
  });

  it('is kept until five years later', () => {
    expect(dncRequestKeepUntil(local('2026-03-06 15:00'), tcpa)).toBe(local('2031-03-06 15:00'));
  });

  it('without the TCPA preset there is no statutory deadline', () => {
    expect(dncRequestHonourBy(local('2026-03-06 15:00'), effectiveRules(['uk-tps'], DEFAULT_SETTINGS))).toBeUndefined();
  });
});
