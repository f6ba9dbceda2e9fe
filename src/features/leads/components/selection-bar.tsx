import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { useLastUndoable, useUndo } from '../api/use-bulk-edit';
import { useDataVersion } from '../../../shared/engine/data-signal';
import { useLeadQuery } from '../../../shared/engine/use-lead-query';
import { BulkEditDialog } from './bulk-edit-dialog';
import type { BulkResult } from '../../../db/repos/bulk-edit-repo';
import type { BulkOpKind } from '../../../domain/leads/bulk-edit';
import { useSelection, type SelectionStore } from '../model/use-selection';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/** The selection count (always visible), bulk actions and the undo of recent operations. */
export const SelectionBar = memo(function SelectionBar({
  store,
  filter,
  sort,
}: {
  store: SelectionStore;
  filter: LeadFilter;
  sort: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const selection = useSelection(store);
  const [editing, setEditing] = useState(false);
  // The last Apply: the selection survives it, and its changed leads are one click away.
  const [applied, setApplied] = useState<{ result: BulkResult; kind: BulkOpKind } | null>(null);
  const version = useDataVersion();
  // The grid's own question (the same query, shared): the undo is asked for once it is answered.
  const answered = useLeadQuery(filter, sort, version).data !== undefined;
  const lastOp = useLastUndoable(version, answered);
  const undo = useUndo();
  const nf = cachedNumberFormat(i18n.language);
  return (
    <div className="mb-2 flex min-h-9 flex-wrap items-center gap-3 text-sm">
      <span
        data-testid="selection-count"
        className={selection.count ? 'font-medium text-indigo-800' : 'text-slate-500'}
      >
        {t('leads.selected', { count: selection.count, formatted: nf.format(selection.count) })}
      </span>
      {selection.count > 0 && (
        <>
          <Button
            variant="primary"
            onClick={() => {
              setApplied(null);
              setEditing(true);
            }}
          >
            {t('leads.bulkEdit')}
          </Button>
          <Button variant="ghost" onClick={selection.clear}>
            {t('leads.clearSelection')}
          </Button>
        </>
      )}
      {applied && (
        <span role="status" data-testid="bulk-done" className="flex items-center gap-2 text-emerald-800">
          {t('bulk.done', {
            op: t(`bulk.op.${applied.kind}`),
            count: applied.result.changed,
            formatted: nf.format(applied.result.changed),
          })}
          {applied.result.changed > 0 && (
            <Button
              onClick={() => {
                selection.replace(applied.result.changedIds);
                setApplied(null);
              }}
            >
              {t('bulk.selectChanged', { count: applied.result.changed, formatted: nf.format(applied.result.changed) })}
            </Button>
          )}
        </span>
      )}
      {lastOp && (
        <span className="ml-auto flex items-center gap-2 text-slate-500">
          {t('leads.lastOperation', {
            op: t(`bulk.op.${lastOp.kind}`),
            count: lastOp.count,
          })}
          <Button
            onClick={() => {
              setApplied(null);
              undo.mutate(lastOp.seq);
            }}
            disabled={undo.isPending}
          >
            ↶ {t('leads.undo')}
          </Button>
        </span>
      )}
      {undo.isError && (
        <span role="alert" className="text-rose-700">
          {String(undo.error.message)}
        </span>
      )}
      {undo.isSuccess && !undo.isPending && (
        <span role="status" className="text-emerald-700">
          {t('leads.undone', { count: undo.data.restored })}
        </span>
      )}
      {editing && (
        <BulkEditDialog
          selection={selection}
          filter={filter}
          sort={sort}
          onClose={() => setEditing(false)}
          onApplied={(result, kind) => setApplied({ result, kind })}
        />
      )}
    </div>
  );
});
