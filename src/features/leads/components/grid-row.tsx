import { memo, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import type { BulkOp } from '../../../domain/leads/bulk-edit';
import type { DisplayRow } from '../../../domain/leads/display-row';
import { isInlineColumn, type InlineColumn } from '../../../domain/leads/inline-edit';
import { CellEditor } from './cell-editor';
import type { BodyColumn } from './grid-columns';
import { BOX, CELLS, PLAIN } from './grid-cells';
import { useRowSelected, type SelectionStore } from '../model/use-selection';

/** What a row does with a click, a tick of its box and an open; one stable object per grid. */
export interface RowActions {
  click: (e: MouseEvent, index: number, id: number) => void;
  toggle: (e: MouseEvent, index: number, id: number) => void;
  open: (id: number) => void;
  /** Start editing a cell in place; save what the editor made of it; leave it. */
  edit: (index: number, id: number, column: InlineColumn) => void;
  commitEdit: (id: number, op: BulkOp | null) => void;
  cancelEdit: () => void;
}

/** How many times a row rendered: counted in unit tests only (the build drops it), to prove a selection re-renders one row. */
export const rowRenderProbe = { count: 0 };

interface Props {
  index: number;
  /** Offset from the top of the rows' block, in px. */
  top: number;
  height: number;
  width: number;
  row: DisplayRow | undefined;
  columns: readonly BodyColumn[];
  focused: boolean;
  store: SelectionStore;
  actions: RowActions;
  /** The cell of this row being edited (null on every other row, so only this one re-renders). */
  editing: InlineColumn | null;
  editFailure: { message: string } | null;
  /** The grid's translate function: one subscription to the language for all rows, not one per row. */
  t: TFunction;
  /** The row checkbox's label for a row number ("Select row 12"): resolved once per language. */
  selectLabel: (rowNumber: number) => string;
  /** Scrolled fast: plain text cells, filled in when the scroll settles. */
  lowDetail: boolean;
}

/**
 * One grid row (or a placeholder while its block is asked for). Memoised: scrolling draws only
 * the rows that come into view, and a selection change re-renders only the rows whose "selected"
 * changed (each subscribes to its own answer). Inner controls are out of the Tab order: the grid
 * is one Tab stop, moved through with the arrow keys.
 */
export const GridRowView = memo(function GridRowView({
  index,
  top,
  height,
  width,
  row,
  columns,
  focused,
  store,
  actions,
  editing,
  editFailure,
  t,
  selectLabel,
  lowDetail,
}: Props) {
  if (import.meta.env.MODE === 'test') rowRenderProbe.count++;
  const id = row?.id;
  const selected = useRowSelected(store, id);
  return (
    <div
      role="row"
      id={id !== undefined ? `lead-row-${id}` : undefined}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-busy={row ? undefined : true}
      data-testid={row ? 'lead-row' : 'lead-row-loading'}
      onClick={id !== undefined ? (e) => actions.click(e, index, id) : undefined}
      onDoubleClick={id !== undefined ? () => actions.open(id) : undefined}
      className={`absolute left-0 flex items-center border-b border-slate-100 text-sm ${selected ? 'bg-indigo-50' : index % 2 ? 'bg-slate-50/40' : 'bg-white'} ${focused ? 'outline outline-2 -outline-offset-2 outline-indigo-400' : ''} hover:bg-indigo-50/60`}
      style={{ top, height, width, contain: editing ? undefined : 'strict' }}
    >
      <div role="gridcell" className="flex w-11 shrink-0 justify-center">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={selectLabel(index + 1)}
          checked={selected}
          disabled={id === undefined}
          onClick={(e) => {
            e.stopPropagation();
            if (id !== undefined) actions.toggle(e, index, id);
          }}
          onChange={() => undefined}
          className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
        />
      </div>
      {!row || (lowDetail && !editing)
        ? // Plain text cells while scrolling fast, and empty ones (a grey bar each) while the row is asked for:
          // the same elements either way, so a row's values arriving rewrite its text instead of replacing its cells.
          columns.map((c) => (
            <div
              key={c.id}
              role="gridcell"
              className={row ? 'shrink-0 truncate px-2.5' : 'grid-cell-loading shrink-0 self-stretch px-2.5'}
              style={{ width: c.size }}
            >
              {row ? PLAIN[c.id](row, t) : null}
            </div>
          ))
        : columns.map((c) => {
            const cell = editing === c.id ? null : CELLS[c.id](row, t);
            return (
              <div
                key={c.id}
                role="gridcell"
                className={
                  cell
                    ? `shrink-0 px-2.5 ${c.id === 'phone' ? BOX : cell.className}`
                    : 'flex shrink-0 items-center overflow-visible px-2.5'
                }
                title={c.id === 'phone' ? undefined : cell?.title}
                style={{ width: c.size }}
                onDoubleClick={
                  isInlineColumn(c.id)
                    ? (e) => {
                        e.stopPropagation();
                        actions.edit(index, row.id, c.id as InlineColumn);
                      }
                    : undefined
                }
              >
                {!cell ? (
                  <CellEditor
                    row={row}
                    column={c.id as InlineColumn}
                    failure={editFailure}
                    onCommit={(op) => actions.commitEdit(row.id, op)}
                    onCancel={actions.cancelEdit}
                  />
                ) : c.id === 'phone' ? (
                  <button
                    type="button"
                    tabIndex={-1}
                    title={cell.title}
                    className={`truncate text-left text-indigo-700 hover:underline ${cell.className}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      actions.open(row.id);
                    }}
                  >
                    {cell.content}
                  </button>
                ) : (
                  cell.content
                )}
              </div>
            );
          })}
    </div>
  );
});
