import { useCallback, useEffect, useState } from 'react';

export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** How often the figures are read again while a screen shows them (an import grows them). */
const REFRESH_MS = 30_000;

/** Storage used, quota, and whether the browser will keep our data under pressure. Asks for persistence once. */
export function useStorageStatus(): StorageStatus & { requestPersist: () => Promise<void> } {
  const [status, setStatus] = useState<StorageStatus>({ usage: null, quota: null, persisted: null });
  const refresh = useCallback(async () => {
    const storage = navigator.storage;
    if (!storage?.estimate) return;
    const [est, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]);
    setStatus({ usage: est.usage ?? null, quota: est.quota ?? null, persisted });
  }, []);
  const requestPersist = useCallback(async () => {
    await navigator.storage?.persist?.();
    await refresh();
  }, [refresh]);
  useEffect(() => {
    void requestPersist();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [requestPersist, refresh]);
  return { ...status, requestPersist };
}
