/**
 * The house's date styles, as Intl options. Numeric so a region's own order and clock show:
 * en-GB writes 02/12/2026 and 14:05, en-US 12/2/2026 and 2:05 PM, zh-CN 2026/12/2 14:05.
 */
export const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };
export const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: 'numeric', minute: '2-digit' };
export const DATE_TIME_SECONDS: Intl.DateTimeFormatOptions = { ...DATE_TIME, second: '2-digit' };
export const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
