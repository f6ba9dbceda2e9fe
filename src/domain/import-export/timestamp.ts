/**
 * Acquisition and call times as files write them. ISO 8601 with an offset is taken as is.
 * Everything else needs the steward's declaration: the zone for wall-clock values, and the
 * order for day/month dates, because 03/04/2024 is 3 April in London and March 4 in New York:
 * such values are never guessed. Excel serial day numbers (45123) count only when declared.
 * A wall-clock time the zone's clock skipped (DST gap) or showed twice (DST overlap) is
 * refused with that reason: the file must give an offset, nothing is guessed. A date without
 * a time means the start of that local day, which always exists.
 * Parsing is hand-written (regular expressions + the calendar's wall-clock functions) because
 * it runs for every row of million-row files.
 */
import { exactInstantOfWallClock, startOfWallDay, MS_PER_DAY } from '../time/calendar';

export const DATE_FORMATS = ['ymd', 'dmy', 'mdy', 'excel'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export interface TimeDeclaration {
  /** Order of day/month values (or Excel serials); null when the steward has not said. */
  format: DateFormat | null;
  /** IANA zone of values written without an offset; null when the steward has not said. */
  timeZone: string | null;
}

/** `format-required` and `zone-required` ask the steward; the others reject the row. */
export type TimeProblem =
  | 'empty'
  | 'format-required'
  | 'zone-required'
  | 'format-mismatch'
  | 'invalid-date'
  | 'unrecognised'
  | 'dst-gap'
  | 'dst-overlap';
export type ParsedTime = { ok: true; ms: number; precision: 'exact' | 'day' } | { ok: false; problem: TimeProblem };

const YEAR_FIRST =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
/** 1899-12-30: Excel's day 0 once its fictitious 1900-02-29 is accounted for (serials ≥ 61). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function offsetMs(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
}

function wallToResult(
  y: number,
  mo: number,
  d: number,
  time: { h: number; mi: number; s: number; ms: number } | null,
  zone: string,
): ParsedTime {
  if (!time) {
    const ms = startOfWallDay(y, mo, d, zone);
    return ms === null ? { ok: false, problem: 'invalid-date' } : { ok: true, ms, precision: 'day' };
  }
  const r = exactInstantOfWallClock(y, mo, d, time.h, time.mi, time.s, time.ms, zone);
  if (r.ok) return { ok: true, ms: r.ms, precision: 'exact' };
  return { ok: false, problem: r.problem === 'invalid' ? 'invalid-date' : r.problem };
}

/** Chinese dates (2024年3月4日 10:30) read as year-first dates. */
function foldChinese(text: string): string {
  return text
    .replace(/年|月/g, '-')
    .replace(/日/g, ' ')
    .replace(/时|点/g, ':')
    .replace(/[分秒]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function yearFirst(m: RegExpExecArray, decl: TimeDeclaration): ParsedTime {
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const time =
    h === undefined
      ? null
      : { h: Number(h), mi: Number(mi), s: Number(s ?? 0), ms: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0 };
  if (zone !== undefined && time) {
    const utc = wallToResult(Number(y), Number(mo), Number(d), time, 'UTC');
    return utc.ok ? { ok: true, ms: utc.ms - offsetMs(zone), precision: 'exact' } : utc;
  }
  if (zone !== undefined) return { ok: false, problem: 'unrecognised' };
  if (!decl.timeZone) return { ok: false, problem: 'zone-required' };
  return wallToResult(Number(y), Number(mo), Number(d), time, decl.timeZone);
}

function dayMonth(m: RegExpExecArray, decl: TimeDeclaration): ParsedTime {
  if (decl.format === null) return { ok: false, problem: 'format-required' };
  if (decl.format !== 'dmy' && decl.format !== 'mdy') return { ok: false, problem: 'format-mismatch' };
  if (!decl.timeZone) return { ok: false, problem: 'zone-required' };
  const [, a, b, y, h, mi, s, ampm] = m;
  const [day, month] = decl.format === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
  let hour = Number(h ?? 0);
  if (ampm) {
    if (hour < 1 || hour > 12) return { ok: false, problem: 'invalid-date' };
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  const time = h === undefined ? null : { h: hour, mi: Number(mi), s: Number(s ?? 0), ms: 0 };
  return wallToResult(Number(y), month, day, time, decl.timeZone);
}

function excelSerial(text: string, decl: TimeDeclaration): ParsedTime {
  if (decl.format === null) return { ok: false, problem: 'format-required' };
  if (decl.format !== 'excel') return { ok: false, problem: 'format-mismatch' };
  if (!decl.timeZone) return { ok: false, problem: 'zone-required' };
  const serial = Number(text);
  if (!(serial >= 1)) return { ok: false, problem: 'invalid-date' };
  // Rounded to the second: Excel stores times as binary fractions of a day.
  const wall = EXCEL_EPOCH + Math.round(serial * 86_400) * 1000;
  const d = new Date(wall);
  const inDay = wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY;
  const time = Number.isInteger(serial)
    ? null
    : { h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: inDay % 1000 };
  return wallToResult(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), time, decl.timeZone);
}

/** Parse one timestamp as declared. */
export function parseTimestamp(raw: string, decl: TimeDeclaration): ParsedTime {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const folded = /[年月日]/.test(text) ? foldChinese(text) : text;
  const ymd = YEAR_FIRST.exec(folded);
  if (ymd) return yearFirst(ymd, decl);
  const dm = DAY_MONTH.exec(folded);
  if (dm) return dayMonth(dm, decl);
  if (SERIAL.test(text)) return excelSerial(text, decl);
  return { ok: false, problem: 'unrecognised' };
}

/**
 * What day/month values prove about their order: 25/04/2024 can only be day-first, 04/25/2024
 * only month-first. Shown as a hint; the steward still declares the format.
 */
export function dayMonthEvidence(values: Iterable<string>): {
  dayFirst: number;
  monthFirst: number;
  ambiguous: number;
} {
  const out = { dayFirst: 0, monthFirst: 0, ambiguous: 0 };
  for (const v of values) {
    const m = DAY_MONTH.exec(v.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) out.dayFirst++;
    else if (b > 12 && a <= 12) out.monthFirst++;
    else if (a !== b) out.ambiguous++;
  }
  return out;
}
