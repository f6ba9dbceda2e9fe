import { useTranslation } from 'react-i18next';
import { COHORT_VIEWS, type CohortView } from '../cohorts-search';

/** The five views of the screen as an accessible tab list. */
export function ViewTabs({ view, onChange }: { view: CohortView; onChange: (view: CohortView) => void }) {
  const { t } = useTranslation();
  return (
    <div role="tablist" aria-label={t('cohorts.views.label')} className="mt-4 flex gap-1 border-b border-slate-200">
      {COHORT_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={v === view}
          onClick={() => onChange(v)}
          className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium transition ${v === view ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800'}`}
        >
          {t(`cohorts.views.${v}`)}
        </button>
      ))}
    </div>
  );
}
