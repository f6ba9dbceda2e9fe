// @vitest-environment jsdom
/**
 * The grid in-process: the real grid engine (the worker's code, run here) over a seeded
 * fake-indexeddb, rendered by React in jsdom. Covers what a steward does with the keyboard and
 * mouse, and that selecting a row re-renders that row only.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../../../db/leads-db';
import { closeAll, dbWith, demoSlice } from '../../../db/repos/compliance-test-fixture';
import { undoOperation } from '../../../db/repos/undo-repo';
import { initI18n } from '../../../i18n/i18n';
import { createGridEngine } from '../../../workers/grid-engine';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { DEFAULT_COLUMNS } from '../leads-search';
import { rowRenderProbe } from './grid-row';
import { LeadGrid } from './lead-grid';
import { SelectionStore } from '../model/use-selection';

const h = vi.hoisted(() => ({ engine: null as unknown, db: null as unknown }));
vi.mock('../../../shared/engine/grid-worker', () => ({ gridWorker: () => h.engine }));
// The page's writes (an inline edit) go to the seeded database.
vi.mock('../../../db/leads-db', async (original) => ({ ...(await original<object>()), getDb: () => h.db }));
// The bulk-edit worker's code, run in-process over the same database.
vi.mock('../api/bulk-edit-worker', async () => {
  const { createBulkEditApi } = await import('../../../workers/bulk-edit-api');
  return { bulkEditWorker: () => createBulkEditApi(h.db as LeadsDb) };
});

type Engine = ReturnType<typeof createGridEngine>;
let engine: Engine;
let db: LeadsDb;

beforeAll(async () => {
  // jsdom lays nothing out: give the grid a viewport so the virtualiser draws rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  // jsdom has no ResizeObserver: the grid fits its columns to the width it read at mount.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  initI18n();
  db = await dbWith(demoSlice(100));
  h.db = db;
  engine = createGridEngine(db);
  h.engine = engine;
});
afterEach(cleanup);
afterAll(closeAll);

const onSort = vi.fn();
/** Render the grid again with another filter and its count (as the page does when the filter changes). */
let rerenderWith: (filter: LeadFilter, count: number) => void = () => undefined;

async function renderGrid(onOpen = vi.fn()) {
  const { count } = await engine.query({}, 'name');
  const store = new SelectionStore();
  const client = new QueryClient();
  const grid = (filter: LeadFilter, n: number) => (
    <QueryClientProvider client={client}>
      <LeadGrid
        filter={filter}
        sort="name"
        version={0}
        count={n}
        answered
        columns={DEFAULT_COLUMNS}
        store={store}
        onSort={onSort}
        onOpen={onOpen}
      />
    </QueryClientProvider>
  );
  const { rerender } = render(grid({}, count));
  rerenderWith = (filter, n) => rerender(grid(filter, n));
  await waitFor(() => expect(screen.getAllByTestId('lead-row').length).toBeGreaterThan(10), { timeout: 10_000 });
  const ids = Array.from(await engine.ids({}, 'name', 0, count));
  return { store, count, ids, onOpen };
}

const rows = () => screen.getAllByTestId('lead-row');
const picked = (store: SelectionStore): ReadonlySet<number> => {
  const s = store.getState().selection;
  return s.kind === 'ids' ? s.ids : new Set();
};

describe('the leads grid', () => {
  it('draws the rows the engine sends, in its order, as shown (phone formatted, verdict badge)', async () => {
    const { ids, count } = await renderGrid();
    expect(count).toBeGreaterThan(100);
    const first = rows()[0]!;
    expect(first.id).toBe(`lead-row-${ids[0]}`);
    expect(first.getAttribute('aria-rowindex')).toBe('2');
    expect(within(first).getByTestId('verdict-badge').textContent).toMatch(/Callable|Blocked/);
    expect(within(first).getByRole('button').textContent).toMatch(/^\+\d[\d ]+$/);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(count + 1));
  });

  it('a click selects one row, ctrl-click adds one, shift-click adds the range between', async () => {
    const { store, ids } = await renderGrid();
    fireEvent.click(rows()[1]!);
    expect(store.getState().selection).toEqual({ kind: 'ids', ids: new Set([ids[1]]) });
    fireEvent.click(rows()[4]!, { ctrlKey: true });
    expect([...picked(store)].sort()).toEqual([ids[1]!, ids[4]!].sort());
    fireEvent.click(rows()[8]!, { shiftKey: true });
    await waitFor(() => expect(picked(store).size).toBe(6));
    expect(rows()[6]!.getAttribute('aria-selected')).toBe('true');
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('false');
  });

  it('selecting one row re-renders that row only (and the one it leaves)', async () => {
    const { ids } = await renderGrid();
    fireEvent.click(rows()[2]!);
    await act(async () => {});
    rowRenderProbe.count = 0;
    fireEvent.click(rows()[5]!);
    await act(async () => {});
    expect(rows()[5]!.getAttribute('aria-selected')).toBe('true');
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('false');
    // Row 5 becomes selected and focused, row 2 loses both: two rows, of the ~30 on screen.
    expect(rowRenderProbe.count).toBeGreaterThan(0);
    expect(rowRenderProbe.count).toBeLessThanOrEqual(4);
    expect(rows().length).toBeGreaterThan(10);
    expect(ids.length).toBeGreaterThan(10);
  });

  it('a new filter keeps the rows on screen until its own arrive: no skeleton in between, then its rows in its order', async () => {
    const { count } = await renderGrid();
    const grid = screen.getByRole('grid');
    let skeletons = 0;
    const seen = new MutationObserver((records) => {
      for (const r of records)
        if ((r.target as HTMLElement).getAttribute?.('data-testid') === 'lead-row-loading') skeletons++;
    });
    seen.observe(grid, { subtree: true, attributes: true, attributeFilter: ['data-testid'], childList: true });
    const filter = { source: ['referrals'] };
    const next = await engine.query(filter, 'name');
    expect(next.count).toBeGreaterThan(5);
    expect(next.count).toBeLessThan(count);
    const want = Array.from(await engine.ids(filter, 'name', 0, 5));
    rerenderWith(filter, next.count);
    await waitFor(() => expect(rows()[0]!.id).toBe(`lead-row-${want[0]}`));
    seen.disconnect();
    expect(skeletons).toBe(0);
    expect(screen.queryAllByTestId('lead-row-loading')).toHaveLength(0);
    expect(
      rows()
        .slice(0, 5)
        .map((r) => r.id),
    ).toEqual(want.map((id) => `lead-row-${id}`));
    expect(screen.getByTestId('grid-rows').getAttribute('aria-busy')).toBe('false');
  });

  it('the keyboard moves through rows (one Tab stop), Space toggles, Enter opens', async () => {
    const { store, ids, onOpen } = await renderGrid();
    const grid = screen.getByRole('grid');
    expect(grid.tabIndex).toBe(0);
    // Controls inside rows are out of the Tab order.
    for (const el of within(rows()[0]!).getAllByRole('checkbox')) expect(el.tabIndex).toBe(-1);
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(store.getState().selection).toEqual({ kind: 'ids', ids: new Set([ids[2]]) });
    expect(grid.getAttribute('aria-activedescendant')).toBe(`lead-row-${ids[2]}`);
    fireEvent.keyDown(grid, { key: ' ' });
    expect(picked(store).size).toBe(0);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(picked(store)).toEqual(new Set([ids[1], ids[2]])));
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(ids[2]);
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(store.getState().selection).toEqual({ kind: 'ids', ids: new Set([ids[0]]) });
  });

  it('a jump to the last row re-uses the row elements on screen, and a row still asked for keeps its cells', async () => {
    const { ids, count } = await renderGrid();
    const grid = screen.getByRole('grid');
    const before = new Set(screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1'));
    const cellsBefore = new Set(rows().flatMap((r) => within(r).getAllByRole('gridcell')));
    // A scroll to the end (jsdom lays nothing out: the position is kept and the event sent).
    let top = 0;
    Object.defineProperty(grid, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
    top = (count + 1) * 36;
    act(() => void grid.dispatchEvent(new Event('scroll')));
    await waitFor(() => expect(rows().at(-1)!.id).toBe(`lead-row-${ids[count - 1]}`));
    const after = rows();
    expect(before.size).toBeGreaterThan(10);
    // Keyed by slot: the rows now in view took the elements of the rows that left, cells included;
    // only rows drawn beyond as many as before are new (the view at the end draws one more here).
    const grown = Math.max(0, after.length - before.size);
    expect(after.filter((r) => !before.has(r)).length).toBeLessThanOrEqual(grown);
    const freshCells = after.flatMap((r) => within(r).getAllByRole('gridcell')).filter((c) => !cellsBefore.has(c));
    expect(freshCells.length).toBeLessThanOrEqual(grown * (DEFAULT_COLUMNS.length + 1));
    expect(after.at(-1)!.getAttribute('aria-rowindex')).toBe(String(count + 1));
    expect(within(after.at(-1)!).getAllByRole('gridcell')).toHaveLength(DEFAULT_COLUMNS.length + 1);
  });

  it('scrolling fast draws empty rows and asks the engine for none until the scroll ends, then fills them', async () => {
    const { ids, count } = await renderGrid();
    expect(count).toBeGreaterThan(150);
    const grid = screen.getByRole('grid');
    let top = 0;
    Object.defineProperty(grid, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
    const asked = vi.spyOn(engine, 'rows');
    // Two jumps of several views within one scroll: a fast scroll.
    for (const row of [60, 120]) {
      top = row * 36;
      act(() => void grid.dispatchEvent(new Event('scroll')));
    }
    const loading = screen.getAllByTestId('lead-row-loading');
    expect(loading.length).toBeGreaterThan(5);
    // Every cell there, empty.
    expect(within(loading[0]!).getAllByRole('gridcell')).toHaveLength(DEFAULT_COLUMNS.length + 1);
    expect(loading[0]!.textContent).toBe('');
    expect(loading[0]!.getAttribute('aria-busy')).toBe('true');
    expect(asked).not.toHaveBeenCalled();
    // The scroll ends: the rows in view are asked for and drawn.
    await waitFor(() => expect(screen.queryAllByTestId('lead-row-loading')).toHaveLength(0), { timeout: 5_000 });
    expect(asked).toHaveBeenCalled();
    const shown = rows().map((r) => r.id);
    expect(shown).toContain(`lead-row-${ids[125]}`);
    asked.mockRestore();
  });

  it('a cell is edited in place: double-click or F2, Enter saves one audited, undoable bulk edit of that lead, Escape cancels', async () => {
    const { ids } = await renderGrid();
    const id = ids[3]!;
    const before = (await db.leads.get(id))!;
    const auditBefore = await db.audit.count();
    const nameCell = within(rows()[3]!).getAllByRole('gridcell')[2]!;
    fireEvent.doubleClick(nameCell);
    const editor = within(rows()[3]!).getByTestId('cell-editor') as HTMLInputElement;
    expect(editor.value).toBe(before.name);
    expect(editor.getAttribute('aria-label')).toContain('Name');
    // Keys typed in the editor stay there: the row focus does not move.
    fireEvent.keyDown(editor, { key: 'ArrowDown' });
    expect(screen.getByRole('grid').getAttribute('aria-activedescendant')).toBe(`lead-row-${id}`);
    fireEvent.change(editor, { target: { value: '  Ada Lovelace ' } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('cell-editor')).toBeNull());
    const after = (await db.leads.get(id))!;
    expect(after.name).toBe('Ada Lovelace');
    expect({ ...after, name: before.name, updatedAt: before.updatedAt }).toEqual(before);
    const entry = (await db.audit.orderBy('seq').last())!;
    expect(await db.audit.count()).toBe(auditBefore + 1);
    expect(entry).toMatchObject({
      action: 'bulk-edit',
      ids: [id],
      before: {
        op: { kind: 'set-text', field: 'name', value: 'Ada Lovelace' },
        leads: { [id]: { name: before.name } },
      },
    });
    expect(screen.getByTestId('inline-saved').textContent).toContain('Name');
    expect(document.activeElement).toBe(screen.getByRole('grid'));
    // The undo of the bar above restores the lead exactly.
    await undoOperation(db, entry.seq);
    expect((await db.leads.get(id))!.name).toBe(before.name);

    // F2 edits the focused row's first editable column; Escape leaves it as it was.
    const grid = screen.getByRole('grid');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'F2' });
    const again = screen.getByTestId('cell-editor') as HTMLInputElement;
    fireEvent.change(again, { target: { value: 'Not saved' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByTestId('cell-editor')).toBeNull();
    expect(await db.audit.count()).toBe(auditBefore + 2);
    expect((await db.leads.get(id))!.name).toBe(before.name);
  });

  it('an invalid cell edit says why and writes nothing', async () => {
    const { ids } = await renderGrid();
    const auditBefore = await db.audit.count();
    const tagsCell = within(rows()[1]!).getAllByRole('gridcell')[1 + DEFAULT_COLUMNS.indexOf('tags')]!;
    fireEvent.doubleClick(tagsCell);
    const editor = screen.getByTestId('cell-editor') as HTMLInputElement;
    fireEvent.change(editor, { target: { value: `fine, ${'x'.repeat(41)}` } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/40 characters/);
    expect(screen.getByTestId('cell-editor')).toBeTruthy();
    await act(async () => {});
    expect(await db.audit.count()).toBe(auditBefore);
    expect((await db.leads.get(ids[1]!))!.tags).not.toContain('fine');
  });
});
