import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, setLanguage, type Language } from '../../../i18n/i18n';

/** Switch between English and 中文; the choice survives a reload. */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? i18n.language) as Language;
  return (
    <div role="group" aria-label={t('language.label')} className="flex gap-1">
      {SUPPORTED_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={current === lang}
          onClick={() => void setLanguage(lang)}
          className={`rounded px-2 py-1 text-xs font-medium ${
            current === lang
              ? 'bg-indigo-600 text-white'
              : tone === 'dark'
                ? 'text-slate-300 hover:bg-slate-800'
                : 'text-slate-700 hover:bg-slate-100'
          }`}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
