import { useCallback, useMemo, useState } from 'react';

/**
 * The grid's selection: explicit ids, or "all N matching" the current filter (resolved to ids
 * by the worker only when an action needs them). Changing the filter clears it. A change of the
 * data (`dataVersion`) keeps hand-picked ids — the user chose those leads, not a count — and
 * clears only "all N matching", whose N may no longer hold.
 */
export type Selection = { kind: 'ids'; ids: ReadonlySet<number> } | { kind: 'all'; count: number };

export function useSelection(filterKey: string, dataVersion = 0) {
  const [state, setState] = useState<{ key: string; version: number; selection: Selection; anchor: number | null }>({ key: filterKey, version: dataVersion, selection: { kind: 'ids', ids: new Set() }, anchor: null });
  const stale = state.key !== filterKey || (state.selection.kind === 'all' && state.version !== dataVersion);
  const current = stale ? { key: filterKey, version: dataVersion, selection: { kind: 'ids', ids: new Set<number>() } as Selection, anchor: null } : state;
  const set = useCallback((selection: Selection, anchor: number | null) => setState({ key: filterKey, version: dataVersion, selection, anchor }), [filterKey, dataVersion]);

  const ids = current.selection.kind === 'ids' ? current.selection.ids : null;
  const api = useMemo(
    () => ({
      selection: current.selection,
      anchor: current.anchor,
      count: current.selection.kind === 'all' ? current.selection.count : current.selection.ids.size,
      isSelected: (id: number) => current.selection.kind === 'all' || (ids?.has(id) ?? false),
      toggle: (id: number, index: number) => {
        const next = new Set(ids ?? []);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        set({ kind: 'ids', ids: next }, index);
      },
      only: (id: number, index: number) => set({ kind: 'ids', ids: new Set([id]) }, index),
      addRange: (rangeIds: readonly number[], index: number) => set({ kind: 'ids', ids: new Set([...(ids ?? []), ...rangeIds]) }, index),
      selectAll: (count: number) => set({ kind: 'all', count }, null),
      clear: () => set({ kind: 'ids', ids: new Set() }, null),
    }),
    [current.selection, current.anchor, ids, set],
  );
  return api;
}
export type SelectionApi = ReturnType<typeof useSelection>;
