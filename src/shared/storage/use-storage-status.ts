import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** How often the figures are read again while a screen shows them (an import grows them). */
const REFRESH_MS = 30_000;
const KEY = ['storage-status'] as const;
const UNKNOWN: StorageStatus = { usage: null, quota: null, persisted: null };

/** Persistence is asked for once per page, before the first reading. */
let asked: Promise<unknown> | null = null;

async function readStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage?.estimate) return UNKNOWN;
  asked ??= storage.persist?.().catch(() => false) ?? Promise.resolve(false);
  await asked;
  const [est, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]);
  return { usage: est.usage ?? null, quota: est.quota ?? null, persisted };
}

/**
 * Storage used, quota, and whether the browser will keep our data under pressure: one query
 * shared by every component that shows it (sidebar, warning, Overview, backup card), read again
 * every 30 s and when the tab comes back.
 */
export function useStorageStatus(): StorageStatus & { requestPersist: () => Promise<void> } {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: readStatus,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
    staleTime: REFRESH_MS,
  });
  const requestPersist = useCallback(async () => {
    await navigator.storage?.persist?.();
    await client.invalidateQueries({ queryKey: KEY });
  }, [client]);
  return { ...(data ?? UNKNOWN), requestPersist };
}
