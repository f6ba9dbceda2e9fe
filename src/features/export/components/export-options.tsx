import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../components/ui/field';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type ExportColumn,
} from '../../../domain/import-export/export-columns';
import type { ExportSearch } from '../export-search';
import { Select } from '../../../components/ui/select';
import { OrderedChecklist } from '../../../components/ui/ordered-checklist';

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
        <label className="block font-medium text-slate-700">
          {t('export.format')}
          <Select
            aria-label={t('export.format')}
            className="mt-1"
            value={search.format ?? 'csv'}
            onChange={(e) => onChange({ format: e.target.value as 'csv' | 'xlsx' })}
          >
            <option value="csv">{t('export.formats.csv')}</option>
            <option value="xlsx">{t('export.formats.xlsx')}</option>
          </Select>
        </label>
        <label className="block font-medium text-slate-700">
          {t('export.timeZone')}
          <input
            className={`${inputClass} mt-1`}
            value={timeZone}
            onChange={(e) => onChange({ tz: e.target.value || undefined })}
          />
        </label>
        <label className="block font-medium text-slate-700">
          {t('export.timeFormat')}
          <Select
            className="mt-1"
            value={search.pattern ?? 'iso'}
            onChange={(e) => onChange({ pattern: e.target.value === 'iso' ? undefined : e.target.value })}
          >
            <option value="iso">{t('export.timeFormats.iso')}</option>
            <option value="yyyy-MM-dd HH:mm">2026-03-14 09:30</option>
            <option value="dd/MM/yyyy HH:mm">14/03/2026 09:30</option>
            <option value="MM/dd/yyyy HH:mm">03/14/2026 09:30</option>
          </Select>
        </label>
        {(search.format ?? 'csv') === 'csv' && (
          <>
            <label className="block font-medium text-slate-700">
              {t('export.delimiter')}
              <Select
                className="mt-1"
                value={search.delim ?? ','}
                onChange={(e) => onChange({ delim: e.target.value as ExportSearch['delim'] })}
              >
                <option value=",">, ({t('export.comma')})</option>
                <option value=";">; ({t('export.semicolon')})</option>
                <option value="tab">{t('export.tab')}</option>
                <option value="|">|</option>
              </Select>
            </label>
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
