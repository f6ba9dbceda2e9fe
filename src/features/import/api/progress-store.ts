/**
 * Progress lives outside React state: it changes ten times a second, and only the progress
 * bar needs it. Keeping it in the wizard's state re-rendered every card (the time-zone list
 * alone has hundreds of options) and made main-thread tasks long.
 */
import { useSyncExternalStore } from 'react';
import type { ImportProgress } from '../../../workers/import-progress';

export interface ProgressStore {
  get: () => ImportProgress | null;
  set: (p: ImportProgress | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createProgressStore(): ProgressStore {
  let value: ImportProgress | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (p) => {
      value = p;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export function useProgress(store: ProgressStore): ImportProgress | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
