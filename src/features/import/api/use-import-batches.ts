import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import { getDb } from '../../../db/leads-db';
import { listImportBatches } from '../../../db/repos/import-rollback-repo';
import { startImportWorker } from './import-worker';

/** Every import batch, newest first, live. */
export function useImportBatches() {
  return useLiveQuery(() => listImportBatches(getDb()), []);
}

/** Roll a batch back in a worker (a large batch is a large transaction). */
export function useRollbackBatch() {
  return useMutation({
    mutationFn: async (batchId: number) => {
      const worker = startImportWorker();
      try {
        return await worker.api.rollback(batchId);
      } finally {
        worker.close();
      }
    },
  });
}
