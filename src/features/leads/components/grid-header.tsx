import { FlexRender, type ReactTable } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { DisplayRow } from '../../../domain/leads/display-row';
import type { GridColumnId } from '../leads-search';
import { SORTABLE, type gridFeatures } from './grid-columns';
import { useSelection, type SelectionStore } from '../model/use-selection';

interface Props {
  table: ReactTable<typeof gridFeatures, DisplayRow>;
  width: number;
  sort: string | undefined;
  onSort: (sort: string | undefined) => void;
  store: SelectionStore;
  count: number;
}

/** A sortable column's aria-sort: the sort key alone is ascending, with a leading "-" descending. */
function ariaSort(key: string | undefined, sort: string | undefined) {
  if (key && sort === key) return 'ascending';
  return key && sort === `-${key}` ? 'descending' : 'none';
}

/** "Select all N matching": the one part of the header that follows the selection. */
function SelectAllBox({ store, count }: { store: SelectionStore; count: number }) {
  const { t } = useTranslation();
  const selection = useSelection(store);
  const all = selection.selection.kind === 'all';
  return (
    <input
      type="checkbox"
      aria-label={t('leads.selectAllMatching', { count })}
      checked={all}
      onChange={() => (all ? selection.clear() : selection.selectAll(count))}
      className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
    />
  );
}

/** Sticky header: sort buttons (asc → desc → none), resize handles, and the select-all box. */
export function GridHeader({ table, width, sort, onSort, store, count }: Props) {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="flex h-9 items-center text-xs font-semibold text-slate-700"
      style={{ width }}
    >
      <div role="columnheader" className="flex w-11 shrink-0 justify-center">
        <SelectAllBox store={store} count={count} />
      </div>
      {table.getHeaderGroups()[0]!.headers.map((header) => {
        const key = SORTABLE[header.column.id as GridColumnId];
        const dir = ariaSort(key, sort);
        return (
          <div
            key={header.id}
            role="columnheader"
            aria-sort={dir}
            className="relative flex h-full shrink-0 items-center px-2.5"
            style={{ width: header.getSize() }}
          >
            {key ? (
              <button
                type="button"
                className="flex items-center gap-1 truncate hover:text-slate-900"
                onClick={() => onSort(dir === 'none' ? key : dir === 'ascending' ? `-${key}` : undefined)}
              >
                <FlexRender header={header} />
                <span aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
              </button>
            ) : (
              <span className="truncate">
                <FlexRender header={header} />
              </span>
            )}
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label={t('leads.resize')}
              onMouseDown={header.getResizeHandler()}
              onTouchStart={header.getResizeHandler()}
              className={`absolute right-0 top-1 h-7 w-1 cursor-col-resize rounded ${header.column.getIsResizing() ? 'bg-indigo-500' : 'hover:bg-slate-300'}`}
            />
          </div>
        );
      })}
    </div>
  );
}
