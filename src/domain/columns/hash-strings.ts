/**
 * Two 32-bit FNV-1a-style lanes over a list of strings, over their UTF-16 code units as
 * JavaScript holds them: no UTF-8 copy, which for two-byte strings costs more than the hashing.
 * Each string's length is mixed in after it, so ['ab', 'c'] and ['a', 'bc'] differ. Every step is
 * a bijection of each lane, so changing any one code unit always changes both lanes.
 */
export function stringLanes(texts: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a = Math.imul(a ^ (0x10000 + n), 0x01000193);
    b = Math.imul(b ^ (0x10000 + n), 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a, b];
}

/**
 * A 64-bit hash of a list of strings: its two lanes (`stringLanes`) in hex. For finding damage in
 * a stored cache, not for anything an adversary chooses.
 */
export function hashStrings(texts: readonly string[]): string {
  const [a, b] = stringLanes(texts);
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the result (unsigned). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit hash (FNV-1a, then MurmurHash3's finaliser to spread it) of `text`'s code units from
 * `from` to `to`: hashed where it lies in a longer string, with no substring made. For a set of
 * numbers that must name no number (the change log's record of a DNC file's numbers): many
 * numbers share each value, and a match is only a reason to look again.
 */
export function hash32(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}
