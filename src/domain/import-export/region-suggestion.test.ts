import { describe, expect, it } from 'vitest';
import { languageRegion, shareOf, suggestRegion } from './region-suggestion';

const CANDIDATES = ['US', 'GB', 'CN', 'AU'];
/** Chinese mobile numbers written nationally, as Chinese Excel exports them. */
const chinese = Array.from({ length: 40 }, (_, i) => `166${String(10_000_000 + i)}`);
/** UK numbers written nationally. */
const british = Array.from({ length: 40 }, (_, i) => `07911 1234${String(i).padStart(2, '0')}`);

describe('suggestRegion', () => {
  it('a file of national Chinese mobiles, read as US now: CN, every number valid there, pre-selected', () => {
    const s = suggestRegion(chinese, CANDIDATES, 'US', null);
    expect(s.sampled).toBe(40);
    expect(s.best).toBe('CN');
    expect(shareOf(s.shares[0], s.sampled)).toBe(1);
    expect(
      shareOf(
        s.shares.find((x) => x.region === 'US'),
        s.sampled,
      ),
    ).toBeLessThan(0.8);
    expect(s.clear).toBe(true);
  });

  it('UK numbers with their trunk 0 point to GB', () => {
    const s = suggestRegion(british, CANDIDATES, 'US', null);
    expect(s.best).toBe('GB');
    expect(s.clear).toBe(true);
  });

  it('numbers that carry their country code need no country: nothing sampled, no suggestion', () => {
    const s = suggestRegion(['+44 7911 123456', '+86 166 1000 0001', '', '  '], CANDIDATES, 'US', 'CN');
    expect(s).toMatchObject({ sampled: 0, best: null, clear: false });
  });

  it('the current country already reads the numbers: it stays best, nothing to pre-select', () => {
    const us = Array.from({ length: 20 }, (_, i) => `(213) 373-${String(4200 + i)}`);
    const s = suggestRegion(us, CANDIDATES, 'US', null);
    expect(s.best).toBe('US');
    expect(s.clear).toBe(false);
  });

  it('a close call is shown but not pre-selected (the best must reach 80 % and beat the current by 20 points)', () => {
    const s = suggestRegion([...chinese.slice(0, 7), ...british.slice(0, 6)], CANDIDATES, 'US', null);
    expect(s.best).toBe('CN');
    expect(s.clear).toBe(false);
  });

  it('too small a sample is never clear', () => {
    expect(suggestRegion(chinese.slice(0, 4), CANDIDATES, 'US', null).clear).toBe(false);
  });

  it('on equal shares the language decides, then the current country', () => {
    const s = suggestRegion(['12', 'abc'], CANDIDATES, 'US', 'CN');
    expect(s.best).toBeNull();
    expect(s.shares[0]!.region).toBe('CN');
    expect(s.shares[1]!.region).toBe('US');
  });
});

describe('languageRegion', () => {
  it('GB18030, or Chinese headers in any encoding, point to CN', () => {
    expect(languageRegion('gb18030', ['phone', 'name'])).toBe('CN');
    expect(languageRegion('utf-8', ['手机号', '姓名'])).toBe('CN');
  });
  it('kana to JP, Hangul to KR, Latin headers to nothing', () => {
    expect(languageRegion('utf-8', ['電話番号', 'なまえ'])).toBe('JP');
    expect(languageRegion('utf-8', ['전화'])).toBe('KR');
    expect(languageRegion('windows-1252', ['Phone', 'Name', 'Société'])).toBeNull();
  });
});
