import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
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
      <table className="w-full text-left text-sm" aria-label={t('audit.org.latest')}>
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3">{t('audit.org.position')}</th>
            <th className="py-1 pr-3">{t('audit.at')}</th>
            <th className="py-1 pr-3">{t('audit.actor')}</th>
            <th className="py-1 pr-3">{t('audit.action')}</th>
            <th className="py-1">{t('audit.org.device')}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .slice(-LATEST)
            .reverse()
            .map((r) => (
              <tr key={r.orgPosition} className="border-t border-slate-100">
                <td className="py-1 pr-3 tabular-nums">{r.orgPosition}</td>
                <td className="py-1 pr-3">{date.format(r.entry.at)}</td>
                <td className="py-1 pr-3">{r.entry.actor}</td>
                <td className="py-1 pr-3">{r.entry.action}</td>
                <td className="py-1 font-mono text-xs">
                  {r.deviceId.slice(0, 8)} #{r.deviceSeq}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Card>
  );
}
