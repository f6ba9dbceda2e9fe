import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import * as Comlink from 'comlink';
import { useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { addToInternalDnc, listDncLists, listDncScrubs } from '../../../db/repos/dnc-repo';
import type { ScrubProgress } from '../../../db/repos/dnc-scrub-repo';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { useWriteMutation } from '../../../shared/storage/use-write-mutation';
import { complianceWorker } from './compliance-worker';

/** The lists with their versions, and the scrubs run so far; live. */
export function useDncLists() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [lists, scrubs] = await Promise.all([listDncLists(db), listDncScrubs(db)]);
    return { lists, scrubs };
  }, []);
}

/** Read a chosen file in the worker: SHA-256, rows, invalid lines (nothing written). */
export function usePreviewDncFile() {
  return useMutation({
    mutationFn: async ({ file, defaultRegion }: { file: File; defaultRegion: string }) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return complianceWorker().previewDncFile(Comlink.transfer(bytes, [bytes.buffer]), file.name, defaultRegion);
    },
  });
}

/** Import the file as the list's next version, published at the date the steward entered. */
export function useImportDncVersion() {
  return useMutation({
    mutationFn: async ({
      file,
      listId,
      publishedAt,
      defaultRegion,
    }: {
      file: File;
      listId: string;
      publishedAt: number;
      defaultRegion: string;
    }) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return complianceWorker().importDncVersion(
        Comlink.transfer({ listId, fileName: file.name, bytes, publishedAt, defaultRegion }, [bytes.buffer]),
        Date.now(),
      );
    },
  });
}

/** Put one number on the internal list, effective at once. */
export function useAddInternalDnc() {
  return useWriteMutation({
    mutationFn: (input: { phone: string; defaultRegion: string; note?: string }) => addToInternalDnc(getDb(), input),
  });
}

/**
 * Scrub every lead in the worker, with progress. `seconds` is the wait the user saw, from the
 * click to the answer on the page (the worker's own figure leaves out its start and the
 * journal). The queue counts are asked again when it ends.
 */
export function useScrub() {
  const [progress, setProgress] = useState<ScrubProgress | null>(null);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      const started = performance.now();
      setProgress({ phase: 'lists', done: 0, total: 0 });
      try {
        // The scrub reads the leads' numbers off the grid engine's columns through a port of its own.
        // Not awaited: the port holds the scrub's question until the engine is free to take it.
        const { port1, port2 } = new MessageChannel();
        void gridWorker().connect(Comlink.transfer(port1, [port1]));
        const result = await complianceWorker().scrub(
          Date.now(),
          Comlink.proxy(setProgress),
          Comlink.transfer(port2, [port2]),
        );
        // The engine lays the scrub onto its columns before the queue counts are asked again.
        await gridWorker().catchUpNow();
        return { ...result, seconds: (performance.now() - started) / 1000 };
      } finally {
        setProgress(null);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['compliance-summary'] }),
    networkMode: 'always',
  });
  return { ...mutation, progress };
}
