/**
 * English and Simplified Chinese. The language follows the browser (`navigator.languages`)
 * until the user picks one; the pick is kept in localStorage so it survives a reload.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGE_STORAGE_KEY as STORAGE_KEY, type Language } from './initial-language';

// One JSON file per feature and language (src/i18n/<lang>/<feature>.json), merged here, so
// features add their texts without touching each other's files.
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
function bundle(lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, content] of Object.entries(files)) if (path.startsWith(`./${lang}/`)) Object.assign(out, content);
  return out;
}

export { initialLanguage, SUPPORTED_LANGUAGES, type Language } from './initial-language';

/** Switch language and remember the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export function initI18n(): typeof i18next {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: bundle('en') }, 'zh-CN': { translation: bundle('zh-CN') } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return i18next;
}
