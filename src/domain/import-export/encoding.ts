/**
 * Which character encoding a file was written in, and decoding it strictly. A decoder that
 * meets bytes it cannot read throws instead of writing U+FFFD, so a wrong guess is a clear
 * error, never silently corrupted names in the database.
 */

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: Encoding;
  /** The file starts with a byte order mark (it is not part of the text). */
  bom: boolean;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: 'undecodable' };

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodes(bytes: Uint8Array, encoding: Encoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero byte in every other position. */
function utf16ByZeros(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Share of two-byte sequences in the GB2312 block (both bytes 0xA1–0xFE), where nearly all
 * Chinese text written by Excel falls. Windows-1252 accents (0xC0–0xFF) are followed by
 * ASCII letters, which GBK also accepts as trail bytes but GB2312 does not: "Müller" decodes
 * as GBK without error, yet scores 0 here.
 */
function gb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    pairs++;
    if (b >= 0xa1 && b <= 0xfe && next >= 0xa1 && next <= 0xfe) gb2312++;
    // GB18030 four-byte sequences have an ASCII digit second; step over the whole sequence.
    i += next >= 0x30 && next <= 0x39 ? 3 : 1;
  }
  return pairs === 0 ? 0 : gb2312 / pairs;
}

/**
 * Detect the encoding: a BOM decides; else UTF-16 by its zero bytes; else strict UTF-8;
 * else GB18030 (Chinese Excel) when it decodes and looks like Chinese; else Windows-1252
 * (Western Excel), which maps every byte. The steward sees the preview and can change it.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (hasPrefix(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (hasPrefix(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  const sixteen = utf16ByZeros(bytes);
  if (sixteen && decodes(bytes, sixteen)) return { encoding: sixteen, bom: false };
  if (decodes(bytes, 'utf-8')) return { encoding: 'utf-8', bom: false };
  if (decodes(bytes, 'gb18030') && gb2312Share(bytes) >= 0.5) return { encoding: 'gb18030', bom: false };
  return { encoding: 'windows-1252', bom: false };
}

/**
 * Decode strictly (a leading BOM is dropped): fails when a byte cannot be read in `encoding`.
 * A U+FFFD already in the text (a file damaged before it reached us) is caught per cell by
 * the row checks, so the row is reported instead of the whole file.
 */
export function decodeStrict(bytes: Uint8Array, encoding: Encoding): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'undecodable' };
  }
  return { ok: true, text };
}
