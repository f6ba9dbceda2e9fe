/**
 * Line ends: CRLF (Windows), LF (Unix) and CR alone (old Mac exports) all end a row, even
 * mixed in one file. The CSV parser accepts one kind, so a mixed file is rewritten to LF
 * outside quoted fields only: a line break inside a quoted cell is content and stays as it was.
 */

export type LineEnding = '\r\n' | '\n' | '\r';

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The one line ending of `text`, or 'mixed' when more than one kind occurs. */
export function lineEndingOf(text: string): LineEnding | 'mixed' {
  const crlf = count(text, '\r\n');
  const cr = count(text, '\r') - crlf;
  const lf = count(text, '\n') - crlf;
  const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? '\r\n' : cr > 0 ? '\r' : '\n';
}

/**
 * Every CRLF and lone CR outside double quotes becomes LF. Quote state flips at each `"`,
 * which is exact for well-formed CSV (an escaped `""` flips twice).
 */
export function normaliseLineEndingsOutsideQuotes(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let quoted = false;
  while (from <= text.length) {
    const q = text.indexOf('"', from);
    const end = q < 0 ? text.length : q + 1;
    const segment = text.slice(from, end);
    parts.push(quoted ? segment : segment.replace(/\r\n?/g, '\n'));
    if (q < 0) break;
    quoted = !quoted;
    from = end;
  }
  return parts.join('');
}

/** Text ready for the parser, and the single line ending it now uses. */
export function prepareLineEndings(text: string): { text: string; newline: LineEnding } {
  const kind = lineEndingOf(text);
  return kind === 'mixed' ? { text: normaliseLineEndingsOutsideQuotes(text), newline: '\n' } : { text, newline: kind };
}

/** Line breaks of any kind in `s` (CRLF counts once). */
export function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}
