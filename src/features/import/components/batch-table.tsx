import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { ImportBatch } from '../../../domain/import-export/import-batch';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';

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
  if (batches.length === 0)
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-500">
        {t('import.history.empty')}
      </p>
    );
  const num = (n: number | undefined) => (n === undefined ? '—' : nf.format(n));
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" aria-label={t('import.history.title')}>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            {BATCH_FIELDS.map((k) => (
              <th key={k} scope="col" className="px-3 py-2">
                {t(`import.history.${k}`)}
              </th>
            ))}
            {BATCH_COUNTS.map((k) => (
              <th key={k} scope="col" className="px-3 py-2 text-right">
                {t(`import.history.${k}`)}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              {t('import.history.status')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('import.history.actions')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {batches.map((b) => {
            const live = b.status === 'committed';
            return (
              <tr key={b.id} data-testid="batch-row" className={live ? '' : 'text-slate-500'}>
                <td className="px-3 py-2 tabular-nums font-medium">#{b.id}</td>
                <td className="whitespace-nowrap px-3 py-2">{fmt.format(b.at)}</td>
                <td className="px-3 py-2">{t(`import.history.kinds.${b.kind}`)}</td>
                <td className="max-w-56 px-3 py-2">
                  <span className="block truncate font-medium" title={b.fileName}>
                    {b.fileName}
                  </span>
                  <span className="block font-mono text-[11px] text-slate-500" title={b.sha256}>
                    {b.sha256.slice(0, 12)} · {b.encoding}
                  </span>
                </td>
                <td className="px-3 py-2">{b.by}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(b.rowsRead)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(b.accepted)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(b.rejected)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(b.merged)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{num(b.created)}</td>
                <td className="px-3 py-2">
                  <span
                    className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${live ? 'bg-emerald-50 text-emerald-700' : 'bg-slate-100 text-slate-500'}`}
                  >
                    {t(`import.history.statuses.${b.status}`)}
                  </span>
                </td>
                <td className="whitespace-nowrap px-3 py-2 text-right">
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
