import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { RestoreCandidate } from '../api/use-backup';
import { localeDateFormat } from '../../../i18n/use-date-format';
import { DATE_TIME } from '../../../domain/time/date-styles';
import { Dialog, DialogClose, DialogDescription, DialogFooter, DialogTitle } from '../../../components/ui/dialog';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

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
  const nf = cachedNumberFormat(i18n.language);
  const date = localeDateFormat(i18n.language, DATE_TIME);
  const { preview, createdAt, fileName } = candidate;
  const { kept } = preview;
  const trail = preview.counts.find((c) => c.table === 'audit');
  return (
    <Dialog alert size="lg" onClose={onCancel}>
      <DialogTitle>{t('restore.title')}</DialogTitle>
      <DialogDescription>
        {t('restore.description', { file: fileName, date: date.format(createdAt) })}
      </DialogDescription>
      <Table className="mt-4" caption={t('restore.replaced')} data-testid="restore-counts">
        <TableHead>
          <tr>
            <Th>{t('restore.table')}</Th>
            <Th numeric>{t('restore.now')}</Th>
            <Th numeric>{t('restore.after')}</Th>
          </tr>
        </TableHead>
        <TableBody>
          {preview.counts.map((c) => (
            <tr key={c.table}>
              <Th scope="row">{t(`restore.tables.${c.table}`, { defaultValue: c.table })}</Th>
              <Td numeric className="text-slate-700">
                {nf.format(c.now)}
              </Td>
              <Td numeric className={c.after === c.now ? 'text-slate-700' : 'font-medium text-slate-900'}>
                → {nf.format(c.after)}
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
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
      <DialogFooter>
        <DialogClose>
          <Button>{t('restore.cancel')}</Button>
        </DialogClose>
        <Button variant="danger" onClick={onConfirm}>
          {t('restore.confirm')}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
