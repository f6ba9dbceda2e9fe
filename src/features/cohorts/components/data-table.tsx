import type { ReactNode } from 'react';

export interface TableSort {
  /** Column index sorted by, and its direction (none: the table's own order). */
  col: number | null;
  dir: 'asc' | 'desc';
  onSort: (col: number) => void;
  label: (column: string) => string;
}

/** A plain, accessible table of display strings; `cell` may render a cell richer (a link); with `sort` every header sorts. */
export function DataTable({
  header,
  rows,
  cell,
  caption,
  testId,
  sort,
}: {
  header: string[];
  rows: { id: string; cells: string[]; tone?: 'small' | 'young' | undefined }[];
  cell?: (row: number, col: number, text: string) => ReactNode;
  caption?: ReactNode;
  testId?: string;
  sort?: TableSort;
}) {
  return (
    <div className="max-h-[36rem] overflow-auto rounded-lg ring-1 ring-slate-200">
      <table className="w-full text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {header.map((h, j) => (
              <th
                key={j}
                scope="col"
                className="whitespace-nowrap px-3 py-2"
                aria-sort={sort?.col === j ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {sort ? (
                  <button
                    type="button"
                    onClick={() => sort.onSort(j)}
                    title={sort.label(h)}
                    className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900"
                  >
                    {h}
                    <span aria-hidden="true" className="text-[10px]">
                      {sort.col === j ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  h
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={r.id} className={`hover:bg-indigo-50/40 ${r.tone === 'small' ? 'text-slate-500' : ''}`}>
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
