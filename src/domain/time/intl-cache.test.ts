import { describe, expect, it } from 'vitest';
import { DATE_TIME, DATE_TIME_SECONDS } from './date-styles';
import { cachedDateFormat } from './intl-cache';

const EARLY = Date.UTC(2026, 11, 2, 2, 15, 54);

describe('cachedDateFormat', () => {
  it('writes a 24-hour clock with a two-digit hour, and a 12-hour clock as its region does', () => {
    expect(cachedDateFormat('en-GB', DATE_TIME_SECONDS, 'UTC').format(EARLY)).toBe('02/12/2026, 02:15:54');
    expect(cachedDateFormat('zh-CN', DATE_TIME, 'UTC').format(EARLY)).toMatch(/02:15$/);
    expect(cachedDateFormat('en-US', DATE_TIME, 'UTC').format(EARLY)).toBe('12/2/2026, 2:15 AM');
  });

  it('keeps one formatter per locale, zone and style', () => {
    expect(cachedDateFormat('en-GB', DATE_TIME, 'UTC')).toBe(cachedDateFormat('en-GB', DATE_TIME, 'UTC'));
  });
});
