/**
 * What a chosen file really is, from its first bytes rather than its name: people rename a
 * workbook to `.csv`, or pick a screenshot by mistake, and a CSV reader shown those bytes
 * produces a garbage preview and "Map a column to Phone". Known signatures are named so the
 * screen can say "This is a PNG image, not a CSV file" before any preview.
 */

export const FILE_TYPES = ['text', 'xlsx', 'xls', 'zip', 'png', 'jpeg', 'gif', 'pdf', 'binary'] as const;
export type FileType = (typeof FILE_TYPES)[number];

const SIGNATURES: readonly (readonly [Exclude<FileType, 'text' | 'xlsx' | 'binary'>, readonly number[]])[] = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // OLE2 compound file: Excel 97–2003 (.xls) and the other legacy Office formats.
  ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
];

const startsWith = (bytes: Uint8Array, sig: readonly number[]) =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** The names in a ZIP's central directory (read from the end record), or null when it cannot be found. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535.
  const floor = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return names;
    const nameLength = u16(bytes, at + 28);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** True when the text's first line holds a NUL, or NULs are more than stray damage: binary data, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  const firstBreak = sample.findIndex((b) => b === 0x0a || b === 0x0d);
  const headerEnd = firstBreak < 0 ? sample.length : firstBreak;
  let nuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i < headerEnd) return true;
    nuls++;
  }
  // A few NULs in data rows are rejected row by row (control characters); many mean binary.
  return nuls > 16;
}

/**
 * The file's real type. `utf16` says the bytes are UTF-16 text (its zero bytes are characters'
 * high halves, not binary), as the encoding guess found.
 */
export function sniffFileType(bytes: Uint8Array, utf16 = false): FileType {
  for (const [type, sig] of SIGNATURES) {
    if (!startsWith(bytes, sig)) continue;
    if (type !== 'zip') return type;
    const names = zipEntryNames(bytes) ?? [];
    return names.includes('[Content_Types].xml') && names.some((n) => n === 'xl/workbook.xml' || n.startsWith('xl/'))
      ? 'xlsx'
      : 'zip';
  }
  if (!utf16 && looksBinary(bytes)) return 'binary';
  return 'text';
}
