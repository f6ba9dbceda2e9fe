/** Checks every stored cell must pass, whatever its field: size, control characters, U+FFFD. */

/** Longest cell we store. A 5 MB "name" is a broken export, not a name. */
export const MAX_CELL_CHARS = 10_000;
/** Largest file we read: 256 MB, in the decimal units every screen shows sizes in (shared/format-bytes.ts). Checked against the file's size before a byte of it is read. */
export const MAX_FILE_BYTES = 256 * 1000 * 1000;

export type CellProblem = 'field-too-long' | 'control-characters' | 'replacement-character';

/**
 * Null when the text may be stored. Tab and line breaks are allowed (notes span lines);
 * NUL, other C0/C1 controls and DEL are refused, and so is U+FFFD, the mark of text that
 * was already damaged by a wrong decoding: storing it would make the damage permanent.
 */
export function cellProblem(value: string): CellProblem | null {
  if (value.length > MAX_CELL_CHARS) return 'field-too-long';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 13) return 'control-characters';
    } else if (c >= 0x7f && c <= 0x9f) return 'control-characters';
    else if (c === 0xfffd) return 'replacement-character';
  }
  return null;
}

/** Null when a file of `size` bytes may be read, else the refusal. */
export function fileSizeProblem(
  size: number,
): { code: 'file-too-large'; size: number; limit: number } | { code: 'empty-file' } | null {
  if (size === 0) return { code: 'empty-file' };
  return size > MAX_FILE_BYTES ? { code: 'file-too-large', size, limit: MAX_FILE_BYTES } : null;
}
