import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../domain/import-export/import-analysis';

const KINDS: ImportKind[] = ['leads', 'calls', 'api'];

/** Lead file / call log / API payload, as a radio group styled as segments. */
export function KindTabs({ kind, onChange }: { kind: ImportKind; onChange: (kind: ImportKind) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="mb-6">
      <legend className="sr-only">{t('import.kinds.label')}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {KINDS.map((k) => (
          <label
            key={k}
            className={`cursor-pointer rounded-xl border bg-white p-4 shadow-sm transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${k === kind ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-slate-200 hover:border-slate-300'}`}
          >
            <input
              type="radio"
              name="import-kind"
              value={k}
              checked={k === kind}
              onChange={() => onChange(k)}
              className="sr-only"
            />
            <span className={`block text-sm font-semibold ${k === kind ? 'text-indigo-700' : 'text-slate-800'}`}>
              {t(`import.kinds.${k}`)}
            </span>
            <span className="mt-1 block text-xs text-slate-500">{t(`import.kindHelp.${k}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
