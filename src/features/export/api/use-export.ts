import { useMutation, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import * as Comlink from 'comlink';
import { useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { listExports } from '../../../db/repos/export-repo';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ExportRequest } from '../../../workers/export-build';
import { gridWorker } from '../../../shared/engine/grid-worker';
import { downloadBlob } from '../../../shared/download-blob';
import { exportWorker } from './export-worker';

/**
 * The rows of a filter with the engine's verdicts at `at` (or now, when `at` has passed), as
 * reason bits — after the engine applied every write committed so far. `judged` is left out
 * when the engine cannot answer for that instant; the export worker then judges the leads.
 */
async function judgedRows(filter: LeadFilter, sort: string | undefined, at: number) {
  const { ids, bits, at: when, dataVersion } = await gridWorker().judged(filter, sort, at);
  return { ids, ...(bits ? { judged: { at: when, bits, dataVersion } } : {}) };
}

/** What a call list at `at` would exclude, and why; whether a DNC copy is too old. */
export function useCallListPreview(
  filter: LeadFilter,
  sort: string | undefined,
  at: number,
  enabled: boolean,
  version: number,
) {
  return useQuery({
    queryKey: ['call-list-preview', filter, sort ?? '', at, version],
    enabled,
    queryFn: async () => {
      const { ids, judged } = await judgedRows(filter, sort, at);
      const transfer = judged ? [ids.buffer, judged.bits.buffer] : [ids.buffer];
      return exportWorker().previewCallList(Comlink.transfer(ids, transfer), at, judged);
    },
    staleTime: 30_000,
  });
}

/** Build the file in the worker (which records it in the audit trail first), then download it. */
export function useRunExport() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async ({
      filter,
      sort,
      request,
      override,
    }: {
      filter: LeadFilter;
      sort: string | undefined;
      request: Omit<ExportRequest, 'ids' | 'filter' | 'override'>;
      override?: string;
    }) => {
      const { ids, judged } = await judgedRows(filter, sort, request.at);
      setProgress({ done: 0, total: ids.length });
      const full: ExportRequest = {
        ...request,
        ids,
        filter: filter as Record<string, unknown>,
        ...(override ? { override } : {}),
        ...(judged ? { judged } : {}),
      };
      const transfer = judged ? [ids.buffer, judged.bits.buffer] : [ids.buffer];
      // Where the engine answered at a data version, the export worker reads the leads off its
      // columns through a port of its own.
      let port: MessagePort | undefined;
      if (judged?.dataVersion) {
        const { port1, port2 } = new MessageChannel();
        await gridWorker().connect(Comlink.transfer(port1, [port1]));
        port = port2;
      }
      const result = await exportWorker().build(
        Comlink.transfer(full, transfer),
        Comlink.proxy((done: number) => setProgress({ done, total: ids.length })),
        ...(port ? [Comlink.transfer(port, [port])] : []),
      );
      downloadBlob(result.blob, result.fileName);
      return result;
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

/** Every export recorded, newest first. */
export function useExportHistory() {
  return useLiveQuery(() => listExports(getDb()), []);
}
