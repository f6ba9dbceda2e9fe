import { useCallback, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';

/**
 * The grid's selection: explicit ids, or "all N matching" the current filter (resolved to ids
 * by the worker only when an action needs them). Changing the filter clears it. A change of the
 * data keeps hand-picked ids — the user chose those leads, not a count — and clears only "all N
 * matching", whose N may no longer hold.
 *
 * It lives in a store outside React so that each row subscribes to its own "am I selected":
 * selecting one row re-renders that row and the components that show the count, nothing else.
 */
export type Selection = { kind: 'ids'; ids: ReadonlySet<number> } | { kind: 'all'; count: number };

interface State {
  selection: Selection;
  anchor: number | null;
}

const EMPTY: State = { selection: { kind: 'ids', ids: new Set() }, anchor: null };

export class SelectionStore {
  private state: State = EMPTY;
  private readonly listeners = new Set<() => void>();
  private key = '';
  private version = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): State => this.state;

  private set(next: State): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Follow the page: a new filter clears the selection; new data clears only "all N matching". */
  sync(filterKey: string, dataVersion: number): void {
    const filterChanged = filterKey !== this.key;
    const dataChanged = dataVersion !== this.version;
    this.key = filterKey;
    this.version = dataVersion;
    if (filterChanged || (dataChanged && this.state.selection.kind === 'all')) {
      if (this.state !== EMPTY) this.set(EMPTY);
    }
  }

  isSelected = (id: number): boolean => {
    const s = this.state.selection;
    return s.kind === 'all' || s.ids.has(id);
  };

  private ids(): ReadonlySet<number> {
    const s = this.state.selection;
    return s.kind === 'ids' ? s.ids : new Set();
  }

  toggle = (id: number, index: number): void => {
    const next = new Set(this.ids());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.set({ selection: { kind: 'ids', ids: next }, anchor: index });
  };
  only = (id: number, index: number): void =>
    this.set({ selection: { kind: 'ids', ids: new Set([id]) }, anchor: index });
  /** Select exactly these ids (e.g. "select the changed leads"). */
  replace = (ids: Iterable<number>): void => this.set({ selection: { kind: 'ids', ids: new Set(ids) }, anchor: null });
  addRange = (rangeIds: readonly number[], index: number): void =>
    this.set({ selection: { kind: 'ids', ids: new Set([...this.ids(), ...rangeIds]) }, anchor: index });
  selectAll = (count: number): void => this.set({ selection: { kind: 'all', count }, anchor: null });
  clear = (): void => this.set(EMPTY);
}

/** The page's selection store, cleared when the filter changes (and "all N" when the data does). */
export function useSelectionStore(filterKey: string, dataVersion = 0): SelectionStore {
  const [store] = useState(() => new SelectionStore());
  useLayoutEffect(() => store.sync(filterKey, dataVersion), [store, filterKey, dataVersion]);
  return store;
}

/** Whether one lead is selected; re-renders only when that answer changes. */
export function useRowSelected(store: SelectionStore, id: number | undefined): boolean {
  const get = useCallback(() => (id === undefined ? false : store.isSelected(id)), [store, id]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** The whole selection with its actions, for the components that show or act on it (count, bulk edit). */
export function useSelection(store: SelectionStore) {
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  return useMemo(
    () => ({
      store,
      selection: state.selection,
      anchor: state.anchor,
      count: state.selection.kind === 'all' ? state.selection.count : state.selection.ids.size,
      isSelected: store.isSelected,
      toggle: store.toggle,
      only: store.only,
      replace: store.replace,
      addRange: store.addRange,
      selectAll: store.selectAll,
      clear: store.clear,
    }),
    [store, state],
  );
}
export type SelectionApi = ReturnType<typeof useSelection>;
