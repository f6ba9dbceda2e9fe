import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../domain/audit/audit-row';
import type { AuditSummary } from '../../../domain/audit/audit-summary';
import type { CatalogNames } from '../api/use-audit';
import { AuditSummaryText } from './audit-summary-text';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME_SECONDS } from '../../../domain/time/date-styles';

/** The trail as a table; content is rendered as text, never as HTML, and a malformed row is shown and flagged. */
export function AuditTable({
  rows,
  names,
}: {
  rows: (AuditRow & { summary: AuditSummary | null })[];
  names: CatalogNames;
}) {
  const { t, i18n } = useTranslation();
  const fmt = localeDateFormat(i18n.language, DATE_TIME_SECONDS);
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t('audit.empty')}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">{t('audit.at')}</th>
            <th className="px-3 py-2">{t('audit.actor')}</th>
            <th className="px-3 py-2">{t('audit.action')}</th>
            <th className="px-3 py-2">{t('audit.entity')}</th>
            <th className="px-3 py-2 text-right">{t('audit.count')}</th>
            <th className="px-3 py-2">{t('audit.hash')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((e, i) => (
            <tr key={`${i}:${e.seq}`} data-testid="audit-row" className={e.malformed ? 'bg-rose-50' : undefined}>
              <td className="px-3 py-2 tabular-nums text-slate-500">{e.seq}</td>
              <td className="px-3 py-2 whitespace-nowrap">{e.at === null ? '—' : fmt.format(e.at)}</td>
              <td className="px-3 py-2">{e.actor}</td>
              <td className="px-3 py-2">
                {e.summary && (
                  <span className="mr-2 font-medium text-slate-900">
                    <AuditSummaryText summary={e.summary} names={names} />
                  </span>
                )}
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{e.action}</span>
                {e.note && <span className="ml-2 text-slate-500">{e.note}</span>}
                {e.redactedAt !== null && (
                  <span
                    className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800 ring-1 ring-amber-200"
                    data-testid="audit-redacted"
                  >
                    {t('audit.redacted', { date: fmt.format(e.redactedAt) })}
                  </span>
                )}
                {e.malformed && (
                  <span
                    className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs text-rose-800 ring-1 ring-rose-200"
                    data-testid="audit-malformed"
                  >
                    {t('audit.malformed')}
                  </span>
                )}
                {!e.malformed && (
                  <Link
                    to="/audit"
                    search={(s) => ({ ...s, entry: Number(e.seq), rpage: undefined })}
                    className="ml-2 text-xs font-medium text-indigo-700 hover:underline"
                    aria-label={`${t('audit.details')}: ${t('audit.openEntry', { seq: e.seq })}`}
                  >
                    {t('audit.details')}
                  </Link>
                )}
              </td>
              <td className="px-3 py-2">{e.entity}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {e.summary?.key === 'dnc-scrub' ? e.summary.count : (e.records ?? '—')}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-500">{e.hash.slice(0, 12)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
