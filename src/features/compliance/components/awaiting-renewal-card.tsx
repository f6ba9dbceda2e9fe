import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAwaitingRenewal } from '../api/use-renewals';
import { useFormatters } from '../model/use-formatters';

/** The "awaiting renewal" queue (requested, not yet renewed) beside the verdict's queues; opens its list. */
export function AwaitingRenewalCard() {
  const { t } = useTranslation();
  const f = useFormatters();
  const rows = useAwaitingRenewal();
  return (
    <Link
      to="/compliance/renewals"
      data-testid="compliance-queue-awaitingRenewal"
      className="mt-3 flex items-baseline justify-between gap-3 rounded-xl border border-l-4 border-slate-200 border-l-amber-300 bg-white p-4 shadow-sm transition hover:border-slate-300 hover:shadow sm:max-w-md"
    >
      <span>
        <span className="block text-sm font-medium text-slate-700">{t('compliance.renewals.title')}</span>
        <span className="block text-xs text-slate-600">{t('compliance.renewals.queueHelp')}</span>
      </span>
      <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="queue-count">
        {rows === undefined ? '…' : f.number(rows.length)}
      </span>
    </Link>
  );
}
