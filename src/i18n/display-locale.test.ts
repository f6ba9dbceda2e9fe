import { describe, expect, it } from 'vitest';
import { displayLocale } from './display-locale';

describe('displayLocale', () => {
  it('refines the UI language with the browser region that speaks it', () => {
    expect(displayLocale('en', ['en-GB', 'en'])).toBe('en-GB');
    expect(displayLocale('en', ['de-DE', 'en-US'])).toBe('en-US');
  });
  it('keeps the UI language when the browser has no region for it', () => {
    expect(displayLocale('en', ['de-DE', 'en'])).toBe('en');
    expect(displayLocale('en', [])).toBe('en');
  });
  it('keeps Simplified Chinese as chosen, whatever Chinese the browser names', () => {
    expect(displayLocale('zh-CN', ['zh-TW'])).toBe('zh-CN');
  });
  it('writes dates the way the chosen locale does', () => {
    const at = Date.UTC(2026, 11, 2, 15, 0);
    const f = (l: string) =>
      new Intl.DateTimeFormat(displayLocale('en', [l]), {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(at);
    expect(f('en-GB')).toBe('02/12/2026, 15:00');
    expect(f('en-US')).toMatch(/^12\/2\/26, 3:00\sPM$/);
  });
});
