import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { StatCard } from '../../../components/ui/stat-card';
import { useOverview } from '../api/use-overview';
import { QueueList } from './queue-list';
import { SourceBars } from './source-bars';
import { StorageCard } from './storage-card';
import { FigureLink } from './figure-link';
import { figureFilter, type OverviewFigure } from '../../../domain/overview/overview-links';
import { usePolicySettings } from '../../../shared/settings/use-policy';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { TIME } from '../../../domain/time/date-styles';
import { PolicyCoverageAlert } from '../../../shared/policy-coverage/policy-coverage-alert';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const figures = useOverview();
  const orgTimeZone = usePolicySettings()?.orgTimeZone;
  const nf = cachedNumberFormat(i18n.language);
  const pf = cachedNumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const figure = (id: OverviewFigure, label: string, value: number) =>
    figures && orgTimeZone ? (
      <FigureLink
        filter={figureFilter(id, figures.at, orgTimeZone)}
        label={t('overview.openFigure', { figure: label, value: nf.format(value) })}
        testId={`figure-link-${id}`}
      >
        {nf.format(value)}
      </FigureLink>
    ) : (
      nf.format(value)
    );
  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <PolicyCoverageAlert />
      {!figures ? (
        <p role="status" className="text-sm text-slate-500">
          {t('app.loading')}
        </p>
      ) : (
        <div className="space-y-6">
          <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <StatCard
              testId="figure-leads"
              label={t('overview.leads')}
              value={figure('leads', t('overview.leads'), figures.total)}
            />
            <StatCard
              testId="figure-callable"
              tone="good"
              label={t('overview.callableNow')}
              value={figure('callable', t('overview.callableNow'), figures.callable)}
              note={t('overview.callableShare', {
                pct: pf.format(figures.total ? figures.callable / figures.total : 0),
              })}
            />
            <StatCard
              testId="figure-acquired-month"
              label={t('overview.acquiredThisMonth')}
              value={figure('acquiredThisMonth', t('overview.acquiredThisMonth'), figures.acquiredThisMonth)}
            />
            <StorageCard />
          </dl>
          <div className="grid gap-6 xl:grid-cols-2">
            <Card title={t('overview.queues')}>
              <QueueList queues={figures.queues} />
              <p className="mt-3 text-xs text-slate-500">
                {t('overview.computedAt', {
                  time: localeDateFormat(i18n.language, TIME).format(figures.at),
                  policy: figures.presets.join(' + '),
                })}
              </p>
            </Card>
            <Card title={t('overview.sources')}>
              <SourceBars rows={figures.bySource} total={figures.total} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
