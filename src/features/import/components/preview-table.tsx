import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';

/** The first rows exactly as decoded, so the steward can see the encoding is right. Text only. */
export function PreviewTable({ headers, rows }: { headers: string[]; rows: { line: number; cells: string[] }[] }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <Table density="compact" caption={t('import.file.preview')} captionHidden>
        <TableHead caps={false}>
          <tr>
            <Th>{t('import.file.line')}</Th>
            {headers.map((h, i) => (
              <Th key={i} className="whitespace-nowrap text-slate-700">
                {h}
              </Th>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <tr key={r.line}>
              <Td className="tabular-nums text-slate-500">{r.line}</Td>
              {r.cells.map((c, i) => (
                <Td key={i} className="max-w-64 truncate whitespace-pre font-mono text-slate-800" title={c}>
                  {c}
                </Td>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
