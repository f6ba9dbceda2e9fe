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

function Pill({
  className,
  children,
  ...rest
}: {
  className: string;
  children: ReactNode;
  title?: string;
  'data-testid'?: string;
  'data-stage'?: string;
}) {
  return (
    <span
      {...rest}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
    >
      {children}
    </span>
  );
}

/** A small shape that needs no emoji font: a check for callable, a bar-in-circle for blocked (one path each). */
function VerdictIcon({ callable }: { callable: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 12"
      className="mr-1 h-3 w-3 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={callable ? 'M2 6.5 5 9.2 10 3' : 'M10.6 6a4.6 4.6 0 1 1-9.2 0a4.6 4.6 0 1 1 9.2 0M3.4 6h5.2'} />
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
    <>
      <Pill data-testid="verdict-badge" title={lines.join('\n') || undefined} className={tone}>
        <VerdictIcon callable={row.callable} />
        {label}
      </Pill>
      {lines.length > 0 && <span className="sr-only">: {lines.join('; ')}</span>}
    </>
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

/**
 * A cell as drawn: what goes in the grid cell, the cell's own classes and its tooltip. A text
 * cell's text sits in the cell itself (no element of its own): a row drawn after a filter has a
 * third fewer elements to create, lay out and paint.
 */
export interface CellView {
  content: ReactNode;
  /** The cell's classes besides its width and padding (`TEXT`, `CLIP`: a line of text; `BOX`: badges, tags). */
  className: string;
  title?: string;
}

/** A cell that holds elements (badges, tags, a button) rather than a line of text. */
export const BOX = 'flex items-center overflow-hidden';
/** A line of text that ends in an ellipsis when it does not fit (names, companies, sources). */
const TEXT = 'truncate';
/** A short line (a date and its age, a count) cut at the cell's edge, as before: an ellipsis would hide the last word sooner. */
const CLIP = 'overflow-hidden whitespace-nowrap';
const NONE: CellView = { content: '—', className: `${CLIP} text-slate-600` };

function dateCell(date: DisplayDate | null, after?: ReactNode): CellView {
  if (!date) return NONE;
  return {
    content: after ? (
      <>
        {date.text}
        {after}
      </>
    ) : (
      date.text
    ),
    className: `${CLIP} tabular-nums`,
    title: date.iso,
  };
}

/**
 * What each column shows of a row. The phone is the one exception to "the cell's own": the row puts its
 * text, classes and tooltip on the button that opens the lead, in a `BOX` cell.
 */
export const CELLS: Record<GridColumnId, (row: DisplayRow, t: T) => CellView> = {
  // The number in a span of its own inside the button: the monospace font's strut set on the button moved it up 2 px.
  phone: (r) => ({
    content: <span className="font-mono text-[13px]">{r.phone}</span>,
    className: '',
    title: r.phoneE164,
  }),
  name: (r) => ({ content: r.name, className: TEXT }),
  company: (r) => ({ content: r.company, className: `${TEXT} text-slate-600` }),
  source: (r) => ({ content: r.source, className: TEXT, title: r.sourceId }),
  campaign: (r) => ({ content: r.campaign, className: TEXT }),
  acquiredAt: (r, t) =>
    dateCell(
      r.acquired,
      <span className="ml-1.5 text-xs text-slate-600">{t(r.acquiredAge.key, { count: r.acquiredAge.count })}</span>,
    ),
  createdAt: (r) => dateCell(r.created),
  dataAge: (r, t) => ({
    content: t(r.dataAge.key, { count: r.dataAge.count }),
    className: `${CLIP} tabular-nums${r.dataAge.old ? ' font-medium text-amber-700' : ''}`,
  }),
  consent: (r, t) => ({
    content: <Pill className={CONSENT_TONE[r.consent]}>{t(`leads.consentState.${r.consent}`)}</Pill>,
    className: BOX,
  }),
  dnc: (r, t) => ({
    content: (
      <Pill
        className={DNC_TONE[r.dnc]}
        title={r.dncCheckedAt ? t('leads.dncCheckedAt', { date: r.dncCheckedAt }) : undefined}
      >
        {t(`leads.dncState.${r.dnc}`)}
      </Pill>
    ),
    className: BOX,
  }),
  lastContact: (r) => dateCell(r.lastContact),
  attempts: (r) => ({ content: r.attempts, className: `${CLIP} tabular-nums` }),
  lastOutcome: (r, t) => (r.lastOutcome ? { content: t(`outcome.${r.lastOutcome}`), className: CLIP } : NONE),
  tags: (r) => ({
    content: r.tags.map((tag) => (
      <span key={tag} className="rounded bg-indigo-50 px-1.5 text-xs text-indigo-700">
        {tag}
      </span>
    )),
    className: `${BOX} gap-1`,
  }),
  verdict: (r, t) => ({ content: <VerdictPill row={r} t={t} />, className: BOX }),
  stage: (r, t) => ({
    content: (
      <Pill
        data-testid="stage-badge"
        data-stage={r.stage}
        title={r.stage === 'dormant' ? t('lifecycle.dormantHelp') : t(`lifecycle.stageHelp.${r.stage}`)}
        className={STAGE_TONE[r.stage]}
      >
        {t(`lifecycle.stage.${r.stage}`)}
      </Pill>
    ),
    className: BOX,
  }),
};
