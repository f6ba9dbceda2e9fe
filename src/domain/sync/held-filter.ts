/**
 * Which sync ids this replica may hold, kept in memory through a large pull (a first sync): a
 * Bloom filter over `table` + sync id. "No" is certain, so a pulled lead, call or consent it has
 * never seen is written as new without asking IndexedDB's index of sync ids, whose look-ups over
 * rows written moments before were a fifth of a first sync (decision 065); "maybe" (about one key
 * in 250 that was never added) is looked up as before. It grows as it fills: segments of twice
 * the size of the one before, each asked in turn, so it needs no size up front and stays about
 * 1.5 bytes a key.
 */

import { fmix32, stringLanes } from '../columns/hash-strings';

/** Bits a key in a segment, and probes a key: about 0.3% false "maybe" per segment at capacity. */
const BITS_PER_KEY = 12;
const PROBES = 8;
const FIRST_CAPACITY = 1 << 14;

interface Segment {
  bits: Uint32Array;
  /** Bit count minus one (a power of two minus one). */
  mask: number;
  capacity: number;
  keys: number;
}

function segment(capacity: number): Segment {
  const size = 2 ** Math.ceil(Math.log2(capacity * BITS_PER_KEY));
  return { bits: new Uint32Array(size / 32), mask: size - 1, capacity, keys: 0 };
}

/** Two 32-bit hashes of `table` and `syncId` (the lanes of hash-strings.ts, each finalised). */
function hashes(table: string, syncId: string): [number, number] {
  const [a, b] = stringLanes([table, syncId]);
  // An odd step visits PROBES distinct bits of a power-of-two table.
  return [fmix32(a), (fmix32(b) | 1) >>> 0];
}

export class HeldFilter {
  private readonly segments: Segment[] = [segment(FIRST_CAPACITY)];
  private count = 0;

  /** How many keys were added (a key added twice counts twice). */
  get size(): number {
    return this.count;
  }

  add(table: string, syncId: string): void {
    let last = this.segments[this.segments.length - 1]!;
    if (last.keys >= last.capacity) this.segments.push((last = segment(last.capacity * 2)));
    const [h, step] = hashes(table, syncId);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h + Math.imul(i, step)) & last.mask;
      last.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    last.keys++;
    this.count++;
  }

  /** False only when (`table`, `syncId`) was never added. */
  mayHold(table: string, syncId: string): boolean {
    const [h, step] = hashes(table, syncId);
    for (const s of this.segments) {
      let all = true;
      for (let i = 0; i < PROBES && all; i++) {
        const bit = (h + Math.imul(i, step)) & s.mask;
        all = (s.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
      }
      if (all) return true;
    }
    return false;
  }
}
