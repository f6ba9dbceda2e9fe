import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { downloadBlob } from '../../../shared/download-blob';
import { toCsv } from '../model/csv';
import type { DisplayTable } from '../model/display-table';

/** Download a displayed table as CSV (UTF-8 with a byte-order mark, so Excel reads 中文 right). */
export function CsvButton({
  table,
  fileName,
}: {
  table: Pick<DisplayTable, 'header'> & { rows: { cells: string[] }[] };
  fileName: string;
}) {
  const { t } = useTranslation();
  const download = () => {
    const csv = toCsv(
      table.header,
      table.rows.map((r) => r.cells),
    );
    downloadBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), fileName);
  };
  return (
    <Button onClick={download} className="!py-1 text-xs">
      ⇩ {t('cohorts.exportCsv')}
    </Button>
  );
}
