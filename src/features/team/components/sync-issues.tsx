import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { useSyncIssues, useTeamConfig } from '../api/use-team';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The conflicts card, once this browser has been signed in to a team server (never in the single-browser app). */
export function SyncIssuesCard() {
  const { t } = useTranslation();
  const config = useTeamConfig();
  if (!config) return null;
  return (
    <Card title={t('team.issues.title')}>
      <SyncIssues />
    </Card>
  );
}

/** Conflicts (the same field edited in two places: the value kept and yours) and changes the server refused. */
function SyncIssues() {
  const { t } = useTranslation();
  const issues = useSyncIssues();
  if (!issues) return <p>{t('app.loading')}</p>;
  if (issues.length === 0) return <p className="text-sm text-slate-500">{t('team.issues.none')}</p>;
  return (
    <table className="w-full text-left text-sm" aria-label={t('team.issues.title')}>
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-3">{t('team.issues.lead')}</th>
          <th className="py-1 pr-3">{t('team.issues.what')}</th>
          <th className="py-1 pr-3">{t('team.issues.kept')}</th>
          <th className="py-1">{t('team.issues.yours')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i) => (
          <tr key={i.id} className="border-t border-slate-100" data-testid="sync-issue">
            <td className="py-1 pr-3">{i.leadId !== undefined ? `#${i.leadId}` : '—'}</td>
            {i.kind === 'conflict' ? (
              <>
                <td className="py-1 pr-3">{t('team.issues.conflict', { field: i.field })}</td>
                <td className="py-1 pr-3">{show(i.kept)}</td>
                <td className="py-1">{show(i.yours)}</td>
              </>
            ) : (
              <td className="py-1" colSpan={3}>
                {t('team.issues.quarantined', { reason: i.reason })}
                {i.detail ? ` (${i.detail})` : ''}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
