import { AlertDialog } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { RestoreCandidate } from '../api/use-backup';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';
import { useReturnFocus } from '../../../components/ui/use-return-focus';

/**
 * Step two of a restore: what the chosen backup replaces (per table, the count now and after)
 * and what is kept from now (suppressions, the audit trail). Nothing is written until Restore.
 */
export function RestoreConfirmDialog({
  candidate,
  onConfirm,
  onCancel,
}: {
  candidate: RestoreCandidate;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const returnFocus = useReturnFocus();
  const nf = new Intl.NumberFormat(i18n.language);
  const date = localeDateFormat(i18n.language, DATE_TIME);
  const { preview, createdAt, fileName } = candidate;
  const { kept } = preview;
  const trail = preview.counts.find((c) => c.table === 'audit');
  return (
    <AlertDialog.Root open onOpenChange={(o) => !o && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-[60] bg-slate-900/40" />
        <AlertDialog.Content
          onCloseAutoFocus={returnFocus}
          className="fixed left-1/2 top-10 z-[70] max-h-[90vh] w-[36rem] max-w-[95vw] -translate-x-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl"
        >
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">{t('restore.title')}</AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-slate-600">
            {t('restore.description', { file: fileName, date: date.format(createdAt) })}
          </AlertDialog.Description>
          <table className="mt-4 w-full text-sm" data-testid="restore-counts">
            <caption className="mb-1 text-left text-sm font-medium text-slate-800">{t('restore.replaced')}</caption>
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="py-1 font-medium">
                  {t('restore.table')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('restore.now')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('restore.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.counts.map((c) => (
                <tr key={c.table} className="border-t border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal text-slate-700">
                    {t(`restore.tables.${c.table}`, { defaultValue: c.table })}
                  </th>
                  <td className="py-1 text-right tabular-nums text-slate-700">{nf.format(c.now)}</td>
                  <td
                    className={`py-1 text-right tabular-nums ${c.after === c.now ? 'text-slate-700' : 'font-medium text-slate-900'}`}
                  >
                    → {nf.format(c.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="mt-4 text-sm font-medium text-slate-800">{t('restore.kept')}</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-testid="restore-kept">
            <li>{t('restore.keptEntries', { count: kept.entries, n: nf.format(kept.entries) })}</li>
            {kept.hashed > 0 && <li>{t('restore.keptHashed', { count: kept.hashed, n: nf.format(kept.hashed) })}</li>}
            {kept.requests > 0 && (
              <li>{t('restore.keptRequests', { count: kept.requests, n: nf.format(kept.requests) })}</li>
            )}
            {kept.versions + kept.lists > 0 && (
              <li>{t('restore.keptVersions', { versions: nf.format(kept.versions), lists: nf.format(kept.lists) })}</li>
            )}
            {preview.reapplied > 0 && (
              <li>{t('restore.reapplied', { count: preview.reapplied, n: nf.format(preview.reapplied) })}</li>
            )}
            <li>
              {t(`restore.trail.${preview.relation}`, {
                n: nf.format(kept.trailEntries),
                after: nf.format(trail?.after ?? 0),
              })}
            </li>
          </ul>
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button>{t('restore.cancel')}</Button>
            </AlertDialog.Cancel>
            <Button variant="danger" onClick={onConfirm}>
              {t('restore.confirm')}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
