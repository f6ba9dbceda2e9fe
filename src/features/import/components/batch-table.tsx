import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { ImportBatch } from '../../../domain/import-export/import-batch';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';

/** The columns of a batch, each headed by import.history.<name>: what it is, then its counts. */
const BATCH_FIELDS = ['id', 'at', 'kind', 'file', 'by'] as const;
const BATCH_COUNTS = ['read', 'accepted', 'rejected', 'merged', 'created'] as const;

/** Every batch with its counts; committed lead and call batches can be rolled back. */
export function BatchTable({
  batches,
  busy,
  onRollback,
}: {
  batches: ImportBatch[];
  busy: boolean;
  onRollback: (b: ImportBatch) => void;
}) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const fmt = localeDateFormat(i18n.language, DATE_TIME);
  if (batches.length === 0) return <EmptyState framed>{t('import.history.empty')}</EmptyState>;
  const num = (n: number | undefined) => (n === undefined ? '—' : nf.format(n));
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <Table caption={t('import.history.title')} captionHidden>
        <TableHead>
          <tr>
            {BATCH_FIELDS.map((k) => (
              <Th key={k}>{t(`import.history.${k}`)}</Th>
            ))}
            {BATCH_COUNTS.map((k) => (
              <Th key={k} numeric>
                {t(`import.history.${k}`)}
              </Th>
            ))}
            <Th>{t('import.history.status')}</Th>
            <Th className="text-right">{t('import.history.actions')}</Th>
          </tr>
        </TableHead>
        <TableBody>
          {batches.map((b) => {
            const live = b.status === 'committed';
            return (
              <tr key={b.id} data-testid="batch-row" className={live ? '' : 'text-slate-500'}>
                <Td className="font-medium tabular-nums">#{b.id}</Td>
                <Td className="whitespace-nowrap">{fmt.format(b.at)}</Td>
                <Td>{t(`import.history.kinds.${b.kind}`)}</Td>
                <Td className="max-w-56">
                  <span className="block truncate font-medium" title={b.fileName}>
                    {b.fileName}
                  </span>
                  <span className="block font-mono text-[11px] text-slate-500" title={b.sha256}>
                    {b.sha256.slice(0, 12)} · {b.encoding}
                  </span>
                </Td>
                <Td>{b.by}</Td>
                <Td numeric>{num(b.rowsRead)}</Td>
                <Td numeric>{num(b.accepted)}</Td>
                <Td numeric>{num(b.rejected)}</Td>
                <Td numeric>{num(b.merged)}</Td>
                <Td numeric>{num(b.created)}</Td>
                <Td>
                  <Badge tone={live ? 'good' : 'neutral'}>{t(`import.history.statuses.${b.status}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-right">
                  {live && (b.kind === 'leads' || b.kind === 'api') && (
                    <Link
                      to="/leads"
                      search={{ batch: b.id }}
                      className="mr-2 text-sm font-medium text-indigo-700 hover:underline"
                    >
                      {t('import.history.viewLeads')}
                    </Link>
                  )}
                  {live && b.kind !== 'dnc' && (
                    <Button
                      variant="danger"
                      disabled={busy}
                      onClick={() => onRollback(b)}
                      aria-label={`${t('import.history.rollback')} #${b.id}`}
                    >
                      {t('import.history.rollback')}
                    </Button>
                  )}
                </Td>
              </tr>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
