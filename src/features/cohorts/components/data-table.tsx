import type { ReactNode } from 'react';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';

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
      <Table caption={caption} captionHidden data-testid={testId}>
        <TableHead sticky>
          <tr>
            {header.map((h, j) => (
              <Th
                key={j}
                numeric={j > 0}
                className="whitespace-nowrap"
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
              </Th>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <tr key={r.id} className={`hover:bg-indigo-50/40 ${r.tone === 'small' ? 'text-slate-500' : ''}`}>
              {r.cells.map((text, j) => (
                <Td key={j} numeric={j > 0} className="whitespace-nowrap">
                  {cell ? cell(i, j, text) : text}
                </Td>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
