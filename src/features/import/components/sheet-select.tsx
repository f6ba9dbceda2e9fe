import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../workers/import-session';
import { SelectField } from '../../../components/ui/labelled';

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
    <SelectField
      className="mb-4 max-w-sm"
      label={t('import.file.sheet')}
      value={workbook.sheet}
      choices={workbook.sheets.map((s) => ({
        value: s.name,
        label:
          s.rows === 0
            ? t('import.file.sheetEmpty', { name: s.name })
            : t('import.file.sheetRows', { name: s.name, rows: s.rows }),
      }))}
      disabled={busy || workbook.sheets.length < 2}
      onChange={onSheet}
    />
  );
}
