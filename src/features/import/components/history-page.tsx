import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../../components/ui/button';
import { ConfirmBar } from '../../../components/ui/confirm-bar';
import { PageHeader } from '../../../components/ui/page-header';
import type { ImportBatch } from '../../../domain/import-export/import-batch';
import { useImportBatches, useRollbackBatch } from '../api/use-import-batches';
import { BatchTable } from './batch-table';
import { Select } from '../../../components/ui/select';

const route = getRouteApi('/import/history');
const KINDS = ['leads', 'calls', 'api', 'dnc'] as const;

export function ImportHistoryPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const all = useImportBatches();
  const batches = all && search.kind ? all.filter((b) => b.kind === search.kind) : all;
  const rollback = useRollbackBatch();
  const [confirming, setConfirming] = useState<ImportBatch | null>(null);
  const result = rollback.data;
  const run = () => {
    if (!confirming) return;
    rollback.mutate(confirming.id, { onSettled: () => setConfirming(null) });
  };
  return (
    <>
      <PageHeader
        title={t('import.history.title')}
        subtitle={t('import.history.subtitle')}
        actions={
          <Link to="/import" className={buttonClass()}>
            {t('import.history.back')}
          </Link>
        }
      />
      {confirming && (
        <ConfirmBar
          className="mb-4"
          label={t('import.history.rollback')}
          cancelLabel={t('import.cancel')}
          confirmLabel={t('import.history.rollback')}
          busy={rollback.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={run}
        >
          {t('import.history.confirm', { id: confirming.id, file: confirming.fileName })}
        </ConfirmBar>
      )}
      {result && !confirming && (
        <p
          role={result.ok ? 'status' : 'alert'}
          className={`mb-4 rounded-lg px-4 py-3 text-sm ${result.ok ? 'bg-emerald-50 text-emerald-800' : 'bg-rose-50 text-rose-800'}`}
        >
          {result.ok
            ? t('import.history.rolledBack', { id: result.value.id })
            : t(`import.history.refused.${result.error}`, {
                detail: result.detail?.join(', ') ?? '',
                message: result.message ?? '',
              })}
        </p>
      )}
      <label className="mb-3 flex items-center gap-2 text-sm text-slate-700">
        {t('import.history.kind')}
        <Select
          aria-label={t('import.history.kind')}
          className="w-48!"
          value={search.kind ?? ''}
          onChange={(e) =>
            void navigate({ search: { kind: (e.target.value || undefined) as (typeof KINDS)[number] | undefined } })
          }
        >
          <option value="">{t('import.history.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`import.history.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </label>
      {batches === undefined ? (
        <p role="status" className="text-sm text-slate-500">
          {t('app.loading')}
        </p>
      ) : (
        <BatchTable batches={batches} busy={rollback.isPending} onRollback={setConfirming} />
      )}
    </>
  );
}
