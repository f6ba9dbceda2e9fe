import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import type { Rejection } from '../../../domain/import-export/rejection';

/** Rejected rows (and rows accepted with a warning): line, column, reason, value — as text, never markup. */
export function RejectionsCard({
  rejections,
  total,
  warnings,
  onDownload,
}: {
  rejections: Rejection[];
  total: number;
  warnings: Rejection[];
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const rows = [...rejections, ...warnings];
  return (
    <Card
      title={t('import.rejections.title')}
      actions={
        rejections.length > 0 && (
          <Button onClick={onDownload}>
            <span aria-hidden="true">⇩</span>
            {t('import.rejections.download')}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t('import.rejections.none')}</p>
      ) : (
        <>
          {total > rejections.length && (
            <p className="mb-2 text-xs text-slate-500">
              {t('import.rejections.shown', { shown: rejections.length, total })}
            </p>
          )}
          <div className="max-h-96 overflow-auto rounded-lg border border-slate-200">
            <table className="min-w-full text-sm" aria-label={t('import.rejections.title')}>
              <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('import.rejections.line')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('import.rejections.column')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('import.rejections.reason')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('import.rejections.value')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r, i) => (
                  <tr
                    key={i}
                    data-testid={i < rejections.length ? 'rejection-row' : 'warning-row'}
                    className={i < rejections.length ? '' : 'bg-amber-50/50'}
                  >
                    <td className="px-3 py-1.5 tabular-nums text-slate-600">{r.line}</td>
                    <td className="px-3 py-1.5 font-medium text-slate-800">{r.column || '—'}</td>
                    <td className={`px-3 py-1.5 ${i < rejections.length ? 'text-rose-700' : 'text-amber-800'}`}>
                      {t(`import.reason.${r.reason}`, { defaultValue: r.reason })}
                    </td>
                    <td className="max-w-80 truncate px-3 py-1.5 font-mono text-xs text-slate-600" title={r.value}>
                      {r.value}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
