/**
 * The locale dates and numbers are written in: the UI language, refined by the browser's own
 * region when it speaks that language (English UI in an en-GB browser writes 02/12/2026 and
 * 24-hour time; in en-US, 12/2/2026). The zone is the browser's.
 */
export function displayLocale(
  uiLanguage: string,
  browserLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): string {
  const base = uiLanguage.split('-')[0]!.toLowerCase();
  const match = browserLanguages.find((l) => l.split('-')[0]!.toLowerCase() === base && l.includes('-'));
  if (!match) return uiLanguage;
  // zh-CN stays the written language asked for (a zh-TW browser must not switch the script).
  return base === 'zh' ? uiLanguage : match;
}

/** The browser's time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
