import { useTranslation } from 'react-i18next';
import { hhmm } from '../../../domain/time/hhmm';
import type { ProofReport } from '../../../domain/compliance/proof';
import { useFormatters } from './use-formatters';

/** A titled block of the proof. */
export function ProofSection({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section className="break-inside-avoid border-t border-slate-200 pt-4" data-testid={testId}>
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

const dl = 'grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm';

/** Local time where the lead is, and that day's calling window. */
export function LocalTimeSection({ report }: { report: ProofReport }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const l = report.local;
  return (
    <ProofSection title={t('compliance.proof.localTime')} testId="proof-local">
      <dl className={dl}>
        <dt className="text-slate-500">{t('compliance.proof.leadClock')}</dt>
        <dd>
          {f.dateTime(report.at, l.timeZone)} <span className="text-slate-500">({l.timeZone})</span>
        </dd>
        <dt className="text-slate-500">{t('compliance.proof.window')}</dt>
        <dd>
          {l.window.to > l.window.from
            ? `${hhmm(l.window.from)}–${hhmm(l.window.to)}`
            : t('compliance.proof.noCallsThatDay')}
        </dd>
        <dt className="text-slate-500">{t('compliance.proof.hoursState')}</dt>
        <dd className={l.open ? 'text-emerald-700' : 'text-rose-700'}>
          {l.open ? t('compliance.proof.open') : t('compliance.proof.closed')}
        </dd>
      </dl>
    </ProofSection>
  );
}

/** Consent for calls at the moment, and every event known then. */
export function ConsentSection({ report }: { report: ProofReport }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const c = report.consent;
  return (
    <ProofSection title={t('compliance.proof.consent')} testId="proof-consent">
      <p className="mb-2 text-sm">
        <span className="font-medium">{t(`compliance.consent.status.${c.status}`)}</span>
        {c.basis && ` · ${t(`compliance.consent.basis.${c.basis}`)}`}
        {c.since !== undefined && ` · ${t('compliance.verdict.since', { date: f.dateTime(c.since) })}`}
        {c.status === 'valid' &&
          c.expiresAt !== undefined &&
          ` · ${t('compliance.consent.expires', { date: f.dateTime(c.expiresAt) })}`}
      </p>
      {c.events.length > 0 ? (
        <ConsentEventsTable events={c.events} />
      ) : (
        <p className="text-sm text-slate-500">{t('compliance.consent.noEvents')}</p>
      )}
    </ProofSection>
  );
}

/** Consent events, oldest first. */
export function ConsentEventsTable({ events }: { events: ProofReport['consent']['events'] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <table className="w-full text-xs">
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('compliance.consent.when')}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('compliance.consent.kindLabel')}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('compliance.consent.basisLabel')}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('compliance.consent.methodLabel')}
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t('compliance.consent.proofLabel')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t('compliance.consent.by')}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {events.map((e) => (
          <tr key={e.id} data-testid="consent-event">
            <td className="py-1 pr-2 whitespace-nowrap">{f.dateTime(e.capturedAt)}</td>
            <td className="py-1 pr-2">
              {t(`compliance.consent.kind.${e.kind}`)}
              {e.expiresAt !== undefined && (
                <span className="block text-slate-500">
                  {t('compliance.consent.expires', { date: f.date(e.expiresAt) })}
                </span>
              )}
            </td>
            <td className="py-1 pr-2">{t(`compliance.consent.basis.${e.basis}`)}</td>
            <td className="py-1 pr-2">{t(`compliance.consent.method.${e.method}`)}</td>
            <td className="max-w-40 truncate py-1 pr-2 font-mono" title={e.proofRef}>
              {e.proofRef || '—'}
            </td>
            <td className="py-1">{e.capturedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The DNC versions in force, the listing, and the lead's own screening. */
export function DncSection({ report }: { report: ProofReport }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { lists, listing, check } = report.dnc;
  return (
    <ProofSection title={t('compliance.proof.dnc')} testId="proof-dnc">
      <ul className="mb-2 space-y-1 text-sm">
        {lists.map((l) => (
          <li key={l.listId} className="flex flex-wrap justify-between gap-2">
            <span>
              {l.name}
              {!l.active && <span className="ml-1 text-xs text-slate-500">({t('compliance.dnc.inactive')})</span>}
            </span>
            <span className="text-slate-600">
              {l.inForce
                ? t('compliance.proof.versionInForce', {
                    id: l.inForce.id,
                    published: f.date(l.inForce.publishedAt),
                    imported: f.dateTime(l.inForce.importedAt),
                  })
                : t('compliance.dnc.noVersion')}
            </span>
          </li>
        ))}
      </ul>
      <dl className={dl}>
        <dt className="text-slate-500">{t('compliance.proof.listed')}</dt>
        <dd className={listing.listed ? 'font-medium text-rose-700' : 'text-emerald-700'}>
          {listing.listed
            ? t('compliance.proof.listedOn', { lists: listing.listIds.join(', '), date: f.dateTime(listing.since!) })
            : t('compliance.proof.notListed')}
        </dd>
        <dt className="text-slate-500">{t('compliance.proof.lastCheck')}</dt>
        <dd>{check.lastCheckAt !== undefined ? f.dateTime(check.lastCheckAt) : t('compliance.proof.neverChecked')}</dd>
        <dt className="text-slate-500">{t('compliance.proof.checkState')}</dt>
        <dd className={check.stale ? 'text-rose-700' : 'text-emerald-700'}>
          {check.stale
            ? t('compliance.proof.checkStale', { lists: check.listIds.join(', ') })
            : t('compliance.proof.checkFresh')}
        </dd>
      </dl>
    </ProofSection>
  );
}

/** Calls before the moment, and the frequency rules that bound then. */
export function FrequencySection({ report }: { report: ProofReport }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const fr = report.frequency;
  return (
    <ProofSection title={t('compliance.proof.frequency')} testId="proof-frequency">
      <p className="mb-2 text-sm">
        {fr.capped ? (
          <span className="text-rose-700">{t('compliance.proof.capped', { date: f.dateTime(fr.nextAllowedAt!) })}</span>
        ) : (
          <span className="text-emerald-700">{t('compliance.proof.notCapped')}</span>
        )}
      </p>
      {fr.calls.length === 0 ? (
        <p className="text-sm text-slate-500">{t('compliance.proof.noEarlierCalls')}</p>
      ) : (
        <ul className="text-xs text-slate-600">
          {fr.calls.slice(0, 10).map((c) => (
            <li key={c.at}>
              {f.dateTime(c.at)} · {t(`compliance.outcome.${c.outcome}`, { defaultValue: c.outcome })}
            </li>
          ))}
        </ul>
      )}
    </ProofSection>
  );
}
