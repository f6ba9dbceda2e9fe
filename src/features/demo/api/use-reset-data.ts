import { useMutation } from '@tanstack/react-query';
import * as Comlink from 'comlink';
import { demoScale } from './demo-scale';
import { demoWorker } from './demo-worker';
import { seedRunStore } from './seed-progress-store';

/** Replace everything with the demo dataset, in the demo worker (progress in `useSeedRun()`). */
export function useResetDemo() {
  return useMutation({
    mutationFn: async () => {
      seedRunStore.set({ kind: 'reset', startedAt: Date.now(), progress: null });
      try {
        return await demoWorker().reset(Date.now(), Comlink.proxy(seedRunStore.progressFor('reset')), demoScale());
      } finally {
        seedRunStore.end('reset');
      }
    },
    networkMode: 'always',
  });
}

/** Empty the database and stay empty. */
export function useStartEmpty() {
  return useMutation({ mutationFn: () => demoWorker().startEmpty(Date.now()), networkMode: 'always' });
}
