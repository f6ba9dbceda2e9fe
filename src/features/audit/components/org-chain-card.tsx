import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';
import { useOrgChain, useVerifyOrgChain } from '../api/use-org-chain';

const LATEST = 10;

/** In team mode: the organisation's chain beside this device's trail, its latest entries, and its check. */
export function OrgChainCard() {
  const { t, i18n } = useTranslation();
  const rows = useOrgChain();
  const verify = useVerifyOrgChain();
  if (!rows || rows.length === 0) return null;
  const head = rows.at(-1)!;
  const date = localeDateFormat(i18n.language, DATE_TIME);
  const report = verify.data;
  return (
    <Card title={t('audit.org.title')} className="mb-6">
      <p className="mb-2 text-sm text-slate-600">{t('audit.org.help')}</p>
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="org-chain-head">
          {t('audit.org.head', { position: head.orgPosition })}{' '}
          <code className="font-mono text-xs">{head.orgHash.slice(0, 16)}…</code>
        </span>
        <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
          {t('audit.org.verify')}
        </Button>
      </div>
      {report && (
        <div
          role="status"
          className={`mb-3 rounded-lg px-4 py-2 text-sm ${report.problem ? 'bg-rose-50 text-rose-800' : 'bg-emerald-50 text-emerald-800'}`}
        >
          <p>
            {report.problem
              ? t('audit.org.broken', {
                  position: report.problem.position,
                  problem: t(`audit.org.problem.${report.problem.problem}`),
                })
              : t('audit.org.intact', { count: report.count })}
          </p>
          {report.gaps > 0 && <p>{t('audit.org.gaps', { count: report.gaps })}</p>}
        </div>
      )}
      <Table caption={t('audit.org.latest')} captionHidden density="compact">
        <TableHead>
          <tr>
            <Th numeric>{t('audit.org.position')}</Th>
            <Th>{t('audit.at')}</Th>
            <Th>{t('audit.actor')}</Th>
            <Th>{t('audit.action')}</Th>
            <Th>{t('audit.org.device')}</Th>
          </tr>
        </TableHead>
        <TableBody>
          {rows
            .slice(-LATEST)
            .reverse()
            .map((r) => (
              <tr key={r.orgPosition}>
                <Td numeric>{r.orgPosition}</Td>
                <Td>{date.format(r.entry.at)}</Td>
                <Td>{r.entry.actor}</Td>
                <Td>{r.entry.action}</Td>
                <Td className="font-mono">
                  {r.deviceId.slice(0, 8)} #{r.deviceSeq}
                </Td>
              </tr>
            ))}
        </TableBody>
      </Table>
    </Card>
  );
}
