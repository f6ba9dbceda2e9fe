import type { ReactNode } from 'react';

/** A plain, accessible table of display strings; `cell` may render a cell richer (a link). */
export function DataTable({ header, rows, cell, caption, testId }: {
  header: string[];
  rows: { id: string; cells: string[]; tone?: 'small' | 'young' | undefined }[];
  cell?: (row: number, col: number, text: string) => ReactNode;
  caption?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="max-h-[36rem] overflow-auto rounded-lg ring-1 ring-slate-200">
      <table className="w-full text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            {header.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={r.id} className={`hover:bg-indigo-50/40 ${r.tone === 'small' ? 'text-slate-400' : ''}`}>
              {r.cells.map((text, j) => (
                <td key={j} className={`whitespace-nowrap px-3 py-1.5 ${j > 0 ? 'tabular-nums' : ''}`}>
                  {cell ? cell(i, j, text) : text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
