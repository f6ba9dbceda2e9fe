import { useTranslation } from 'react-i18next';
import type { ConsentEvent } from '../../../domain/compliance/consent-event';

/** The lead's consent events (read only; capture and withdrawal live in the compliance panel). */
export function ConsentSlot({ consents }: { leadId: number; consents: ConsentEvent[] }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="consent-title">
      <h3 id="consent-title" className="mb-2 text-sm font-semibold text-slate-800">{t('leads.drawer.consent')}</h3>
      {consents.length === 0 ? (
        <p className="text-sm text-slate-500">{t('leads.drawer.noConsent')}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {consents.map((c) => (
            <li key={c.id}>
              {date.format(c.capturedAt)} · {c.kind} · {c.basis} · {c.method}
              {c.expiresAt !== undefined && <span className="text-slate-500"> · {t('leads.until', { date: date.format(c.expiresAt) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
