import type { Row } from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridRow } from '../api/use-grid-rows';
import type { gridFeatures } from './grid-columns';
import { FlexRender } from '@tanstack/react-table';
import { ROW_HEIGHT } from './use-scaled-virtualizer';

interface Props {
  index: number;
  top: number;
  width: number;
  row: Row<typeof gridFeatures, GridRow> | undefined;
  focused: boolean;
  selected: boolean;
  onClick: (e: MouseEvent) => void;
  onToggle: (e: MouseEvent) => void;
  onOpen: () => void;
}

/** One grid row (or a placeholder while its lead is read). */
export function GridRowView({ index, top, width, row, focused, selected, onClick, onToggle, onOpen }: Props) {
  const { t } = useTranslation();
  const id = row?.original.lead.id;
  return (
    <div
      role="row"
      id={id !== undefined ? `lead-row-${id}` : undefined}
      aria-rowindex={index + 1}
      aria-selected={selected}
      data-testid={row ? 'lead-row' : 'lead-row-loading'}
      onClick={onClick}
      onDoubleClick={onOpen}
      className={`absolute left-0 flex items-center border-b border-slate-100 text-sm ${selected ? 'bg-indigo-50' : index % 2 ? 'bg-slate-50/40' : 'bg-white'} ${focused ? 'outline outline-2 -outline-offset-2 outline-indigo-400' : ''} hover:bg-indigo-50/60`}
      style={{ top, height: ROW_HEIGHT, width }}
    >
      <div role="gridcell" className="flex w-11 shrink-0 justify-center">
        <input
          type="checkbox"
          aria-label={t('leads.selectRow', { index: index + 1 })}
          checked={selected}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(e);
          }}
          onChange={() => undefined}
          className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
        />
      </div>
      {row ? (
        row.getVisibleCells().map((cell) => (
          <div key={cell.id} role="gridcell" className="flex shrink-0 items-center overflow-hidden px-3" style={{ width: cell.column.getSize() }}>
            {cell.column.id === 'phone' ? (
              <button
                type="button"
                className="truncate text-left text-indigo-700 hover:underline"
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen();
                }}
              >
                <FlexRender cell={cell} />
              </button>
            ) : (
              <FlexRender cell={cell} />
            )}
          </div>
        ))
      ) : (
        <div className="mx-3 h-3 flex-1 animate-pulse rounded bg-slate-100" />
      )}
    </div>
  );
}
