import { describe, expect, it } from 'vitest';
import { displayLocale } from './display-locale';
import { DATE, DATE_TIME } from '../domain/time/date-styles';
import { cachedDateFormat } from '../domain/time/intl-cache';

const AT = Date.UTC(2026, 11, 2, 14, 5); // 2 December 2026, 14:05 UTC

describe('house date styles in the browser region', () => {
  it('an English UI in an en-GB browser writes 02/12/2026 and 24-hour time', () => {
    const locale = displayLocale('en', ['en-GB', 'en']);
    expect(cachedDateFormat(locale, DATE, 'UTC').format(AT)).toBe('02/12/2026');
    expect(cachedDateFormat(locale, DATE_TIME, 'UTC').format(AT)).toBe('02/12/2026, 14:05');
  });

  it('an English UI in an en-US browser writes 12/2/2026 and 12-hour time', () => {
    const locale = displayLocale('en', ['en-US', 'en']);
    expect(cachedDateFormat(locale, DATE, 'UTC').format(AT)).toBe('12/2/2026');
    expect(cachedDateFormat(locale, DATE_TIME, 'UTC').format(AT)).toMatch(/^12\/2\/2026, 2:05\sPM$/);
  });

  it('the Chinese UI stays Chinese whatever the browser region', () => {
    expect(cachedDateFormat(displayLocale('zh-CN', ['zh-TW']), DATE, 'UTC').format(AT)).toBe('2026/12/2');
  });

  it('one formatter per locale, zone and style, built once', () => {
    expect(cachedDateFormat('en-GB', DATE_TIME, 'UTC')).toBe(cachedDateFormat('en-GB', { ...DATE_TIME }, 'UTC'));
    expect(cachedDateFormat('en-GB', DATE_TIME, 'UTC')).not.toBe(cachedDateFormat('en-US', DATE_TIME, 'UTC'));
  });
});
