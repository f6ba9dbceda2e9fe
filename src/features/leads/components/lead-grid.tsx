import { useTable } from '@tanstack/react-table';
import { memo, useMemo, useRef, useState, type SetStateAction } from 'react';
import { useElementWidth } from '../../../shared/layout/use-element-width';
import type { DisplayRow } from '../../../domain/leads/display-row';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { GridColumnId } from '../leads-search';
import { GridBody } from './grid-body';
import { GridHeader } from './grid-header';
import { fitColumnWidths } from './column-fit';
import { gridColumns, gridFeatures, type BodyColumn } from './grid-columns';
import { useHeaderWidths } from '../model/use-header-widths';
import type { SelectionStore } from '../model/use-selection';

export interface LeadGridProps {
  filter: LeadFilter;
  sort: string | undefined;
  version: number;
  count: number;
  answered: boolean;
  columns: GridColumnId[];
  store: SelectionStore;
  onSort: (sort: string | undefined) => void;
  onOpen: (leadId: number) => void;
  /** Row height in px (the density). */
  rowHeight?: number;
}

const NO_ROWS: DisplayRow[] = [];

/**
 * The leads grid: the columns (order, visibility, widths) and the header here; the rows in
 * GridBody, which alone re-renders on scroll. Only the rows on screen are ever asked for.
 */
export const LeadGrid = memo(function LeadGrid({
  filter,
  sort,
  version,
  count,
  answered,
  columns,
  store,
  onSort,
  onOpen,
  rowHeight,
}: LeadGridProps) {
  // Widths that fit the grid's box (headers whole, filling the room; less the select column, the border and a scrollbar); a column the user resized keeps its width.
  const boxRef = useRef<HTMLDivElement>(null);
  const boxWidth = useElementWidth(boxRef);
  const headerWidth = useHeaderWidths();
  const [resized, setResized] = useState<Record<string, number>>({});
  const columnSizing = useMemo(
    () => fitColumnWidths(columns, headerWidth, boxWidth - 62, resized),
    [columns, headerWidth, boxWidth, resized],
  );
  const setColumnSizing = (update: SetStateAction<Record<string, number>>) => {
    const next = typeof update === 'function' ? update(columnSizing) : update;
    setResized((r) => {
      const out = { ...r };
      for (const [id, w] of Object.entries(next)) if (w !== columnSizing[id]) out[id] = w;
      return out;
    });
  };
  // One visibility object per set of columns: a new one on every render made the table build its
  // header groups again on each (a filter click's render, a count's, a block's).
  const columnVisibility = useMemo(
    () => Object.fromEntries(gridColumns.map((c) => [c.id, columns.includes(c.id as GridColumnId)])),
    [columns],
  );
  const table = useTable({
    features: gridFeatures,
    columns: gridColumns,
    data: NO_ROWS,
    state: { columnOrder: columns, columnVisibility, columnSizing },
    onColumnSizingChange: setColumnSizing,
    columnResizeMode: 'onChange',
  });
  const layout = table
    .getVisibleLeafColumns()
    .map((c) => `${c.id}:${c.getSize()}`)
    .join(',');
  const bodyColumns = useMemo<BodyColumn[]>(
    () =>
      layout.split(',').flatMap((part) => {
        const [id, size] = part.split(':');
        return id ? [{ id: id as GridColumnId, size: Number(size) }] : [];
      }),
    [layout],
  );
  const width = table.getTotalSize() + 44;
  // The filter as a value: a new object with the same filter must not re-render the body.
  const filterKey = JSON.stringify(filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the filter's value, not its identity
  const stableFilter = useMemo(() => filter, [filterKey]);
  // The header as one element per layout, sort and count: a render for anything else (a data
  // version, a block of rows) leaves the header and GridBody's memo alone.
  const resizing = table.getVisibleLeafColumns().find((c) => c.getIsResizing())?.id;
  const header = useMemo(
    () => <GridHeader table={table} width={width} sort={sort} onSort={onSort} store={store} count={count} />,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `layout` and `resizing` stand for the table state the header draws
    [table, width, sort, onSort, store, count, layout, resizing],
  );
  return (
    <div ref={boxRef} className="flex min-h-0 flex-1 flex-col">
      <GridBody
        filter={stableFilter}
        sort={sort}
        version={version}
        count={count}
        answered={answered}
        columns={bodyColumns}
        width={width}
        store={store}
        onOpen={onOpen}
        header={header}
        rowHeight={rowHeight}
      />
    </div>
  );
});
