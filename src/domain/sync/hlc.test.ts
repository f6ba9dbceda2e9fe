import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, HLC_PATTERN, parseHlc, tickHlc } from './hlc';

describe('hlc on a device', () => {
  it('every tick sorts after the last, whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1e12, max: 2e12 }), { minLength: 1, maxLength: 30 }), (walls) => {
        let last: string | undefined;
        for (const now of walls) {
          const next = tickHlc(last, now, 'device-1');
          expect(next).toMatch(HLC_PATTERN);
          if (last) expect(compareHlc(next, last)).toBeGreaterThan(0);
          last = next;
        }
      }),
    );
  });

  it('keeps a node id with dashes (a UUID) whole', () => {
    const node = '3f2a9c1e-1111-4222-8333-944455556666';
    expect(parseHlc(tickHlc(undefined, 1.7e12, node)).node).toBe(node);
  });
});
