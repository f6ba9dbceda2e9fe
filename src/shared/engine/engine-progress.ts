/** What the grid engine is doing while it opens or builds its index, for an honest wait. */
import * as Comlink from 'comlink';
import { useSyncExternalStore } from 'react';
import type { BuildProgress } from '../../workers/grid-index';
import { gridWorker } from './grid-worker';

let progress: BuildProgress | null = null;
const listeners = new Set<() => void>();
let watching = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!watching) {
    watching = true;
    void gridWorker().onProgress(
      Comlink.proxy((p: BuildProgress) => {
        progress = p;
        for (const l of listeners) l();
      }),
    );
  }
  return () => listeners.delete(listener);
}
const get = () => progress;

/** The engine's last reported build step (null before it reported any). */
export function useEngineProgress(): BuildProgress | null {
  return useSyncExternalStore(subscribe, get, get);
}
