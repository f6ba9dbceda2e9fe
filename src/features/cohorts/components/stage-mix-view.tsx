import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { segmentFilter } from '../../../domain/cohorts/drill-down';
import type { StageMixCohort } from '../../../domain/cohorts/stage-mix';
import { useStageMix } from '../api/use-stage-mix';
import type { CohortsState } from '../cohorts-search';
import { makeFormatters } from '../model/format';
import { stageMixTable } from '../model/stage-mix-table';
import { ComputedNote } from './computed-note';
import { CsvButton } from './csv-button';
import { DataTable } from './data-table';
import { StageMixChart } from './stage-mix-chart';
import { useDrillDown } from '../model/use-drill-down';
import { EmptyState } from '../../../components/ui/empty-state';

/** The chart draws at most this many cohorts (the newest); the table below holds every one. */
const CHART_COHORTS = 24;

/** "Stage mix by acquisition cohort": stacked counts per lifecycle stage, a table of every cohort, CSV, and a drill into a cohort's leads. */
export function StageMixView({ state }: { state: CohortsState }) {
  const { t, i18n } = useTranslation();
  const query = useStageMix({ grain: state.grain, from: state.from, to: state.to });
  const drill = useDrillDown();
  const data = query.data;
  const mix = data?.value;
  const f = useMemo(() => makeFormatters(i18n.language, mix?.timeZone ?? 'UTC', t), [i18n.language, mix?.timeZone, t]);
  const table = useMemo(() => (mix ? stageMixTable(mix, f, t) : null), [mix, f, t]);
  const csv = useMemo(() => (mix ? stageMixTable(mix, f, t, true) : null), [mix, f, t]);
  if (query.isError)
    return (
      <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800">
        {t('errors.generic')}: {String(query.error)}
      </p>
    );
  if (!data || !mix || !table || !csv)
    return (
      <p role="status" className="animate-pulse text-sm text-slate-500">
        {t('cohorts.loading')}
      </p>
    );
  const open = (c: StageMixCohort) => drill(segmentFilter(c.key, 'none', undefined));
  const shown = mix.cohorts.slice(-CHART_COHORTS);
  const byKey = new Map(mix.cohorts.map((c) => [c.key, c]));
  return (
    <div className="space-y-4">
      <Card
        title={t('lifecycle.mix.metric')}
        actions={<CsvButton table={csv} fileName={`cohorts-${state.grain}-stage-mix.csv`} />}
      >
        <p className="-mt-1 mb-3 text-xs text-slate-600">{t('lifecycle.mix.help', { days: mix.dormantDays })}</p>
        {mix.cohorts.length === 0 ? (
          <EmptyState>{t('lifecycle.mix.empty')}</EmptyState>
        ) : (
          <>
            {shown.length < mix.cohorts.length && (
              <p className="mb-2 text-xs text-slate-600">
                {t('lifecycle.mix.omitted', { shown: shown.length, total: mix.cohorts.length })}
              </p>
            )}
            <StageMixChart mix={mix} cohorts={shown} f={f} onOpen={open} />
          </>
        )}
      </Card>
      {mix.cohorts.length > 0 && (
        <DataTable
          header={table.header}
          rows={table.rows}
          testId="stage-mix-table"
          caption={t('lifecycle.mix.metric')}
          cell={(row, col, text) => {
            const c = byKey.get(table.rows[row]!.id)!;
            return col === 0 ? (
              <button
                type="button"
                className="font-medium text-indigo-700 underline-offset-2 hover:underline"
                onClick={() => open(c)}
                aria-label={t('lifecycle.mix.open', { count: c.leads, cohort: text })}
              >
                {text}
              </button>
            ) : (
              text
            );
          }}
        />
      )}
      <ComputedNote leads={data.meta.leads} ms={data.ms} waitMs={data.waitMs} />
    </div>
  );
}
