import { describe, expect, it } from 'vitest';
import { excelSerial } from './xlsx-date';

/** The serial back to the wall-clock text Excel would show with yyyy-mm-dd hh:mm:ss. */
const shown = (serial: number) =>
  new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 19).replace('T', ' ');

describe('excelSerial', () => {
  it('Excel’s own anchors: 1970-01-01 is 25569, 2000-01-01 is 36526 (UTC)', () => {
    expect(excelSerial(0, 'UTC')).toBe(25_569);
    expect(excelSerial(Date.UTC(2000, 0, 1), 'UTC')).toBe(36_526);
  });
  it('writes the wall clock of the export zone, in winter and in summer time', () => {
    // 14:30 UTC is 09:30 in New York in January (UTC−5), 10:30 in July (UTC−4), 22:30 in Shanghai.
    expect(shown(excelSerial(Date.UTC(2026, 0, 15, 14, 30), 'America/New_York'))).toBe('2026-01-15 09:30:00');
    expect(shown(excelSerial(Date.UTC(2026, 6, 15, 14, 30), 'America/New_York'))).toBe('2026-07-15 10:30:00');
    expect(shown(excelSerial(Date.UTC(2026, 0, 15, 14, 30), 'Asia/Shanghai'))).toBe('2026-01-15 22:30:00');
  });
  it('drops milliseconds, as the ISO text of the same instant does', () => {
    expect(shown(excelSerial(Date.UTC(2026, 0, 15, 14, 30, 59, 600), 'UTC'))).toBe('2026-01-15 14:30:59');
  });
});
