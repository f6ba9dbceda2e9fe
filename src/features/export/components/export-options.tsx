import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../components/ui/field';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type ExportColumn,
} from '../../../domain/import-export/export-columns';
import type { ExportSearch } from '../export-search';
import { Labelled, SelectField } from '../../../components/ui/labelled';
import { OrderedChecklist } from '../../../components/ui/ordered-checklist';

/** The date patterns offered beside ISO 8601, each with how 14 March 2026 09:30 looks in it. */
const TIME_PATTERNS = [
  ['yyyy-MM-dd HH:mm', '2026-03-14 09:30'],
  ['dd/MM/yyyy HH:mm', '14/03/2026 09:30'],
  ['MM/dd/yyyy HH:mm', '03/14/2026 09:30'],
] as const;

/** Format, columns (chosen and ordered), time zone and pattern, BOM and delimiter. */
export function ExportOptions({
  search,
  kind,
  timeZone,
  onChange,
}: {
  search: ExportSearch;
  kind: 'leads' | 'call-list';
  timeZone: string;
  onChange: (patch: Partial<ExportSearch>) => void;
}) {
  const { t } = useTranslation();
  const cols: ExportColumn[] =
    search.cols ??
    (kind === 'call-list'
      ? [...DEFAULT_EXPORT_COLUMNS.filter((c) => c !== 'callable'), 'callWindow']
      : DEFAULT_EXPORT_COLUMNS);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="space-y-3 text-sm">
        <SelectField
          label={t('export.format')}
          value={search.format ?? 'csv'}
          choices={[
            { value: 'csv', label: t('export.formats.csv') },
            { value: 'xlsx', label: t('export.formats.xlsx') },
          ]}
          onChange={(v) => onChange({ format: v as 'csv' | 'xlsx' })}
        />
        <Labelled label={t('export.timeZone')}>
          <input
            className={`${inputClass} mt-1`}
            value={timeZone}
            onChange={(e) => onChange({ tz: e.target.value || undefined })}
          />
        </Labelled>
        <SelectField
          label={t('export.timeFormat')}
          value={search.pattern ?? 'iso'}
          choices={[
            { value: 'iso', label: t('export.timeFormats.iso') },
            ...TIME_PATTERNS.map(([value, label]) => ({ value, label })),
          ]}
          onChange={(v) => onChange({ pattern: v === 'iso' ? undefined : v })}
        />
        {(search.format ?? 'csv') === 'csv' && (
          <>
            <SelectField
              label={t('export.delimiter')}
              value={search.delim ?? ','}
              choices={[
                { value: ',', label: `, (${t('export.comma')})` },
                { value: ';', label: `; (${t('export.semicolon')})` },
                { value: 'tab', label: t('export.tab') },
                { value: '|', label: '|' },
              ]}
              onChange={(v) => onChange({ delim: v as ExportSearch['delim'] })}
            />
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                className="accent-indigo-600"
                checked={search.bom ?? true}
                onChange={(e) => onChange({ bom: e.target.checked })}
              />
              {t('export.bom')}
            </label>
          </>
        )}
      </div>
      <fieldset className="text-sm">
        <legend className="font-medium text-slate-700">{t('export.columns')}</legend>
        <OrderedChecklist
          className="mt-1 max-h-72 overflow-auto rounded-md ring-1 ring-slate-200"
          chosen={cols}
          all={EXPORT_COLUMNS}
          labelOf={(c) => t(`export.col.${c}`)}
          onChange={(next) => onChange({ cols: next })}
        />
      </fieldset>
    </div>
  );
}
