import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

const FACTOR: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

describe('formatBytes: decimal SI units, one decimal, in the reader’s language', () => {
  it.each([
    [0, 'en', '0 B'],
    [999, 'en', '999 B'],
    [1000, 'en', '1 kB'],
    [1536, 'en', '1.5 kB'],
    [999_949, 'en', '999.9 kB'],
    [999_950, 'en', '1 MB'],
    [268_435_456, 'en', '268.4 MB'],
    [256_000_000, 'en', '256 MB'],
    [2.5e9, 'en', '2.5 GB'],
    [1536, 'zh-CN', '1.5 kB'],
    [268_435_456, 'zh-CN', '268.4 MB'],
  ])('%d bytes in %s: %s', (bytes, locale, shown) => {
    expect(formatBytes(bytes, locale)).toBe(shown);
  });

  it('says a dash for an unknown size', () => {
    expect(formatBytes(null, 'en')).toBe('—');
    expect(formatBytes(Number.NaN, 'en')).toBe('—');
  });

  it('never shows 1,000 or more of a unit below TB, and the figure times the unit is the size to within half a decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (bytes) => {
        const m = /^([\d,.]+)\s(\S+)$/.exec(formatBytes(bytes, 'en'));
        expect(m).not.toBeNull();
        const figure = Number(m![1]!.replace(/,/g, ''));
        const factor = FACTOR[m![2]!]!;
        if (m![2] !== 'TB') expect(figure).toBeLessThan(1000);
        expect(Math.abs(figure * factor - bytes)).toBeLessThanOrEqual(factor === 1 ? 0 : factor * 0.05 + 1e-6 * bytes);
      }),
    );
  });
});
