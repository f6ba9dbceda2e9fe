import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../time/calendar';
import { aggregateCampaigns } from './campaign-aggregate';
import { campaignMembership, windowOrder } from './campaign-membership';
import { buildSnapshot } from './snapshot-from-leads.test-helpers';
import { CAMPAIGNS, SOURCES, T0 } from './cohort-fixtures.test-helpers';

const kinds = new Map(SOURCES.map((s) => [s.id, s.kind]));
const ordered = windowOrder(CAMPAIGNS);
const day = (n: number) => T0 + n * MS_PER_DAY;
const lead = (sourceId: string, acquiredAt: number, campaignId?: string, entryMethod: 'api' | 'file' = 'api') => ({
  sourceId,
  acquiredAt,
  entryMethod,
  ...(campaignId ? { campaignId } : {}),
});

describe('campaignMembership: explicit id first, else the acquisition window through the channel', () => {
  it.each([
    {
      l: lead('web', day(10), 'spring'),
      expected: { campaignId: 'spring', rule: 'explicit' },
      why: 'an explicit campaign id wins',
    },
    {
      l: lead('expo', day(40), 'spring'),
      expected: { campaignId: 'spring', rule: 'explicit' },
      why: 'even inside another campaign’s window',
    },
    {
      l: lead('expo', day(40)),
      expected: { campaignId: 'expo-fu', rule: 'window' },
      why: 'an expo lead inside the expo follow-up window',
    },
    { l: lead('web', day(40)), expected: null, why: 'a web lead in that window: not the event’s source' },
    { l: lead('web', day(10)), expected: null, why: 'a phone campaign with no event takes no leads by window' },
    {
      l: lead('vendor', day(100)),
      expected: { campaignId: 'vendors', rule: 'window' },
      why: 'the channel names the source kind',
    },
    { l: lead('expo', day(120)), expected: null, why: 'the window is half-open: its end is outside' },
    {
      l: lead('vendor', day(100), 'gone'),
      expected: { campaignId: 'gone', rule: 'explicit' },
      why: 'an id of a campaign not on file still counts',
    },
  ])('$why', ({ l, expected }) => {
    expect(campaignMembership(l, ordered, kinds)).toEqual(expected);
  });
});

describe('aggregateCampaigns', () => {
  it('counts members by rule and gives the same metrics per campaign, with "no campaign" last', () => {
    const base = { region: 'US', createdAt: day(1), dncStatus: 'clear' as const, attempts: 0 };
    const leads = [
      {
        ...base,
        id: 1,
        ...lead('expo', day(40)),
        attempts: 1,
        firstConnectedAt: day(41),
        convertedAt: day(41),
        firstContactAt: day(41),
      },
      { ...base, id: 2, ...lead('expo', day(50), 'expo-fu') },
      { ...base, id: 3, ...lead('web', day(5), 'spring') },
      { ...base, id: 4, ...lead('web', day(400)) },
    ];
    const rows = aggregateCampaigns(
      buildSnapshot(leads, [], { timeZone: 'UTC', campaigns: CAMPAIGNS, sources: SOURCES }),
      30,
    );
    expect(rows.map((r) => [r.campaignId, r.explicit, r.window, r.metrics.leads, r.metrics.converted])).toEqual([
      ['spring', 1, 0, 1, 0],
      ['expo-fu', 1, 1, 2, 1],
      ['vendors', 0, 0, 0, 0],
      ['', 0, 0, 1, 0],
    ]);
  });
});
