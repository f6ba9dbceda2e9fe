import { describe, expect, it } from 'vitest';
import { campaignSpans } from './catalog-resolution';

describe('campaignSpans', () => {
  it('gives each campaign the first and last instant of the records that name it, in any order', () => {
    const spans = campaignSpans([
      { campaignRef: 'spring', at: 300 },
      { campaignRef: null, at: 1 },
      { campaignRef: 'spring', at: 100 },
      { campaignRef: 'fair', at: 50 },
      { campaignRef: 'spring', at: 200 },
    ]);
    expect([...spans]).toEqual([
      ['spring', { from: 100, to: 300 }],
      ['fair', { from: 50, to: 50 }],
    ]);
  });
  it('is empty when no record names a campaign', () => {
    expect(campaignSpans([{ campaignRef: null, at: 1 }]).size).toBe(0);
  });
});
