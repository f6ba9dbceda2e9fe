import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { cachedT } from '../../../i18n/cached-t';
import { labelTemplate } from '../../../i18n/label-template';
import { gridWorker } from '../../../shared/engine/grid-worker';
import type { BulkOp } from '../../../domain/leads/bulk-edit';
import { isInlineColumn, type InlineColumn } from '../../../domain/leads/inline-edit';
import { useApplyBulkEdit } from '../api/use-bulk-edit';
import { BLOCK, useGridBlocks } from '../api/use-grid-blocks';
import type { BodyColumn } from './grid-columns';
import { GridRowView, type RowActions } from './grid-row';
import type { SelectionStore } from '../model/use-selection';
import { ROW_HEIGHT, useScaledVirtualizer } from '../model/use-scaled-virtualizer';

/** The header row's height: the rows start below it inside the one scroller. */
const HEADER_HEIGHT = 37;

interface Props {
  filter: LeadFilter;
  sort: string | undefined;
  version: number;
  count: number;
  /** False until the worker has answered the filter: no "nothing matches" before then. */
  answered: boolean;
  columns: readonly BodyColumn[];
  width: number;
  store: SelectionStore;
  onOpen: (leadId: number) => void;
  /** The header row, drawn inside the grid (its own element: a scroll does not re-render it). */
  header: ReactNode;
  /** Row height in px: the density. */
  rowHeight?: number;
}

/**
 * The grid itself: one Tab stop (role=grid, rows reached with the arrow keys), the header, and
 * the virtualised rows. Only this component re-renders on scroll; rows are memoised and placed
 * relative to their block, so a scroll within a block changes one style (the block's offset).
 */
export const GridBody = memo(function GridBody({
  filter,
  sort,
  version,
  count,
  answered,
  columns,
  width,
  store,
  onOpen,
  header,
  rowHeight = ROW_HEIGHT,
}: Props) {
  const { t: translate } = useTranslation();
  // Rows ask for the same few labels on every scroll frame: answered once each per language.
  const t = useMemo(() => cachedT(translate), [translate]);
  const selectLabel = useMemo(() => labelTemplate(translate, 'leads.selectRow', 'index'), [translate]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(0);
  const {
    rows: items,
    scrollToRow,
    spacerHeight,
    position,
    fast,
    flying,
  } = useScaledVirtualizer(count, scrollRef, HEADER_HEIGHT, rowHeight);
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const base = Math.floor(first / BLOCK) * BLOCK;
  // Rows are keyed by slot, their index modulo the most rows drawn at once so far (never fewer than
  // drawn now, so the keys stay distinct): rows drawn are consecutive, so a jump of any length (a fast
  // scroll step, End) gives the rows now in view the keys, and so the elements, of the rows that left,
  // and a scroll by one row moves one key. Keyed by index, a jump replaced every row's elements.
  const slots = useRef(0);
  slots.current = Math.max(slots.current, items.length);
  // Scrolling fast (flying is fast too): rows draw plain text cells until the scroll slows. Flying
  // (a view or more a move): no rows are asked for; rows already held draw plain, the others empty.
  const lowDetail = fast;
  const { rowAt, stale } = useGridBlocks(filter, sort, version, first, last, !flying);
  // Inline edit: one cell at a time, saved as a bulk edit of that one lead (same audit, same undo).
  const [editing, setEditing] = useState<{ id: number; column: InlineColumn } | null>(null);
  const [editFailure, setEditFailure] = useState<{ message: string } | null>(null);
  const [saved, setSaved] = useState<{ column: InlineColumn; name: string } | null>(null);
  const { mutate: applyEdit } = useApplyBulkEdit();
  const stopEditing = useCallback(() => {
    setEditing(null);
    setEditFailure(null);
    // Back to the grid, where the keyboard left off.
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  // The handlers read the latest values through a ref, so the rows get one stable object.
  const nameOf = (id: number) => {
    for (let i = first; i <= last; i++) if (rowAt(i)?.id === id) return rowAt(i)!.name || rowAt(i)!.phone;
    return '';
  };
  const latest = useRef({ filter, sort, rowAt, onOpen, nameOf });
  const editingRef = useRef(editing);
  useLayoutEffect(() => {
    latest.current = { filter, sort, rowAt, onOpen, nameOf };
    editingRef.current = editing;
  });
  const selectRange = useCallback(
    async (index: number) => {
      const anchor = store.getState().anchor ?? index;
      const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
      const { filter: f, sort: s } = latest.current;
      store.addRange(Array.from(await gridWorker().ids(f, s, a, b + 1)), index);
    },
    [store],
  );
  const actions = useMemo<RowActions>(
    () => ({
      click: (e: MouseEvent, index: number, id: number) => {
        setFocused(index);
        if (e.shiftKey) void selectRange(index);
        else if (e.metaKey || e.ctrlKey) store.toggle(id, index);
        else store.only(id, index);
      },
      toggle: (e: MouseEvent, index: number, id: number) => {
        if (e.shiftKey) void selectRange(index);
        else store.toggle(id, index);
      },
      open: (id: number) => latest.current.onOpen(id),
      edit: (index: number, id: number, column: InlineColumn) => {
        setFocused(index);
        setEditFailure(null);
        setEditing({ id, column });
      },
      commitEdit: (id: number, op: BulkOp | null) => {
        const column = editingRef.current?.column;
        if (!op || !column) return stopEditing();
        applyEdit(
          { ids: [id], op },
          {
            onSuccess: () => {
              setSaved({ column, name: latest.current.nameOf(id) });
              stopEditing();
            },
            onError: (err) =>
              setEditFailure({
                message: t('leads.inline.failed', { message: err instanceof Error ? err.message : String(err) }),
              }),
          },
        );
      },
      cancelEdit: stopEditing,
    }),
    [store, selectRange, stopEditing, applyEdit, t],
  );

  const focusedId = rowAt(focused)?.id;
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, focused + moves[e.key]!));
      setFocused(next);
      scrollToRow(next);
      const id = rowAt(next)?.id;
      if (e.shiftKey) void selectRange(next);
      else if (id !== undefined) store.only(id, next);
    } else if (e.key === 'F2' && focusedId !== undefined) {
      // F2 edits the row's first editable column, as in a spreadsheet.
      const column = columns.find((c) => isInlineColumn(c.id))?.id;
      if (column) {
        e.preventDefault();
        setEditFailure(null);
        setEditing({ id: focusedId, column: column as InlineColumn });
      }
    } else if ((e.key === ' ' || e.key === 'Enter') && focusedId !== undefined) {
      e.preventDefault();
      if (e.key === 'Enter') onOpen(focusedId);
      else store.toggle(focusedId, focused);
    }
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div
        ref={scrollRef}
        role="grid"
        aria-label={t('leads.gridLabel')}
        aria-describedby="lead-grid-keys"
        aria-rowcount={count + 1}
        aria-multiselectable="true"
        aria-activedescendant={focusedId !== undefined ? `lead-row-${focusedId}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="relative min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
        data-testid="lead-grid"
      >
        {/* The header scrolls sideways with the rows (one scroller) and stays on top. */}
        <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50" style={{ width }}>
          {header}
        </div>
        {/* Another filter's rows, shown until this one's arrive: busy, and not clickable. (Not dimmed: opacity on a
            box millions of pixels tall makes it a layer of its own, and doubled the paint of a filter click.) The
            clicks are taken by a cover, not by pointer-events on the rows: that property is inherited, so setting it
            here restyled every cell of every row on each filter (half of a filter click's longest task). */}
        <div
          role="rowgroup"
          aria-busy={stale}
          data-testid="grid-rows"
          style={{ height: spacerHeight, width, position: 'relative' }}
        >
          {stale && <div aria-hidden="true" data-testid="grid-rows-cover" className="absolute inset-0 z-[1]" />}
          <div style={{ position: 'absolute', left: 0, top: position(base * rowHeight), width }}>
            {items.map((item) => (
              <GridRowView
                key={item.index % slots.current}
                index={item.index}
                top={(item.index - base) * rowHeight}
                height={rowHeight}
                width={width}
                row={rowAt(item.index)}
                columns={columns}
                focused={item.index === focused}
                store={store}
                actions={actions}
                editing={editing !== null && editing.id === rowAt(item.index)?.id ? editing.column : null}
                editFailure={editing !== null && editing.id === rowAt(item.index)?.id ? editFailure : null}
                t={t}
                selectLabel={selectLabel}
                lowDetail={lowDetail}
              />
            ))}
          </div>
          {answered && count === 0 && (
            <div role="row">
              <p role="gridcell" className="p-8 text-center text-sm text-slate-600">
                {t('leads.noMatch')}
              </p>
            </div>
          )}
        </div>
      </div>
      <p className="flex flex-wrap gap-x-4 border-t border-slate-100 px-3 py-1 text-xs text-slate-600">
        <span id="lead-grid-keys">{t('leads.inline.hint')}</span>
        <span role="status" data-testid="inline-saved">
          {saved && t('leads.inline.saved', { column: t(`leads.col.${saved.column}`), name: saved.name })}
        </span>
      </p>
    </div>
  );
});
