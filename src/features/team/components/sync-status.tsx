import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../i18n/use-date-format';
import { syncNow } from '../api/sync-runner-on-demand';
import { useTeamSession } from '../api/team-session';
import { useSyncSummary, useTeamConfig } from '../api/use-team';

/** The sidebar's sync line, on every screen while team mode is on: last synced, pending changes, the last error. */
export function SyncStatus() {
  const config = useTeamConfig();
  const summary = useSyncSummary();
  if (!config?.enabled || !summary) return null;
  return <SyncLine summary={summary} />;
}

/**
 * The line itself. Apart, so that a single-browser page builds no time format for it: the page's
 * first date format cost 38–63 ms of a cold start (the browser loads its locale data then).
 */
function SyncLine({ summary }: { summary: NonNullable<ReturnType<typeof useSyncSummary>> }) {
  const { t } = useTranslation();
  const session = useTeamSession();
  const time = useDateFormat({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const { pending, status } = summary;
  const error = !session ? 'session-expired' : status.error;
  return (
    <div className="border-t border-slate-800 px-4 py-3 text-xs text-slate-300" data-testid="sync-status">
      <div role="status" aria-live="polite" className="space-y-0.5">
        <div>
          {status.lastSyncedAt
            ? t('team.status.lastSynced', { time: time.format(status.lastSyncedAt) })
            : t('team.status.never')}
        </div>
        <div data-testid="sync-pending">{t('team.status.pending', { count: pending })}</div>
        {error && <div className="text-amber-300">{t(`team.error.${error}`)}</div>}
      </div>
      <button
        type="button"
        onClick={() => void syncNow()}
        disabled={!session}
        className="mt-2 rounded bg-slate-800 px-2 py-1 text-slate-100 hover:bg-slate-700 disabled:text-slate-500"
      >
        {t('team.syncNow')}
      </button>
    </div>
  );
}
