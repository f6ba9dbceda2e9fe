import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import type { Rejection } from '../../../domain/import-export/rejection';
import { EmptyState } from '../../../components/ui/empty-state';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';

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
        <EmptyState inline>{t('import.rejections.none')}</EmptyState>
      ) : (
        <>
          {total > rejections.length && (
            <p className="mb-2 text-xs text-slate-500">
              {t('import.rejections.shown', { shown: rejections.length, total })}
            </p>
          )}
          <div className="max-h-96 overflow-auto rounded-lg border border-slate-200">
            <Table caption={t('import.rejections.title')} captionHidden>
              <TableHead sticky>
                <tr>
                  <Th>{t('import.rejections.line')}</Th>
                  <Th>{t('import.rejections.column')}</Th>
                  <Th>{t('import.rejections.reason')}</Th>
                  <Th>{t('import.rejections.value')}</Th>
                </tr>
              </TableHead>
              <TableBody>
                {rows.map((r, i) => (
                  <tr
                    key={i}
                    data-testid={i < rejections.length ? 'rejection-row' : 'warning-row'}
                    className={i < rejections.length ? '' : 'bg-amber-50/50'}
                  >
                    <Td className="tabular-nums text-slate-600">{r.line}</Td>
                    <Td className="font-medium text-slate-800">{r.column || '—'}</Td>
                    <Td className={i < rejections.length ? 'text-rose-700' : 'text-amber-800'}>
                      {t(`import.reason.${r.reason}`, { defaultValue: r.reason })}
                    </Td>
                    <Td className="max-w-80 truncate font-mono text-xs text-slate-600" title={r.value}>
                      {r.value}
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </Card>
  );
}
