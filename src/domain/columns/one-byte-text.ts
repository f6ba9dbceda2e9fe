/**
 * Text the engine joins a million rows of, kept one byte a character. V8 stores a whole string two
 * bytes a character as soon as one of its characters is past U+00FF: 9 % of rows with Chinese
 * names made every joined column twice its size (68 B a lead at 1M, decision 045).
 *
 * Each UTF-16 code unit past U+007F is written as two or three characters in U+0080–U+00EF, the
 * way UTF-8 writes a character, unit by unit (a surrogate is written alone, as CESU-8 does), so
 * every string comes back exactly, a lone surrogate too. ASCII is left as it is, and costs a scan.
 *
 * A packed text is searched packed: the packed needle is found in a packed haystack exactly where
 * the needle is found in the haystack. A unit's first character is below U+0080 or in
 * U+00C2–U+00EF and its others in U+0080–U+00BF, so a match starts on a whole unit, and the first
 * character of each unit says how long it is, so it ends on one too.
 *
 * Which characters a string holds does not decide how V8 stores it: text cut from a string that
 * held one character past U+00FF (a CSV file's fields, a Chinese row's neighbours) stays two bytes
 * a character, and so does anything joined with it. `oneByteCopy` makes the copy that is one byte.
 */

/** Past this many code units, String.fromCharCode is called a slice at a time (its arguments go on the stack). */
const SLICE = 8_192;

/** The string of `codes`, made a slice at a time (`apply`, not a spread: 3.7× faster over a column). */
function fromCodes(codes: readonly number[] | Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += SLICE) {
    const slice = codes instanceof Uint8Array ? codes.subarray(i, i + SLICE) : codes.slice(i, i + SLICE);
    parts.push(String.fromCharCode.apply(null, slice as unknown as number[]));
  }
  return parts.join('');
}

/** Where the ASCII at the start of `s` ends (`s.length` when all of it is ASCII). */
function asciiPrefix(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  return i;
}

/** `s` one byte a character (the same string when it is ASCII). */
export function packText(s: string): string {
  const ascii = asciiPrefix(s);
  if (ascii === s.length) return s;
  const codes: number[] = [];
  for (let i = ascii; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80) codes.push(u);
    else if (u < 0x800) codes.push(0xc0 | (u >> 6), 0x80 | (u & 0x3f));
    else codes.push(0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f));
  }
  return s.slice(0, ascii) + fromCodes(codes);
}

/** The text `packText` packed. */
export function unpackText(s: string): string {
  const ascii = asciiPrefix(s);
  if (ascii === s.length) return s;
  const units: number[] = [];
  let i = ascii;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      units.push(c);
      i += 1;
    } else if (c < 0xe0) {
      units.push(((c & 0x1f) << 6) | (s.charCodeAt(i + 1) & 0x3f));
      i += 2;
    } else {
      units.push(((c & 0x0f) << 12) | ((s.charCodeAt(i + 1) & 0x3f) << 6) | (s.charCodeAt(i + 2) & 0x3f));
      i += 3;
    }
  }
  return s.slice(0, ascii) + fromCodes(units);
}

/**
 * `s` stored one byte a character, when every character of it is up to U+00FF (packed text is);
 * else `s` as it is. One pass, and a copy made by String.fromCharCode (a slice at a time), which
 * makes a one-byte string of codes up to 0xFF whatever the string they were read from. About
 * 8 ns a character here: 0.4 s for a million rows' search text, so a patch copies its own rows
 * (patchLeadColumns), not the whole column.
 */
export function oneByteCopy(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    bytes[i] = c;
  }
  return fromCodes(bytes);
}
