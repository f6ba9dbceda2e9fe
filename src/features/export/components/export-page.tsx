import { Link, getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { DEFAULT_EXPORT_COLUMNS } from '../../../domain/import-export/export-columns';
import { withoutCallableFilter } from '../../../domain/import-export/exclusion-overlap';
import { exportHeader } from '../../../domain/import-export/export-header';
import { exportFileName } from '../../../domain/import-export/export-file-name';
import { EXPORT_STALE_COPIES, isOverrideReason } from '../../../domain/import-export/call-list';
import { isEmptyFilter } from '../../../domain/leads/lead-filter';
import { hasUnreadableFilter } from '../../../domain/leads/unreadable-params';
import { useIndexVersion, useLeadQuery } from '../../../shared/engine/use-lead-query';
import { UnreadableParamsAlert } from '../../../shared/unreadable-params-alert';
import { useSettings } from '../../../shared/settings/use-settings';
import { useCallListPreview, useRunExport } from '../api/use-export';
import { exportFilterOf, type ExportSearch } from '../export-search';
import { BackupCard } from './backup-card';
import { CallListPanel } from './call-list-panel';
import { ExportHistory } from './export-history';
import { ExportOptions } from './export-options';
import { FilterRemovedNote } from './filter-removed-note';
import { PolicyCoverageAlert } from '../../../shared/policy-coverage/policy-coverage-alert';
import { Progress } from '../../../components/ui/progress';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

const route = getRouteApi('/export');
const EXPORT_KINDS = ['leads', 'call-list'] as const;

/** Export the grid's current view or a call list; every file is audited. */
export function ExportPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const settings = useSettings();
  const filter = exportFilterOf(search);
  const version = useIndexVersion();
  const count = useLeadQuery(filter, search.sort, version).data;
  const kind = search.kind ?? 'leads';
  const [now] = useState(() => Date.now());
  const at = search.at ?? now;
  const preview = useCallListPreview(filter, search.sort, at, kind === 'call-list', version);
  // A grid already filtered to "callable now": the same list without that filter says what it removed.
  const relaxed = withoutCallableFilter(filter);
  const removed = useCallListPreview(
    relaxed ?? filter,
    search.sort,
    at,
    kind === 'call-list' && relaxed !== null,
    version,
  );
  const run = useRunExport();
  const [override, setOverride] = useState('');
  const nf = cachedNumberFormat(i18n.language);
  const set = (patch: Partial<ExportSearch>) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const stale = kind === 'call-list' ? (preview.data?.stale ?? []) : [];
  // The worker refused a list over a copy the screen had not yet seen as stale (its preview still
  // loading, or older than the copy's last day): the reason is asked for from then on.
  const [refusedStale, setRefusedStale] = useState(false);
  const needsReason = kind === 'call-list' && (stale.length > 0 || refusedStale);
  const blocked = needsReason && !isOverrideReason(override);
  const tz = search.tz ?? settings?.orgTimeZone ?? 'UTC';
  const format = search.format ?? 'csv';
  // A filter of the link that could not be read: export nothing rather than more leads than meant.
  const filterHidden = hasUnreadableFilter(search.unreadable);

  const start = () => {
    const columns =
      search.cols ??
      (kind === 'call-list'
        ? [...DEFAULT_EXPORT_COLUMNS.filter((c) => c !== 'callable'), 'callWindow' as const]
        : DEFAULT_EXPORT_COLUMNS);
    run.mutate(
      {
        filter,
        sort: search.sort,
        ...(needsReason ? { override: override.trim() } : {}),
        request: {
          kind,
          format,
          columns,
          header: exportHeader(columns, (c) => t(`export.col.${c}`), tz, search.mh ?? false),
          time: { timeZone: tz, pattern: search.pattern ?? 'iso' },
          csv: { delimiter: search.delim === 'tab' ? '\t' : (search.delim ?? ','), bom: search.bom ?? true },
          at,
          fileName: exportFileName(kind, filter, at, tz, format),
        },
      },
      { onError: (e) => e.message === EXPORT_STALE_COPIES && setRefusedStale(true) },
    );
  };

  return (
    <>
      <PageHeader title={t('export.title')} subtitle={t('export.subtitle')} />
      {search.unreadable && (
        <UnreadableParamsAlert
          params={search.unreadable}
          consequence={filterHidden ? t('leads.unreadable.exportHidden') : undefined}
          onRemove={() => set({ unreadable: undefined })}
        />
      )}
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          <Card title={t('export.what')}>
            <p className="text-sm" data-testid="export-count">
              {count
                ? t('export.matching', { count: count.count, formatted: nf.format(count.count) })
                : t('leads.indexing')}{' '}
              {isEmptyFilter(filter) ? t('export.noFilter') : ''}{' '}
              <Link to="/leads" search={filter} className="text-indigo-700 underline underline-offset-2">
                {t('export.editInGrid')}
              </Link>
            </p>
            <fieldset className="mt-4 flex gap-4 text-sm">
              <legend className="sr-only">{t('export.kind')}</legend>
              {EXPORT_KINDS.map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="kind"
                    className="accent-indigo-600"
                    checked={kind === k}
                    onChange={() => set({ kind: k })}
                  />
                  {t(`export.kinds.${k}`)}
                </label>
              ))}
            </fieldset>
            {kind === 'call-list' && (
              <div className="mt-4">
                <PolicyCoverageAlert />
              </div>
            )}
            {kind === 'call-list' && relaxed && (
              <FilterRemovedNote without={removed.data?.exclusions} relaxed={relaxed} />
            )}
            {kind === 'call-list' && (
              <CallListPanel
                at={at}
                now={now}
                onAt={(v) => set({ at: v })}
                preview={preview.data}
                loading={preview.isFetching}
                filter={filter}
                override={override}
                onOverride={setOverride}
                refused={refusedStale}
                timeZone={tz}
              />
            )}
          </Card>
          <Card title={t('export.options')}>
            <ExportOptions search={search} kind={kind} timeZone={tz} onChange={set} />
            <label className="mt-4 flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 accent-indigo-600"
                checked={search.mh ?? false}
                onChange={(e) => set({ mh: e.target.checked || undefined })}
              />
              <span>
                <span className="font-medium text-slate-700">{t('export.machineHeader')}</span>
                <span className="block text-xs text-slate-500">{t('export.machineHeaderHelp')}</span>
              </span>
            </label>
          </Card>
          <div className="flex items-center gap-3">
            <Button variant="primary" onClick={start} disabled={run.isPending || !count || blocked || filterHidden}>
              {t('export.run', { format: format.toUpperCase() })}
            </Button>
            {run.progress && (
              <Progress
                className="w-48"
                label={t('export.progress')}
                value={run.progress.done}
                max={run.progress.total}
              />
            )}
            {run.isError && (
              <span role="alert" className="text-sm text-rose-700">
                {t(`export.failed.${run.error.message}`, { defaultValue: run.error.message })}
              </span>
            )}
            {run.data && !run.isPending && (
              <span
                role="status"
                className="text-sm text-emerald-700"
                data-testid="export-done"
                data-leads-from-engine={run.data.leadsFromEngine}
              >
                {t('export.done', {
                  rows: nf.format(run.data.rows),
                  file: run.data.fileName,
                  ms: Math.round(run.data.ms),
                  seq: run.data.auditSeq,
                })}
                <code className="ml-2 text-xs text-slate-500">
                  {t('export.hashShort', { hash: run.data.sha256.slice(0, 16) })}
                </code>
                <span className="ml-2 text-xs text-slate-500" data-testid="export-chain-head">
                  {t('anchor.exportHead')} <code className="font-mono">{run.data.chainHead}</code>
                </span>
              </span>
            )}
          </div>
        </div>
        <div className="space-y-6">
          <BackupCard />
          <ExportHistory />
        </div>
      </div>
    </>
  );
}
