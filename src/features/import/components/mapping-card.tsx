import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import type { ImportField } from '../../../domain/import-export/column-mapping';
import { Select } from '../../../components/ui/select';

/**
 * One select per field: which column of the file feeds it. Columns that share a header name
 * are listed by position and named above the fields, so a second "phone" is never silently unused.
 */
export function MappingCard({
  fields,
  headers,
  duplicates,
  mapping,
  remembered,
  busy,
  onChange,
}: {
  fields: readonly ImportField[];
  headers: string[];
  duplicates: readonly { name: string; columns: number[] }[];
  mapping: Partial<Record<string, number>>;
  remembered: boolean;
  busy: boolean;
  onChange: (mapping: Partial<Record<string, number>>) => void;
}) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const set = (field: ImportField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    onChange(next);
  };
  return (
    <Card title={t('import.mapping.title')}>
      <p className="mb-4 text-xs text-slate-500">
        {remembered ? t('import.mapping.remembered') : t('import.mapping.help')}
      </p>
      {duplicates.map((d) => (
        <p
          key={d.name}
          role="note"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('import.mapping.duplicates', {
            count: d.columns.length,
            name: d.name,
            columns: list.format(d.columns.map(String)),
          })}
        </p>
      ))}
      <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 xl:grid-cols-3">
        {fields.map((field) => (
          <label key={field} className="block text-sm font-medium text-slate-700">
            {t(`import.fields.${field}`)}
            <Select
              aria-label={t(`import.fields.${field}`)}
              className={`mt-1 ${mapping[field] === undefined ? 'text-slate-500' : ''}`}
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
            </Select>
          </label>
        ))}
      </div>
    </Card>
  );
}
