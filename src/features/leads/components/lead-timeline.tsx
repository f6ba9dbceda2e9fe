import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../domain/leads/lead-timeline';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';

const DOT: Record<TimelineEvent['kind'], string> = {
  acquired: 'bg-indigo-600',
  created: 'bg-slate-500',
  consent: 'bg-emerald-500',
  'dnc-check': 'bg-amber-500',
  call: 'bg-sky-500',
  audit: 'bg-violet-500',
  lifecycle: 'bg-teal-600',
};

/** The lead's events, oldest first. */
export function LeadTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  const date = localeDateFormat(i18n.language, DATE_TIME);
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title" className="mb-2 text-sm font-semibold text-slate-800">
        {t('leads.drawer.timeline')}
      </h3>
      <ol className="relative space-y-2 border-l border-slate-200 pl-4" data-testid="lead-timeline">
        {events.map((e, i) => (
          <li key={i} className="relative text-sm">
            <span
              aria-hidden="true"
              className={`absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[e.kind]}`}
            />
            <span className="text-xs tabular-nums text-slate-500">{date.format(e.at)}</span>{' '}
            <span className="font-medium text-slate-800">{t(`leads.timeline.${e.kind}`)}</span>{' '}
            <span className="text-slate-600">
              {e.kind === 'call'
                ? t(`outcome.${e.detail}`)
                : e.kind === 'lifecycle'
                  ? t(`lifecycle.stage.${e.detail}`)
                  : e.detail}
            </span>
            {e.kind === 'audit' && (
              <span className="text-slate-500">
                {' '}
                · {e.actor}
                {e.note ? ` · “${e.note}”` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
