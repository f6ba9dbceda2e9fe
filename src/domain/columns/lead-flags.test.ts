import { describe, expect, it } from 'vitest';
import * as flags from './lead-flags';

describe('lead flag bits', () => {
  const named = Object.entries(flags).filter(([k]) => k.startsWith('FLAG_')) as [string, number][];

  it('give every meaning a bit of its own', () => {
    for (const [name, bit] of named) expect(Math.log2(bit) % 1, name).toBe(0);
    expect(new Set(named.map(([, bit]) => bit)).size).toBe(named.length);
  });

  it('name bit positions that match their flags (the cohort loops shift by them)', () => {
    expect(1 << flags.BIT_CONNECTED).toBe(flags.FLAG_CONNECTED);
    expect(1 << flags.BIT_WRONG_NUMBER).toBe(flags.FLAG_WRONG_NUMBER);
    expect(1 << flags.BIT_DNC_HIT).toBe(flags.FLAG_DNC_HIT);
  });

  it('keep the grid bits in 8 bits (its flags column is a persisted Uint8Array) and the cohort bits in 16', () => {
    const grid = [
      flags.FLAG_CONTACTED,
      flags.FLAG_CONNECTED,
      flags.FLAG_CONVERTED,
      flags.FLAG_CALLABLE,
      flags.FLAG_DELETED,
    ];
    expect(Math.max(...grid)).toBeLessThan(1 << 8);
    expect(Math.max(...named.map(([, bit]) => bit))).toBeLessThan(1 << 16);
  });
});
