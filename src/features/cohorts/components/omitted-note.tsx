import { useTranslation } from 'react-i18next';

/** Says how many older cohorts a view leaves out, and how to see them. */
export function OmittedNote({ omitted, shown }: { omitted: number; shown: number }) {
  const { t } = useTranslation();
  if (omitted === 0) return null;
  return (
    <p className="mb-3 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-500">
      {t('cohorts.omitted', { shown, omitted })}
    </p>
  );
}
