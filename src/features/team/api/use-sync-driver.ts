/**
 * Drives sync from the app shell while team mode is on and a token is held: a round soon after
 * each local change (the outbox grew), one every 15 s to pull others' changes, at once when the
 * browser comes back online, and after a failure again with back-off (2 s doubling, capped at 5 min).
 */
import { useEffect } from 'react';
import { retryDelay } from '../../../domain/sync/push-results';
import { failedRounds, syncNow } from './sync-runner-on-demand';
import { useSyncSummary, useTeamConfig } from './use-team';
import { useTeamSession } from './team-session';

const EVERY_MS = 15_000;
const AFTER_CHANGE_MS = 500;

export function useSyncDriver(): void {
  const config = useTeamConfig();
  const session = useTeamSession();
  const pending = useSyncSummary()?.pending ?? 0;
  const active = Boolean(config?.enabled && session);

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const loop = async () => {
      await syncNow();
      if (stopped) return;
      const failures = failedRounds();
      timer = setTimeout(() => void loop(), failures ? retryDelay(failures) : EVERY_MS);
    };
    const online = () => void syncNow();
    globalThis.addEventListener?.('online', online);
    void loop();
    return () => {
      stopped = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', online);
    };
  }, [active]);

  useEffect(() => {
    if (!active || pending === 0 || failedRounds() > 0) return;
    const timer = setTimeout(() => void syncNow(), AFTER_CHANGE_MS);
    return () => clearTimeout(timer);
  }, [active, pending]);
}
