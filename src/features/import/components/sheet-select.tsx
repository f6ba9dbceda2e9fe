import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../workers/import-session';
import { Select } from '../../../components/ui/select';

/** Which sheet of a workbook is read; empty sheets are listed (and say so) but offer nothing. */
export function SheetSelect({
  workbook,
  busy,
  onSheet,
}: {
  workbook: NonNullable<Inspection['workbook']>;
  busy: boolean;
  onSheet: (sheet: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="mb-4 block max-w-sm text-sm font-medium text-slate-700">
      {t('import.file.sheet')}
      <Select
        aria-label={t('import.file.sheet')}
        className="mt-1"
        value={workbook.sheet}
        disabled={busy || workbook.sheets.length < 2}
        onChange={(e) => onSheet(e.target.value)}
      >
        {workbook.sheets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.rows === 0
              ? t('import.file.sheetEmpty', { name: s.name })
              : t('import.file.sheetRows', { name: s.name, rows: s.rows })}
          </option>
        ))}
      </Select>
    </label>
  );
}
