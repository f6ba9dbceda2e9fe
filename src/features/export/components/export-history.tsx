import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import type { ExportRecord } from '../../../db/repos/export-repo';
import type { RedactedDetails } from '../../../domain/audit/audit-entry';
import { isRedacted } from '../../../domain/audit/audit-hash';
import { useExportHistory } from '../api/use-export';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';

/** The audit chain head the export was made at (kept in its entry's `before`). */
function chainHeadOf(e: { before: unknown }): string | undefined {
  return (e.before as { chainHead?: { hash?: string } } | null)?.chainHead?.hash;
}

/** Every export with who, when, rows, the file's hash and the chain head it anchors. */
export function ExportHistory() {
  const { t, i18n } = useTranslation();
  const entries = useExportHistory();
  const date = localeDateFormat(i18n.language, DATE_TIME);
  return (
    <Card title={t('export.history')}>
      {entries?.length === 0 && <p className="text-sm text-slate-500">{t('export.noHistory')}</p>}
      <ul className="space-y-3 text-sm" data-testid="export-history">
        {entries?.map((e) => {
          if (isRedacted(e)) {
            // An erasure removed this export's details (its filter named the person); the entry stays.
            return (
              <li key={e.seq} className="rounded-lg bg-slate-50 p-2 text-xs text-slate-500">
                #{e.seq} · {date.format(e.at)} · {e.actor} ·{' '}
                {t('audit.redacted', { date: date.format((e.after as RedactedDetails).at) })}
              </li>
            );
          }
          const r = e.after as ExportRecord;
          return (
            <li key={e.seq} className="rounded-lg bg-slate-50 p-2">
              <div className="truncate font-medium" title={r.fileName}>
                {r.fileName}
              </div>
              <div className="text-xs text-slate-500">
                {date.format(e.at)} · {e.actor} · {t('export.rows', { count: r.rows })}
                {e.note && <span className="text-rose-700"> · {e.note}</span>}
              </div>
              <code className="text-[11px] text-slate-500">
                #{e.seq} {t('export.hashShort', { hash: r.sha256.slice(0, 20) })}
              </code>
              {chainHeadOf(e) && (
                <code className="block text-[11px] text-slate-500" title={t('anchor.exportHead')}>
                  {t('anchor.head')} {chainHeadOf(e)!.slice(0, 20)}…
                </code>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
