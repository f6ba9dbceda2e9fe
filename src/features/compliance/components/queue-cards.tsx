import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QUEUE_ORDER } from '../../../shared/queues/queue-order';
import { QUEUES, type QueueId } from '../../../domain/compliance/queues';
import type { ReasonCode } from '../../../domain/compliance/verdict-types';
import { useFormatters } from '../model/use-formatters';

/** Every work queue with its size; each opens the leads grid filtered to exactly its leads. */
export function QueueCards({ queues, noticeDays }: { queues: Record<QueueId, number>; noticeDays: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" aria-label={t('compliance.queues.title')}>
      {QUEUE_ORDER.map(({ id, border: tone }) => (
        <li key={id}>
          <Link
            to="/leads"
            search={{ reason: [...(QUEUES[id] as readonly ReasonCode[])] }}
            data-testid={`compliance-queue-${id}`}
            className={`group block h-full rounded-xl border border-l-4 border-slate-200 bg-white p-4 shadow-sm transition hover:border-slate-300 hover:shadow ${tone}`}
          >
            <div className="text-sm font-medium text-slate-700">
              {t(`compliance.queues.${id}`, { days: noticeDays })}
            </div>
            <div className="mt-1 flex items-baseline justify-between">
              <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="queue-count">
                {f.number(queues[id])}
              </span>
              <span className="text-xs text-indigo-600 opacity-0 transition group-hover:opacity-100" aria-hidden="true">
                {t('compliance.queues.open')} →
              </span>
            </div>
            <p className="mt-1 text-xs text-slate-500">{t(`compliance.queues.${id}Help`)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
