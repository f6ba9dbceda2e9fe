import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import type { PurgePlan } from '../../../domain/compliance/retention-plan';
import { useFormatters } from '../model/use-formatters';

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
        <Table caption={<span className="text-rose-800">{t('compliance.retention.lossesTitle')}</span>}>
          <TableHead>
            <tr>
              <Th>{t('compliance.retention.cohort')}</Th>
              <Th numeric>{t('compliance.retention.leads')}</Th>
              <Th numeric>{t('compliance.retention.contacted')}</Th>
              <Th numeric>{t('compliance.retention.connected')}</Th>
              <Th numeric>{t('compliance.retention.converted')}</Th>
            </tr>
          </TableHead>
          <TableBody>
            {plan.losses.map((loss) => {
              const before = plan.before.find((b) => b.cohort === loss.cohort)!;
              const [leads, contacted, connected, converted] = COUNTS.map(
                (k) => `${f.number(before[k])} → ${f.number(before[k] - loss[k])}`,
              );
              return (
                <tr key={loss.cohort}>
                  <Th scope="row">{loss.cohort}</Th>
                  <Td numeric className="text-rose-700">
                    {leads}
                  </Td>
                  <Td numeric>{contacted}</Td>
                  <Td numeric>{connected}</Td>
                  <Td numeric>{converted}</Td>
                </tr>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
