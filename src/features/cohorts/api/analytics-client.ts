/**
 * The one analytics worker of the page, started on first use, and the data version it
 * reports (bumped whenever leads, calls, campaigns, sources or settings change anywhere).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { AnalyticsApi } from '../../../workers/analytics.worker';

let remote: Remote<AnalyticsApi> | null = null;
let version = 0;
const listeners = new Set<() => void>();

/** The worker's API (typed calls through comlink). */
export function analytics(): Remote<AnalyticsApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../../workers/analytics.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analytics',
    });
    remote = wrap<AnalyticsApi>(worker);
    void remote.onChange(
      proxy((v: number) => {
        version = v;
        listeners.forEach((l) => l());
      }),
    );
  }
  return remote;
}

/** For useSyncExternalStore: the data version and a subscription to its changes. */
export const dataVersion = {
  get: (): number => version,
  subscribe(listener: () => void): () => void {
    analytics();
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
