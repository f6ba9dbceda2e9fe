import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../domain/compliance/verdict-types';
import type { ConsentFilterState, DncFilterState } from '../../../domain/leads/lead-filter';

const CONSENT_TONE: Record<ConsentFilterState, string> = {
  valid: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  expiring: 'bg-amber-50 text-amber-800 ring-amber-200',
  expired: 'bg-rose-50 text-rose-800 ring-rose-200',
  missing: 'bg-slate-100 text-slate-700 ring-slate-200',
  withdrawn: 'bg-rose-50 text-rose-800 ring-rose-200',
};
const DNC_TONE: Record<DncFilterState, string> = {
  clear: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  listed: 'bg-rose-600 text-white ring-rose-600',
  unchecked: 'bg-slate-100 text-slate-700 ring-slate-200',
  stale: 'bg-amber-50 text-amber-800 ring-amber-200',
};

function Pill({ className, children, title }: { className: string; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>
      {children}
    </span>
  );
}

export function ConsentPill({ state }: { state: ConsentFilterState }) {
  const { t } = useTranslation();
  return <Pill className={CONSENT_TONE[state]}>{t(`leads.consentState.${state}`)}</Pill>;
}

export function DncPill({ state, checkedAt }: { state: DncFilterState; checkedAt?: number }) {
  const { t, i18n } = useTranslation();
  const when = checkedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(checkedAt) : undefined;
  return (
    <Pill className={DNC_TONE[state]} title={when ? t('leads.dncCheckedAt', { date: when }) : undefined}>
      {t(`leads.dncState.${state}`)}
    </Pill>
  );
}

/** The verdict as a badge; its tooltip (and accessible description) lists every reason with its date. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const lines = verdict.reasons.map((r) => {
    const when = r.until !== undefined ? t('leads.until', { date: date.format(r.until) }) : r.since !== undefined ? t('leads.since', { date: date.format(r.since) }) : '';
    return `${t(`reason.${r.code}`)}${when ? ` (${when})` : ''}`;
  });
  const blocking = verdict.reasons.filter((r) => r.severity === 'block');
  const label = verdict.callable ? t('leads.callable') : t('leads.blocked', { count: blocking.length });
  return (
    <span className="group relative" data-testid="verdict-badge">
      <Pill
        title={lines.join('\n') || undefined}
        className={verdict.callable ? (verdict.reasons.length ? 'bg-emerald-50 text-emerald-800 ring-amber-300' : 'bg-emerald-50 text-emerald-800 ring-emerald-200') : 'bg-rose-50 text-rose-800 ring-rose-300'}
      >
        {verdict.callable ? '✓ ' : '⛔ '}
        {label}
      </Pill>
      {lines.length > 0 && <span className="sr-only">: {lines.join('; ')}</span>}
    </span>
  );
}

export function Tags({ tags }: { tags: readonly string[] }) {
  return (
    <span className="flex gap-1 overflow-hidden">
      {tags.map((tag) => (
        <span key={tag} className="rounded bg-indigo-50 px-1.5 text-xs text-indigo-700">
          {tag}
        </span>
      ))}
    </span>
  );
}
