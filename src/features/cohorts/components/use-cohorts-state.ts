import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { resolveCohortsSearch, type CohortsSearch, type CohortsState } from '../cohorts-search';

const route = getRouteApi('/cohorts');

/** The screen's state from the URL, and a setter that writes it back (replacing history for small steps). */
export function useCohortsState(): [CohortsState, (patch: Partial<CohortsSearch>) => void] {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const set = useCallback((patch: Partial<CohortsSearch>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true }), [navigate]);
  return [resolveCohortsSearch(search), set];
}
