/**
 * Reading a DNC list file: one number per line, or a CSV with a phone column. Registry files
 * hold millions of numbers, so plain North American ten-digit numbers take a fast path (the
 * NANP shape: area code and exchange both start 2–9) instead of libphonenumber, which costs
 * tens of microseconds a number. Everything else goes through `normalisePhone`. An
 * unassigned area code that the fast path lets through is harmless on a suppression list:
 * no lead can carry it, because lead imports are validated in full.
 */
import Papa from 'papaparse';
import { normalisePhone } from '../leads/phone';

export interface DncFileLine {
  /** 1-based line (CSV: record) number in the file. */
  line: number;
  text: string;
  problem: string;
}

export type DncFileParse =
  | {
      ok: true;
      format: 'lines' | 'csv';
      /** The CSV column the numbers were read from. */
      column?: string;
      /** Data rows read (blank lines and the header excluded). */
      rowCount: number;
      /** Distinct valid numbers, E.164. */
      numbers: string[];
      duplicates: number;
      invalidCount: number;
      /** The first invalid rows, for the steward to see (all are counted). */
      invalid: DncFileLine[];
    }
  | { ok: false; problem: 'empty' | 'no-phone-column'; columns?: string[] };

const MAX_LISTED_INVALID = 200;
const PHONE_HEADER = /phone|number|tel|mobile|msisdn|e164|电话|号码|手机/i;
const PHONE_LIKE = /^[\s\d()+.-]{6,}$/;
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

/** E.164 for one cell, or the problem with it. */
export function dncNumber(
  raw: string,
  defaultRegion: string,
): { ok: true; e164: string } | { ok: false; problem: string } {
  const text = raw.trim();
  const digits = text.replace(/[\s().-]/g, '');
  if (/^\+1\d{10}$/.test(digits) && NANP.test(digits.slice(2))) return { ok: true, e164: digits };
  if ((defaultRegion === 'US' || defaultRegion === 'CA') && /^1?\d{10}$/.test(digits)) {
    const ten = digits.slice(-10);
    if (NANP.test(ten)) return { ok: true, e164: `+1${ten}` };
  }
  const parsed = normalisePhone(text, defaultRegion);
  return parsed.ok ? { ok: true, e164: parsed.e164 } : { ok: false, problem: parsed.problem };
}

/** Which column holds the numbers, and whether the first record is a header. */
function phoneColumn(first: string[]): { index: number; header: boolean } | null {
  const named = first.findIndex((c) => PHONE_HEADER.test(c));
  if (named >= 0) return { index: named, header: true };
  const phoneLike = first.findIndex((c) => PHONE_LIKE.test(c.trim()));
  return phoneLike >= 0 ? { index: phoneLike, header: false } : null;
}

/** Parse a DNC file's text (already decoded). */
export function parseDncFile(text: string, defaultRegion: string): DncFileParse {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 50).find((l) => l.trim() !== '');
  if (firstLine === undefined) return { ok: false, problem: 'empty' };
  const csv = /[,;\t|]/.test(firstLine);
  let cells: { line: number; text: string }[];
  let column: string | undefined;
  if (!csv) {
    const lines = body.split(/\r?\n/);
    // A single-column file may still start with a header such as "phone".
    const headerAt = PHONE_LIKE.test(firstLine.trim()) ? -1 : lines.indexOf(firstLine);
    cells = [];
    lines.forEach((l, i) => {
      if (i !== headerAt && l.trim() !== '') cells.push({ line: i + 1, text: l });
    });
    if (headerAt >= 0) column = firstLine.trim();
  } else {
    const rows = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy' }).data;
    const col = phoneColumn(rows[0] ?? []);
    if (!col) return { ok: false, problem: 'no-phone-column', columns: rows[0] ?? [] };
    if (col.header) column = rows[0]![col.index];
    cells = rows
      .slice(col.header ? 1 : 0)
      .map((r, i) => ({ line: i + (col.header ? 2 : 1), text: r[col.index] ?? '' }));
  }
  const seen = new Set<string>();
  const invalid: DncFileLine[] = [];
  let invalidCount = 0;
  let duplicates = 0;
  for (const cell of cells) {
    const n = dncNumber(cell.text, defaultRegion);
    if (!n.ok) {
      invalidCount++;
      if (invalid.length < MAX_LISTED_INVALID)
        invalid.push({ line: cell.line, text: cell.text.slice(0, 80), problem: n.problem });
    } else if (seen.has(n.e164)) duplicates++;
    else seen.add(n.e164);
  }
  return {
    ok: true,
    format: csv ? 'csv' : 'lines',
    ...(column !== undefined ? { column } : {}),
    rowCount: cells.length,
    numbers: [...seen],
    duplicates,
    invalidCount,
    invalid,
  };
}

/** Decode a file's bytes: strict UTF-8 first, else GB18030 (Chinese Excel), which decodes any byte sequence. */
export function decodeDncFile(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
