import { useTranslation } from 'react-i18next';
import type { PurgePlan } from '../../../domain/compliance/retention-plan';
import { useFormatters } from './use-formatters';

/** The cohort figures a purge may lower, each shown as before → after. */
const COUNTS = ['leads', 'contacted', 'connected', 'converted'] as const;

/** The dry run's answer: how many leads go, and what the cohort figures lose (nothing, when anonymising). */
export function PurgePlanView({ plan }: { plan: PurgePlan }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <div className="space-y-3" data-testid="purge-plan">
      <p className="text-sm">
        <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="purge-count">
          {f.number(plan.leadIds.length)}
        </span>{' '}
        {t(`compliance.retention.wouldGo.${plan.mode}`, { count: plan.leadIds.length, time: f.dateTime(plan.at) })}
      </p>
      {plan.mode === 'anonymize' ? (
        <div className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <p className="font-medium">{t('compliance.retention.noLoss')}</p>
          <p className="mt-1 text-emerald-800">{t('compliance.retention.anonymiseExplained')}</p>
        </div>
      ) : plan.losses.length > 0 ? (
        <table className="w-full text-sm" aria-label={t('compliance.retention.lossesTitle')}>
          <caption className="mb-2 text-left text-sm font-medium text-rose-800">
            {t('compliance.retention.lossesTitle')}
          </caption>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('compliance.retention.cohort')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t('compliance.retention.leads')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t('compliance.retention.contacted')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t('compliance.retention.connected')}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t('compliance.retention.converted')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {plan.losses.map((loss) => {
              const before = plan.before.find((b) => b.cohort === loss.cohort)!;
              const [leads, contacted, connected, converted] = COUNTS.map(
                (k) => `${f.number(before[k])} → ${f.number(before[k] - loss[k])}`,
              );
              return (
                <tr key={loss.cohort}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {loss.cohort}
                  </th>
                  <td className="py-1 pr-3 text-right text-rose-700">{leads}</td>
                  <td className="py-1 pr-3 text-right">{contacted}</td>
                  <td className="py-1 pr-3 text-right">{connected}</td>
                  <td className="py-1 text-right">{converted}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
