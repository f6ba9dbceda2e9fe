import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../domain/audit/audit-row';
import type { AuditSummary } from '../../../domain/audit/audit-summary';
import type { CatalogNames } from '../../../domain/catalog/catalog-names';
import { AuditSummaryText } from './audit-summary-text';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME_SECONDS } from '../../../domain/time/date-styles';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';

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
  if (rows.length === 0) return <EmptyState inline>{t('audit.empty')}</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <Table caption={t('audit.title')} captionHidden>
        <TableHead>
          <tr>
            <Th>#</Th>
            <Th>{t('audit.at')}</Th>
            <Th>{t('audit.actor')}</Th>
            <Th>{t('audit.action')}</Th>
            <Th>{t('audit.entity')}</Th>
            <Th numeric>{t('audit.count')}</Th>
            <Th>{t('audit.hash')}</Th>
          </tr>
        </TableHead>
        <TableBody>
          {rows.map((e, i) => (
            <tr key={`${i}:${e.seq}`} data-testid="audit-row" className={e.malformed ? 'bg-rose-50' : undefined}>
              <Td className="tabular-nums text-slate-500">{e.seq}</Td>
              <Td className="whitespace-nowrap">{e.at === null ? '—' : fmt.format(e.at)}</Td>
              <Td>{e.actor}</Td>
              <Td>
                {e.summary && (
                  <span className="mr-2 font-medium text-slate-900">
                    <AuditSummaryText summary={e.summary} names={names} />
                  </span>
                )}
                <Badge mono>{e.action}</Badge>
                {e.note && <span className="ml-2 text-slate-500">{e.note}</span>}
                {e.redactedAt !== null && (
                  <Badge tone="warn" className="ml-2" data-testid="audit-redacted">
                    {t('audit.redacted', { date: fmt.format(e.redactedAt) })}
                  </Badge>
                )}
                {e.malformed && (
                  <Badge tone="bad" className="ml-2" data-testid="audit-malformed">
                    {t('audit.malformed')}
                  </Badge>
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
              </Td>
              <Td>{e.entity}</Td>
              <Td numeric>{e.summary?.key === 'dnc-scrub' ? e.summary.count : (e.records ?? '—')}</Td>
              <Td className="font-mono text-xs text-slate-500">{e.hash.slice(0, 12)}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
