import { useTranslation } from 'react-i18next';
import type { ConsentEvent } from '../../../domain/compliance/consent-event';
import { useFormatters } from '../model/use-formatters';

/** Consent events as a compact list, newest first (for narrow places such as the lead drawer). */
export function ConsentEventList({ events }: { events: readonly ConsentEvent[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <ol className="space-y-1.5 border-l-2 border-slate-200 pl-3 text-sm" aria-label={t('compliance.consent.events')}>
      {[...events].reverse().map((e) => (
        <li key={e.id} data-testid="consent-event">
          <div className="flex flex-wrap items-baseline justify-between gap-x-2">
            <span className={`font-medium ${e.kind === 'withdrawn' ? 'text-rose-700' : 'text-slate-800'}`}>
              {t(`compliance.consent.kind.${e.kind}`)} · {t(`compliance.consent.basis.${e.basis}`)}
            </span>
            <span className="text-xs text-slate-500">{f.dateTime(e.capturedAt)}</span>
          </div>
          <p className="text-xs text-slate-500">
            {t(`compliance.consent.method.${e.method}`)}
            {e.proofRef && (
              <>
                {' '}
                · <span className="font-mono">{e.proofRef}</span>
              </>
            )}
            {' · '}
            {e.capturedBy}
            {e.expiresAt !== undefined && ` · ${t('compliance.consent.expires', { date: f.date(e.expiresAt) })}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
