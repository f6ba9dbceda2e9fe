import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { StatCard } from '../../../components/ui/stat-card';
import { useComplianceSummary } from '../api/use-compliance-summary';
import { usePolicySettings } from '../../../shared/settings/use-policy';
import { ComplianceHeader } from './compliance-header';
import { ExpiryCalendar } from './expiry-calendar';
import { QueueCards } from './queue-cards';
import { AwaitingRenewalCard } from './awaiting-renewal-card';
import { useFormatters } from '../model/use-formatters';

/** The Compliance screen: callable now, the work queues, and what falls due in the next 90 days. */
export function CompliancePage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const summary = useComplianceSummary();
  const settings = usePolicySettings();
  const s = summary.data;
  return (
    <>
      <ComplianceHeader subtitle={t('compliance.subtitle')} />
      {!s || !settings ? (
        <p role="status" className="text-sm text-slate-500">
          {t('compliance.computing')}
        </p>
      ) : (
        <div className="space-y-6">
          <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {/* The link sits inside the figure: a <dl> may hold only <dt>/<dd>/<div> (axe: definition-list). */}
            <StatCard
              testId="compliance-callable"
              tone="good"
              label={t('compliance.callableNow')}
              value={
                <Link
                  to="/leads"
                  search={{ callable: 'yes' }}
                  className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  {f.number(s.callable)}
                </Link>
              }
              note={t('compliance.callableShare', { pct: s.total ? ((100 * s.callable) / s.total).toFixed(1) : '0' })}
            />
            <StatCard
              testId="compliance-blocked"
              tone="bad"
              label={t('compliance.blockedNow')}
              value={f.number(s.total - s.callable)}
              note={t('compliance.ofLeads', { total: f.number(s.total) })}
            />
            <StatCard
              testId="compliance-anonymized"
              label={t('compliance.anonymized')}
              value={f.number(s.byReason.anonymized)}
              note={t('compliance.anonymizedHelp')}
            />
            <StatCard
              label={t('compliance.policyLabel')}
              value={
                <span className="text-base font-medium">
                  {settings.policyPresets
                    .filter((p) => p !== 'organisation')
                    .map((p) => t(`compliance.presetShort.${p}`, { defaultValue: p }))
                    .join(' · ') || '—'}
                </span>
              }
              note={
                <Link to="/settings" hash="policy" className="text-indigo-600 hover:underline">
                  {t('compliance.changePolicy')}
                </Link>
              }
            />
          </dl>
          <Card
            title={t('compliance.queues.title')}
            actions={
              <span className="text-xs text-slate-500">
                {t('compliance.computedAt', { time: f.dateTime(s.at), wait: f.number(Math.round(s.waitMs)) })}
              </span>
            }
          >
            <QueueCards queues={s.queues} noticeDays={settings.expiryNoticeDays} />
            <AwaitingRenewalCard />
          </Card>
          <Card title={t('compliance.calendar.title')}>
            <ExpiryCalendar at={s.at} days={s.calendar} horizonDays={s.horizonDays} timeZone={settings.orgTimeZone} />
          </Card>
        </div>
      )}
    </>
  );
}
