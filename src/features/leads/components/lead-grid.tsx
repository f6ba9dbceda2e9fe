import { useTable } from '@tanstack/react-table';
import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { gridWorker } from '../api/grid-worker';
import { useGridRows, type GridRow } from '../api/use-grid-rows';
import { useLeadIds } from '../api/use-lead-query';
import type { GridColumnId } from '../leads-search';
import { GridHeader } from './grid-header';
import { gridColumns, gridFeatures } from './grid-columns';
import { GridRowView } from './grid-row';
import type { SelectionApi } from './use-selection';
import { ROW_HEIGHT, useScaledVirtualizer } from './use-scaled-virtualizer';

const BLOCK = 50;

export interface LeadGridProps {
  filter: LeadFilter;
  sort: string | undefined;
  version: number;
  count: number;
  columns: GridColumnId[];
  selection: SelectionApi;
  onSort: (sort: string | undefined) => void;
  onOpen: (leadId: number) => void;
}

/** The virtualised grid: only the rows on screen are read from the database. */
export function LeadGrid({ filter, sort, version, count, columns, selection, onSort, onOpen }: LeadGridProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const [, setTick] = useState(0);
  const { virtualizer, spacerHeight, position } = useScaledVirtualizer(count, scrollRef, 0);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const start = Math.floor(first / BLOCK) * BLOCK;
  const end = (Math.floor(last / BLOCK) + 2) * BLOCK;
  const idsData = useLeadIds(filter, sort, version, start, end).data;
  const ids = useMemo(() => idsData ?? [], [idsData]);
  const rows = useGridRows(ids);
  const windowRows = useMemo(() => ids.map((id) => rows?.get(id)).filter((r): r is GridRow => r !== undefined), [ids, rows]);

  const [columnSizing, setColumnSizing] = useState({});
  const table = useTable({
    features: gridFeatures,
    columns: gridColumns,
    data: windowRows,
    getRowId: (r) => String(r.lead.id),
    state: { columnOrder: columns, columnVisibility: Object.fromEntries(gridColumns.map((c) => [c.id, columns.includes(c.id as GridColumnId)])), columnSizing },
    onColumnSizingChange: setColumnSizing,
    columnResizeMode: 'onChange',
  });
  const tableRows = new Map(table.getRowModel().rows.map((r) => [r.original.lead.id, r]));
  const width = table.getTotalSize() + 44;

  const idAt = (index: number) => ids[index - start];
  const selectRange = async (index: number) => {
    const anchor = selection.anchor ?? index;
    const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
    selection.addRange(Array.from(await gridWorker().ids(filter, sort, a, b + 1)), index);
  };
  const onRowClick = (e: MouseEvent, index: number, id: number) => {
    setFocused(index);
    if (e.shiftKey) void selectRange(index);
    else if (e.metaKey || e.ctrlKey) selection.toggle(id, index);
    else selection.only(id, index);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, focused + moves[e.key]!));
      setFocused(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      const id = idAt(next);
      if (e.shiftKey) void selectRange(next);
      else if (id !== undefined) selection.only(id, next);
    } else if (e.key === ' ' || e.key === 'Enter') {
      const id = idAt(focused);
      if (id === undefined) return;
      e.preventDefault();
      if (e.key === 'Enter') onOpen(id);
      else selection.toggle(id, focused);
    }
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div ref={headerRef} className="overflow-hidden border-b border-slate-200 bg-slate-50">
        <GridHeader table={table} width={width} sort={sort} onSort={onSort} selection={selection} count={count} />
      </div>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={t('leads.gridLabel')}
        aria-rowcount={count}
        aria-multiselectable="true"
        aria-activedescendant={idAt(focused) !== undefined ? `lead-row-${idAt(focused)}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (headerRef.current) headerRef.current.scrollLeft = e.currentTarget.scrollLeft;
          setTick((n) => n + 1);
        }}
        className="relative min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        data-testid="lead-grid"
      >
        <div role="rowgroup" style={{ height: spacerHeight, width, position: 'relative' }}>
          {items.map((item) => {
            const id = idAt(item.index);
            const row = id !== undefined ? tableRows.get(id) : undefined;
            return (
              <GridRowView
                key={item.key}
                index={item.index}
                top={position(item.start)}
                width={width}
                row={row}
                focused={item.index === focused}
                selected={id !== undefined && selection.isSelected(id)}
                onClick={(e) => id !== undefined && onRowClick(e, item.index, id)}
                onToggle={(e) => {
                  if (id === undefined) return;
                  if (e.shiftKey) void selectRange(item.index);
                  else selection.toggle(id, item.index);
                }}
                onOpen={() => id !== undefined && onOpen(id)}
              />
            );
          })}
        </div>
        {count === 0 && <p className="p-8 text-center text-sm text-slate-500">{t('leads.noMatch')}</p>}
      </div>
    </div>
  );
}
