import { useTranslation } from 'react-i18next';

/** The first rows exactly as decoded, so the steward can see the encoding is right. Text only. */
export function PreviewTable({ headers, rows }: { headers: string[]; rows: { line: number; cells: string[] }[] }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full text-xs" aria-label={t('import.file.preview')}>
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium">
              {t('import.file.line')}
            </th>
            {headers.map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-2 py-1.5 font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="px-2 py-1 tabular-nums text-slate-500">{r.line}</td>
              {r.cells.map((c, i) => (
                <td key={i} className="max-w-64 truncate whitespace-pre px-2 py-1 font-mono text-slate-800" title={c}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
