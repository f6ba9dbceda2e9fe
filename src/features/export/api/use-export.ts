import { useMutation, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import * as Comlink from 'comlink';
import { useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { listExports, recordExport } from '../../../db/repos/export-repo';
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

function download(bytes: ArrayBuffer, fileName: string, format: 'csv' | 'xlsx') {
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Build the file in the worker, download it, and record it in the audit trail. */
export function useRunExport() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ filter, sort, request, override }: { filter: LeadFilter; sort: string | undefined; request: Omit<ExportRequest, 'ids'>; override?: string }) => {
      const ids = await idsFor(filter, sort);
      setProgress({ done: 0, total: ids.length });
      const result = await exportWorker().build(Comlink.transfer({ ...request, ids }, [ids.buffer]), Comlink.proxy((done: number) => setProgress({ done, total: ids.length })));
      download(result.bytes, result.fileName, request.format);
      const entry = await recordExport(getDb(), {
        kind: request.kind,
        format: request.format,
        fileName: result.fileName,
        filter: filter as Record<string, unknown>,
        columns: request.columns,
        rows: result.rows,
        sha256: result.sha256,
        dncVersionIds: result.dncVersionIds,
        at: request.at,
        exclusions: result.exclusions ? (result.exclusions.byReason as Record<string, number>) : null,
        ...(override ? { override } : {}),
      });
      return { ...result, auditSeq: entry.seq, chainHead: (entry.before as { chainHead: { hash: string } }).chainHead.hash };
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

/** Every export recorded, newest first. */
export function useExportHistory() {
  return useLiveQuery(() => listExports(getDb()), []);
}
