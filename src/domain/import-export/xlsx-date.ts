/**
 * Instants as Excel date cells. Excel has no time zones: a date cell is a serial number of days
 * since 1899-12-30 on a wall clock. So an instant is written as the wall-clock time of the
 * export's zone (which the column header names), and shown through a date number format — a
 * real date that sorts, filters and subtracts, not text.
 */
import { zoneOffsetMs } from '../time/calendar';

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, which absorbs its 1900 leap-year bug) to 1970-01-01. */
const EPOCH_SERIAL = 25_569;

/** The number format of export date cells (custom format id 164 in the workbook's styles). */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** The Excel serial of instant `ms` on the wall clock of `timeZone`, to the second (milliseconds dropped, as the text columns drop them). */
export function excelSerial(ms: number, timeZone: string): number {
  const wall = Math.floor((ms + zoneOffsetMs(ms, timeZone)) / 1000) * 1000;
  return wall / DAY_MS + EPOCH_SERIAL;
}
