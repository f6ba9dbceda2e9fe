import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../domain/compliance/verdict-types';
import { useFormatters } from '../model/use-formatters';

/** A verdict's reasons: what blocks (or warns), since when, until when, and the detail that explains it. */
export function ReasonList({ reasons, timeZone }: { reasons: readonly Reason[]; timeZone?: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (reasons.length === 0) return <p className="text-sm text-emerald-700">{t('compliance.verdict.noReasons')}</p>;
  return (
    <ul className="space-y-2" aria-label={t('compliance.verdict.reasons')}>
      {reasons.map((r) => (
        <li
          key={r.code}
          data-testid={`reason-${r.code}`}
          className={`rounded-lg px-3 py-2 text-sm ring-1 ${r.severity === 'block' ? 'bg-rose-50 text-rose-900 ring-rose-200' : 'bg-amber-50 text-amber-900 ring-amber-200'}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">
              <SeverityIcon severity={r.severity} />
              {t(`compliance.reason.${r.code}`)}
              <span className="sr-only"> ({t(`compliance.severity.${r.severity}`)})</span>
            </span>
            <span className="text-xs opacity-80">
              {r.since !== undefined && t('compliance.verdict.since', { date: f.dateTime(r.since, timeZone) })}
              {r.since !== undefined && r.until !== undefined && ' · '}
              {r.until !== undefined && t('compliance.verdict.until', { date: f.dateTime(r.until, timeZone) })}
            </span>
          </div>
          <p className="mt-0.5 text-xs opacity-80">
            {t(`compliance.reasonDetail.${r.code}`, { ...r.detail, defaultValue: '' })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** A no-entry sign for blocks, a triangle for warnings (drawn, so every font shows it). */
function SeverityIcon({ severity }: { severity: Reason['severity'] }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="mr-1.5 inline-block h-3.5 w-3.5 -translate-y-px align-middle"
    >
      {severity === 'block' ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <rect x="4" y="7" width="8" height="2" rx="1" fill="white" />
        </>
      ) : (
        <>
          <path d="M8 1.5 15 14.5H1Z" fill="currentColor" />
          <rect x="7.25" y="6" width="1.5" height="4.5" rx=".75" fill="white" />
          <circle cx="8" cy="12.3" r=".9" fill="white" />
        </>
      )}
    </svg>
  );
}

/** A small callable / not callable badge. */
export function CallableBadge({ callable }: { callable: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${callable ? 'bg-emerald-50 text-emerald-800 ring-emerald-200' : 'bg-rose-50 text-rose-800 ring-rose-200'}`}
    >
      {callable ? t('compliance.verdict.callable') : t('compliance.verdict.notCallable')}
    </span>
  );
}
