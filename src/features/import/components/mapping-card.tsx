import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { inputClass } from '../../../components/ui/field';
import type { ImportField } from '../../../domain/import-export/column-mapping';

/** One select per field: which column of the file feeds it. */
export function MappingCard({
  fields, headers, mapping, remembered, busy, onChange,
}: {
  fields: readonly ImportField[];
  headers: string[];
  mapping: Partial<Record<string, number>>;
  remembered: boolean;
  busy: boolean;
  onChange: (mapping: Partial<Record<string, number>>) => void;
}) {
  const { t } = useTranslation();
  const set = (field: ImportField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    onChange(next);
  };
  return (
    <Card title={t('import.mapping.title')}>
      <p className="mb-4 text-xs text-slate-500">{remembered ? t('import.mapping.remembered') : t('import.mapping.help')}</p>
      <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-3">
        {fields.map((field) => (
          <label key={field} className="block text-sm font-medium text-slate-700">
            {t(`import.fields.${field}`)}
            <select
              aria-label={t(`import.fields.${field}`)}
              className={`${inputClass} mt-1 ${mapping[field] === undefined ? 'text-slate-400' : ''}`}
              value={mapping[field] ?? ''}
              disabled={busy}
              onChange={(e) => set(field, e.target.value)}
            >
              <option value="">{t('import.mapping.none')}</option>
              {headers.map((h, i) => (
                <option key={i} value={i}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </Card>
  );
}
