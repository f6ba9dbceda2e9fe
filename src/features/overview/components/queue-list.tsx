import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QUEUE_ORDER } from '../../../shared/queues/queue-order';
import { queueFilter } from '../../../domain/overview/overview-links';
import type { QueueId } from '../../../domain/compliance/queues';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/** The size of every compliance queue. */
export function QueueList({ queues }: { queues: Record<QueueId, number> }) {
  const { t, i18n } = useTranslation();
  const nf = cachedNumberFormat(i18n.language);
  return (
    <ul className="divide-y divide-slate-100">
      {QUEUE_ORDER.map(({ id, dot: tone }) => (
        <li key={id} className="text-sm" data-testid={`queue-${id}`}>
          <Link
            to="/leads"
            search={queueFilter(id)}
            className="-mx-2 flex items-center justify-between rounded px-2 py-2 hover:bg-slate-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${tone}`} />
              {t(`overview.queue.${id}`)}
            </span>
            <span className="font-semibold tabular-nums">{nf.format(queues[id])}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
