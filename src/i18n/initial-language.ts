/**
 * Which language the app starts in, apart from i18next and its texts (i18n.ts), so that code that
 * runs before them or without them — the page's first script when the app cannot load, the grid
 * worker preparing its formats — names the same language the screen will.
 */
export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'leadledger.language';

/** The stored choice (none in a worker: it has no localStorage), else the first browser language we support, else English. */
export function initialLanguage(): Language {
  let stored: string | null | undefined;
  try {
    stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage refused (a sandboxed frame, a browser setting): the browser's languages decide.
  }
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const browser = globalThis.navigator?.languages ?? [];
  for (const lang of browser) {
    if (lang.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}
