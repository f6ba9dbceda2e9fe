import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { inputClass } from '../../../components/ui/field';
import type { BulkOp, BulkOpKind } from '../../../domain/leads/bulk-edit';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { resolveSelection, useApplyBulkEdit, usePreviewBulkEdit } from '../api/use-bulk-edit';
import { useCatalog } from '../api/use-catalog';
import type { SelectionApi } from './use-selection';
import { isQuotaError } from '../../../db/storage-errors';
import { StorageFullAlert } from '../../storage/components/storage-full-alert';
import { useReturnFocus } from '../../../components/ui/use-return-focus';

const KINDS: BulkOpKind[] = ['add-tags', 'remove-tags', 'set-source', 'set-campaign', 'mark-verified', 'renew-consent', 'add-to-internal-dnc', 'delete'];

/** Choose an operation, see how many records it changes, then apply it (all or nothing). */
export function BulkEditDialog({ selection, filter, sort, onClose }: { selection: SelectionApi; filter: LeadFilter; sort: string | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const returnFocus = useReturnFocus();
  const catalog = useCatalog();
  const [kind, setKind] = useState<BulkOpKind>('add-tags');
  const [text, setText] = useState('');
  const [months, setMonths] = useState(12);
  const preview = usePreviewBulkEdit();
  const apply = useApplyBulkEdit();
  const [ids, setIds] = useState<number[] | null>(null);
  const nf = new Intl.NumberFormat(i18n.language);

  const op = (): BulkOp | null => {
    const tags = text.split(',').map((s) => s.trim()).filter(Boolean);
    switch (kind) {
      case 'add-tags':
      case 'remove-tags':
        return tags.length ? { kind, tags } : null;
      case 'set-source':
        return text ? { kind, sourceId: text } : null;
      case 'set-campaign':
        return { kind, campaignId: text || null };
      case 'renew-consent':
        return text.trim() ? { kind, proofRef: text.trim(), validityMonths: months } : null;
      default:
        return { kind };
    }
  };
  const current = op();
  const runPreview = async () => {
    if (!current) return;
    const resolved = ids ?? (await resolveSelection(selection.selection, filter, sort));
    setIds(resolved);
    preview.mutate({ ids: resolved, op: current });
  };
  const runApply = () => {
    if (!current || !ids) return;
    // The journal keeps the filter of an "all matching" selection, so an interrupted edit can be reopened.
    apply.mutate({ ids, op: current, ...(selection.selection.kind === 'ids' ? {} : { filter }) }, { onSuccess: () => { selection.clear(); onClose(); } });
  };
  const needsText = kind === 'add-tags' || kind === 'remove-tags' || kind === 'renew-consent';

  return (
    <Dialog.Root open onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <Dialog.Content onCloseAutoFocus={returnFocus} className="fixed left-1/2 top-24 z-50 w-[32rem] -translate-x-1/2 rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t('bulk.title', { count: selection.count, formatted: nf.format(selection.count) })}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-500">{t('bulk.description')}</Dialog.Description>
          <div className="mt-4 space-y-4">
            <label className="block text-sm font-medium text-slate-700">
              {t('bulk.operation')}
              <select className={`${inputClass} mt-1`} value={kind} onChange={(e) => { setKind(e.target.value as BulkOpKind); setText(''); preview.reset(); }}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>{t(`bulk.op.${k}`)}</option>
                ))}
              </select>
            </label>
            {needsText && (
              <label className="block text-sm font-medium text-slate-700">
                {kind === 'renew-consent' ? t('bulk.proofRef') : t('bulk.tags')}
                <input className={`${inputClass} mt-1`} value={text} onChange={(e) => { setText(e.target.value); preview.reset(); }} />
              </label>
            )}
            {kind === 'renew-consent' && (
              <label className="block text-sm font-medium text-slate-700">
                {t('bulk.validityMonths')}
                <input type="number" min={1} max={120} className={`${inputClass} mt-1`} value={months} onChange={(e) => setMonths(Number(e.target.value))} />
              </label>
            )}
            {(kind === 'set-source' || kind === 'set-campaign') && (
              <label className="block text-sm font-medium text-slate-700">
                {t(kind === 'set-source' ? 'leads.col.source' : 'leads.col.campaign')}
                <select className={`${inputClass} mt-1`} value={text} onChange={(e) => { setText(e.target.value); preview.reset(); }}>
                  <option value="">{kind === 'set-campaign' ? t('bulk.noCampaign') : '—'}</option>
                  {(kind === 'set-source' ? catalog?.sources : catalog?.campaigns)?.map((s) => (
                    <option key={s.id} value={s.id}>{s.name}</option>
                  ))}
                </select>
              </label>
            )}
            {preview.data && (
              <p role="status" data-testid="bulk-preview" className="rounded-lg bg-indigo-50 p-3 text-sm text-indigo-900">
                {t('bulk.preview', { changed: nf.format(preview.data.changed), unchanged: nf.format(preview.data.unchanged), op: t(`bulk.op.${kind}`) })}
              </p>
            )}
            {apply.isError && (isQuotaError(apply.error) ? <StorageFullAlert /> : <p role="alert" className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800">{t('bulk.failed', { message: apply.error.message })}</p>)}
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button>{t('bulk.cancel')}</Button>
            </Dialog.Close>
            {!preview.data ? (
              <Button variant="primary" disabled={!current || preview.isPending} onClick={() => void runPreview()}>
                {t('bulk.previewButton')}
              </Button>
            ) : (
              <Button variant={kind === 'delete' ? 'danger' : 'primary'} disabled={apply.isPending || preview.data.changed === 0} onClick={runApply}>
                {t('bulk.apply', { count: preview.data.changed, formatted: nf.format(preview.data.changed) })}
              </Button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
