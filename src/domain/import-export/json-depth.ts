/**
 * How deeply a JSON text nests, found by scanning its characters without parsing: a record
 * nested 10,000 deep parses, but every recursive walk over it afterwards (validation, a
 * structured clone to the screen) overflows the stack. Records deeper than the limit are
 * refused by line before anything walks them.
 */

/** Records nest a few levels (a consent inside a lead); anything near this is not a lead record. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of `[`/`{` in `text` (strings skipped), up to `limit + 1` where it stops counting. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH, from = 0, to = text.length): number {
  let depth = 0;
  let max = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: a backslash escapes the next character.
      for (i++; i < to; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * The spans of the elements of a top-level JSON array (`[a, b, …]`), found by scanning, or
 * null when the text is not a balanced array. Each span is parsed (or refused) on its own.
 */
export function arrayElementSpans(text: string): { from: number; to: number }[] | null {
  const start = text.indexOf('[');
  if (start < 0) return null;
  const spans: { from: number; to: number }[] = [];
  let depth = 0;
  let from = start + 1;
  let commas = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c) i++;
        else if (s === 0x22) break;
      }
      if (i >= text.length) return null;
    } else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) {
        // `[]` is empty; `[1,]` ends in an empty element, which JSON does not allow.
        if (text.slice(from, i).trim() !== '' || commas > 0) spans.push({ from, to: i });
        return text.slice(i + 1).trim() === '' ? spans : null;
      }
    } else if (c === 0x2c && depth === 1) {
      spans.push({ from, to: i });
      from = i + 1;
      commas++;
    }
  }
  return null;
}
