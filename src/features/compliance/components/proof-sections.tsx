import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { hhmm } from '../../../domain/time/hhmm';
import type { ProofReport } from '../../../domain/compliance/proof';
import { useFormatters } from '../model/use-formatters';
import { EmptyState } from '../../../components/ui/empty-state';

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
        <EmptyState inline>{t('compliance.consent.noEvents')}</EmptyState>
      )}
    </ProofSection>
  );
}

/** Consent events, oldest first. */
export function ConsentEventsTable({ events }: { events: ProofReport['consent']['events'] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Table density="compact">
      <TableHead caps={false}>
        <tr>
          <Th>{t('compliance.consent.when')}</Th>
          <Th>{t('compliance.consent.kindLabel')}</Th>
          <Th>{t('compliance.consent.basisLabel')}</Th>
          <Th>{t('compliance.consent.methodLabel')}</Th>
          <Th>{t('compliance.consent.proofLabel')}</Th>
          <Th>{t('compliance.consent.by')}</Th>
        </tr>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <tr key={e.id} data-testid="consent-event">
            <Td className="whitespace-nowrap">{f.dateTime(e.capturedAt)}</Td>
            <Td>
              {t(`compliance.consent.kind.${e.kind}`)}
              {e.expiresAt !== undefined && (
                <span className="block text-slate-500">
                  {t('compliance.consent.expires', { date: f.date(e.expiresAt) })}
                </span>
              )}
            </Td>
            <Td>{t(`compliance.consent.basis.${e.basis}`)}</Td>
            <Td>{t(`compliance.consent.method.${e.method}`)}</Td>
            <Td className="max-w-40 truncate font-mono" title={e.proofRef}>
              {e.proofRef || '—'}
            </Td>
            <Td>{e.capturedBy}</Td>
          </tr>
        ))}
      </TableBody>
    </Table>
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
        <EmptyState inline>{t('compliance.proof.noEarlierCalls')}</EmptyState>
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
