import { useMutation, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import * as Comlink from 'comlink';
import { useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { listExports } from '../../../db/repos/export-repo';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ExportRequest } from '../../../workers/export-build';
import { gridWorker } from '../../leads/api/grid-worker';
import { exportWorker } from './export-worker';

/** Lead ids matching a filter, from the grid's index. */
export async function idsFor(filter: LeadFilter, sort: string | undefined): Promise<Int32Array> {
  return gridWorker().allIds(filter, sort);
}

/** What a call list at `at` would exclude, and why; whether a DNC copy is too old. */
export function useCallListPreview(filter: LeadFilter, sort: string | undefined, at: number, enabled: boolean, version: number) {
  return useQuery({
    queryKey: ['call-list-preview', filter, sort ?? '', at, version],
    enabled,
    queryFn: async () => exportWorker().previewCallList(await idsFor(filter, sort), at),
    staleTime: 30_000,
  });
}

/** Hand the file to the browser (the Blob's bytes stay where the worker wrote them). */
function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Build the file in the worker (which records it in the audit trail first), then download it. */
export function useRunExport() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ filter, sort, request, override }: { filter: LeadFilter; sort: string | undefined; request: Omit<ExportRequest, 'ids' | 'filter' | 'override'>; override?: string }) => {
      const ids = await idsFor(filter, sort);
      setProgress({ done: 0, total: ids.length });
      const full: ExportRequest = { ...request, ids, filter: filter as Record<string, unknown>, ...(override ? { override } : {}) };
      const result = await exportWorker().build(Comlink.transfer(full, [ids.buffer]), Comlink.proxy((done: number) => setProgress({ done, total: ids.length })));
      download(result.blob, result.fileName);
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
