/**
 * Cells of the leads grid. A row arrives from the worker as shown (dates, numbers and phone
 * formatted, the verdict judged); a cell only looks up its labels, so drawing one is cheap.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayDate, DisplayRow } from '../../../domain/leads/display-row';
import type { ConsentFilterState, DncFilterState } from '../../../domain/leads/lead-filter';
import type { GridColumnId } from '../leads-search';
import { STAGE_TONE } from './stage-tone';

type T = ReturnType<typeof useTranslation>['t'];

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

function Pill({ className, children, title }: { className: string; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
    >
      {children}
    </span>
  );
}

const none = <span className="text-slate-600">—</span>;

function DateText({ date, after }: { date: DisplayDate | null; after?: ReactNode }) {
  if (!date) return none;
  return (
    <span className="whitespace-nowrap tabular-nums" title={date.iso}>
      {date.text}
      {after}
    </span>
  );
}

/** A small shape that needs no emoji font: a check for callable, a bar-in-circle for blocked. */
function VerdictIcon({ callable }: { callable: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 12"
      className="mr-1 h-3 w-3 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      {callable ? (
        <path d="M2 6.5 5 9.2 10 3" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <circle cx="6" cy="6" r="4.6" />
          <path d="M3.4 6h5.2" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}

/** The verdict as a badge; its tooltip (and accessible description) lists every reason with its date. */
export function VerdictBadge({ row }: { row: Pick<DisplayRow, 'callable' | 'reasons'> }) {
  const { t } = useTranslation();
  return <VerdictPill row={row} t={t} />;
}

/** The badge itself, with the grid's one `t` (a row that subscribed to the language itself would pay for it on every mount). */
function VerdictPill({ row, t }: { row: Pick<DisplayRow, 'callable' | 'reasons'>; t: T }) {
  const lines = row.reasons.map((r) => {
    const when =
      r.until !== undefined
        ? t('leads.until', { date: r.until })
        : r.since !== undefined
          ? t('leads.since', { date: r.since })
          : '';
    return `${t(`reason.${r.code}`)}${when ? ` (${when})` : ''}`;
  });
  const blocking = row.reasons.filter((r) => r.block).length;
  const label = row.callable ? t('leads.callable') : t('leads.blocked', { count: blocking });
  const tone = row.callable
    ? row.reasons.length
      ? 'bg-emerald-50 text-emerald-800 ring-amber-300'
      : 'bg-emerald-50 text-emerald-800 ring-emerald-200'
    : 'bg-rose-50 text-rose-800 ring-rose-300';
  return (
    <span className="group relative" data-testid="verdict-badge">
      <Pill title={lines.join('\n') || undefined} className={tone}>
        <VerdictIcon callable={row.callable} />
        {label}
      </Pill>
      {lines.length > 0 && <span className="sr-only">: {lines.join('; ')}</span>}
    </span>
  );
}

/**
 * What each column says of a row as plain text: the low-detail cells drawn while the grid is
 * scrolled fast (one text node a cell, no badge, icon or tooltip), filled in when it settles.
 */
export const PLAIN: Record<GridColumnId, (row: DisplayRow, t: T) => string> = {
  phone: (r) => r.phone,
  name: (r) => r.name,
  company: (r) => r.company,
  source: (r) => r.source,
  campaign: (r) => r.campaign,
  acquiredAt: (r) => r.acquired.text,
  createdAt: (r) => r.created.text,
  dataAge: (r, t) => t(r.dataAge.key, { count: r.dataAge.count }),
  consent: (r, t) => t(`leads.consentState.${r.consent}`),
  dnc: (r, t) => t(`leads.dncState.${r.dnc}`),
  lastContact: (r) => r.lastContact?.text ?? '—',
  attempts: (r) => r.attempts,
  lastOutcome: (r, t) => (r.lastOutcome ? t(`outcome.${r.lastOutcome}`) : '—'),
  tags: (r) => r.tags.join(', '),
  verdict: (r, t) =>
    r.callable ? t('leads.callable') : t('leads.blocked', { count: r.reasons.filter((x) => x.block).length }),
  stage: (r, t) => t(`lifecycle.stage.${r.stage}`),
};

/** What each column shows of a row. */
export const CELLS: Record<GridColumnId, (row: DisplayRow, t: T) => ReactNode> = {
  phone: (r) => (
    <span className="font-mono text-[13px]" title={r.phoneE164}>
      {r.phone}
    </span>
  ),
  name: (r) => <span className="truncate">{r.name}</span>,
  company: (r) => <span className="truncate text-slate-600">{r.company}</span>,
  source: (r) => (
    <span className="truncate" title={r.sourceId}>
      {r.source}
    </span>
  ),
  campaign: (r) => <span className="truncate">{r.campaign}</span>,
  acquiredAt: (r, t) => (
    <DateText
      date={r.acquired}
      after={
        <span className="ml-1.5 text-xs text-slate-600">{t(r.acquiredAge.key, { count: r.acquiredAge.count })}</span>
      }
    />
  ),
  createdAt: (r) => <DateText date={r.created} />,
  dataAge: (r, t) => (
    <span className={`tabular-nums ${r.dataAge.old ? 'font-medium text-amber-700' : ''}`}>
      {t(r.dataAge.key, { count: r.dataAge.count })}
    </span>
  ),
  consent: (r, t) => <Pill className={CONSENT_TONE[r.consent]}>{t(`leads.consentState.${r.consent}`)}</Pill>,
  dnc: (r, t) => (
    <Pill
      className={DNC_TONE[r.dnc]}
      title={r.dncCheckedAt ? t('leads.dncCheckedAt', { date: r.dncCheckedAt }) : undefined}
    >
      {t(`leads.dncState.${r.dnc}`)}
    </Pill>
  ),
  lastContact: (r) => <DateText date={r.lastContact} />,
  attempts: (r) => <span className="tabular-nums">{r.attempts}</span>,
  lastOutcome: (r, t) =>
    r.lastOutcome ? <span className="whitespace-nowrap">{t(`outcome.${r.lastOutcome}`)}</span> : none,
  tags: (r) => (
    <span className="flex gap-1 overflow-hidden">
      {r.tags.map((tag) => (
        <span key={tag} className="rounded bg-indigo-50 px-1.5 text-xs text-indigo-700">
          {tag}
        </span>
      ))}
    </span>
  ),
  verdict: (r, t) => <VerdictPill row={r} t={t} />,
  stage: (r, t) => (
    <span
      data-testid="stage-badge"
      data-stage={r.stage}
      title={r.stage === 'dormant' ? t('lifecycle.dormantHelp') : t(`lifecycle.stageHelp.${r.stage}`)}
    >
      <Pill className={STAGE_TONE[r.stage]}>{t(`lifecycle.stage.${r.stage}`)}</Pill>
    </span>
  ),
};
