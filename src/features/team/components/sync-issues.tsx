import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
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
    <Table caption={t('team.issues.title')} captionHidden density="compact">
      <TableHead>
        <tr>
          <Th>{t('team.issues.lead')}</Th>
          <Th>{t('team.issues.what')}</Th>
          <Th>{t('team.issues.kept')}</Th>
          <Th>{t('team.issues.yours')}</Th>
        </tr>
      </TableHead>
      <TableBody>
        {issues.map((i) => (
          <tr key={i.id} data-testid="sync-issue">
            <Td>{i.leadId !== undefined ? `#${i.leadId}` : '—'}</Td>
            {i.kind === 'conflict' ? (
              <>
                <Td>{t('team.issues.conflict', { field: i.field })}</Td>
                <Td>{show(i.kept)}</Td>
                <Td>{show(i.yours)}</Td>
              </>
            ) : (
              <Td colSpan={3}>
                {t('team.issues.quarantined', {
                  reason: t(`team.issues.reasons.${i.reason}`, { defaultValue: i.reason }),
                })}
                {i.detail ? ` (${i.detail})` : ''}
              </Td>
            )}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
