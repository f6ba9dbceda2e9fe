import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { BulkOpKind } from '../../../domain/leads/bulk-edit';
import { bulkOpProblem } from '../../../domain/leads/bulk-op-problem';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import {
  prepareSelection,
  resolveSelection,
  useApplyBulkEdit,
  usePreviewBulkEdit,
  warmPreview,
} from '../api/use-bulk-edit';
import type { BulkResult } from '../../../db/repos/bulk-edit-repo';
import type { SelectionApi } from '../model/use-selection';
import { isQuotaError } from '../../../db/storage-errors';
import { StorageFullAlert } from '../../../shared/storage/storage-full-alert';
import { EMPTY_DRAFT, opFromDraft, type BulkDraft } from '../model/bulk-draft';
import { BulkOpFields } from './bulk-op-fields';
import { Dialog, DialogClose, DialogDescription, DialogFooter, DialogTitle } from '../../../components/ui/dialog';
import { Select } from '../../../components/ui/select';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

const KINDS: BulkOpKind[] = [
  'edit-fields',
  'add-tags',
  'remove-tags',
  'set-source',
  'set-campaign',
  'mark-verified',
  'renew-consent',
  'request-consent-renewal',
  'add-to-internal-dnc',
  'delete',
];
const FIELD_ORDER = ['sourceId', 'campaignId', 'tags', 'verifiedAt'] as const;

/**
 * Choose an operation (or several fields at once), see how many records it changes, then apply it
 * (all or nothing). The selection survives Apply; the selection bar offers "Select the changed leads".
 */
export function BulkEditDialog({
  selection,
  filter,
  sort,
  onClose,
  onApplied,
}: {
  selection: SelectionApi;
  filter: LeadFilter;
  sort: string | undefined;
  onClose: () => void;
  onApplied?: (result: BulkResult, kind: BulkOpKind) => void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<BulkOpKind>('edit-fields');
  const [draft, setDraft] = useState<BulkDraft>(EMPTY_DRAFT);
  const preview = usePreviewBulkEdit();
  const apply = useApplyBulkEdit();
  const [ids, setIds] = useState<number[] | null>(null);
  const nf = cachedNumberFormat(i18n.language);

  // The selection is resolved and read as the dialog opens (it is modal: the selection stays as
  // opened), so by the time the steward has chosen and previewed, the Apply need not read it.
  useEffect(() => {
    let open = true;
    resolveSelection(selection.selection, filter, sort).then(
      (resolved) => {
        if (!open) return;
        setIds((known) => known ?? resolved);
        warmPreview(resolved);
        prepareSelection(resolved);
      },
      () => undefined,
    );
    return () => {
      open = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per opening
  }, []);

  const current = opFromDraft(kind, draft);
  // Asked before anything is sent: the worker would refuse the operation whole, so say why here.
  const problem = current ? bulkOpProblem(current) : null;
  const set = (patch: Partial<BulkDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    preview.reset();
  };
  const runPreview = async () => {
    if (!current || problem) return;
    const resolved = ids ?? (await resolveSelection(selection.selection, filter, sort));
    setIds(resolved);
    preview.mutate({ ids: resolved, op: current });
  };
  const runApply = () => {
    if (!current || !ids) return;
    const wasAll = selection.selection.kind === 'all';
    // The journal keeps the filter of an "all matching" selection, so an interrupted edit can be reopened.
    apply.mutate(
      { ids, op: current, ...(wasAll ? { filter } : {}) },
      {
        // "All N matching" is cleared when the data changes (its N may no longer hold): keep the same leads as ids.
        onSuccess: (result) => {
          if (wasAll) selection.replace(ids);
          onApplied?.(result, kind);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog onClose={onClose}>
      <DialogTitle>{t('bulk.title', { count: selection.count, formatted: nf.format(selection.count) })}</DialogTitle>
      <DialogDescription>{t('bulk.description')}</DialogDescription>
      <div className="mt-4 space-y-4">
        <label className="block text-sm font-medium text-slate-700">
          {t('bulk.operation')}
          <Select
            className="mt-1"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as BulkOpKind);
              setDraft(EMPTY_DRAFT);
              preview.reset();
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`bulk.option.${k}`, { defaultValue: t(`bulk.op.${k}`) })}
              </option>
            ))}
          </Select>
        </label>
        <BulkOpFields kind={kind} draft={draft} set={set} />
        {preview.data && (
          <div role="status" data-testid="bulk-preview" className="rounded-lg bg-indigo-50 p-3 text-sm text-indigo-900">
            <p>
              {t('bulk.preview', {
                changed: nf.format(preview.data.changed),
                unchanged: nf.format(preview.data.unchanged),
                op: t(`bulk.op.${kind}`),
              })}
            </p>
            {preview.data.fields && (
              <ul className="mt-1 list-inside list-disc" data-testid="bulk-preview-fields">
                {FIELD_ORDER.filter((f) => preview.data.fields?.[f]).map((f) => (
                  <li key={f}>
                    {t('bulk.fieldCount', {
                      field: t(`bulk.field.${f}`),
                      count: preview.data.fields![f],
                      formatted: nf.format(preview.data.fields![f]!),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {problem && (
          <p role="alert" data-testid="bulk-problem" className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800">
            {t(`bulk.problem.${problem}`)}
          </p>
        )}
        {preview.isError && (
          <p role="alert" className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800">
            {t('bulk.failed', { message: preview.error.message })}
          </p>
        )}
        {apply.isError &&
          (isQuotaError(apply.error) ? (
            <StorageFullAlert />
          ) : (
            <p role="alert" className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800">
              {t('bulk.failed', { message: apply.error.message })}
            </p>
          ))}
      </div>
      <DialogFooter>
        <DialogClose>
          <Button>{t('bulk.cancel')}</Button>
        </DialogClose>
        {!preview.data ? (
          <Button
            variant="primary"
            disabled={!current || problem !== null || preview.isPending}
            onClick={() => void runPreview()}
          >
            {t('bulk.previewButton')}
          </Button>
        ) : (
          <Button
            variant={kind === 'delete' ? 'danger' : 'primary'}
            disabled={apply.isPending || preview.data.changed === 0}
            onClick={runApply}
          >
            {t('bulk.apply', { count: preview.data.changed, formatted: nf.format(preview.data.changed) })}
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  );
}
