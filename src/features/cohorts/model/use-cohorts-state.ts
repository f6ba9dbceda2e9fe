import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { resolveCohortsSearch, type CohortsSearch, type CohortsState } from '../cohorts-search';

const route = getRouteApi('/cohorts');

/** What changes the chart's axis: a page number means nothing after one of these changes. */
const AXIS_KEYS: readonly (keyof CohortsSearch)[] = ['grain', 'from', 'to', 'split'];

/** The screen's state from the URL, and a setter that writes it back (replacing history for small steps). */
export function useCohortsState(): [CohortsState, (patch: Partial<CohortsSearch>) => void] {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const set = useCallback(
    (patch: Partial<CohortsSearch>) => {
      // A new axis starts at its newest page.
      const reset = !('page' in patch) && AXIS_KEYS.some((k) => k in patch) ? { page: undefined } : {};
      void navigate({ search: (s) => ({ ...s, ...patch, ...reset }), replace: true });
    },
    [navigate],
  );
  return [resolveCohortsSearch(search), set];
}
