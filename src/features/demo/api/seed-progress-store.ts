/**
 * Seeding's progress, outside React state: the demo worker reports several times a second and
 * only the progress line needs it. One store per page, shared by the first-start seed and a
 * reset from Settings.
 */
import { useSyncExternalStore } from 'react';
import type { SeedProgress } from '../../../db/repos/demo-repo';

/** `startedAt` is the page's clock when the wait began (the line shows the time waited so far). */
export interface SeedRun {
  kind: 'first-start' | 'reset';
  startedAt: number;
  progress: SeedProgress | null;
}

let current: SeedRun | null = null;
const listeners = new Set<() => void>();

export const seedRunStore = {
  get: (): SeedRun | null => current,
  set(run: SeedRun | null): void {
    current = run;
    for (const l of listeners) l();
  },
  /** The worker's progress messages for a run of `kind` (another run under way is not theirs). */
  progressFor(kind: SeedRun['kind']): (p: SeedProgress) => void {
    return (p) => {
      if (current?.kind === kind) seedRunStore.set({ ...current, progress: p });
    };
  },
  /** The run of `kind` is over (a run of the other kind, started meanwhile, stays). */
  end(kind: SeedRun['kind']): void {
    if (current?.kind === kind) seedRunStore.set(null);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSeedRun(): SeedRun | null {
  return useSyncExternalStore(seedRunStore.subscribe, seedRunStore.get);
}
