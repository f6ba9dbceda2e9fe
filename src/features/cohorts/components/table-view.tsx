import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import type { Timed } from '../../../workers/analytics.worker';
import type { CohortsState } from '../cohorts-search';
import { CsvButton } from './csv-button';
import { DataTable } from './data-table';
import { OmittedNote } from './omitted-note';
import { useChartModel } from './use-chart-model';

/** The chart's data as a table; the cohort cell opens the leads behind the row. */
export function TableView({ state, result }: { state: CohortsState; result: Timed<CohortAggregate> }) {
  const { t } = useTranslation();
  const { table, cs } = useChartModel(state, result);
  return (
    <Card title={t(`cohorts.metric.${state.metric}`)} actions={<CsvButton table={table} fileName={`cohorts-${state.grain}-${state.split}-${state.metric}.csv`} />}>
      <OmittedNote omitted={cs.omitted} shown={cs.rows.length} />
      {table.rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t('cohorts.empty')}</p>
      ) : (
        <DataTable
          testId="cohort-table"
          caption={t(`cohorts.metric.${state.metric}`)}
          header={table.header}
          rows={table.rows.map((r) => ({ id: r.id, cells: r.cells, tone: r.small ? 'small' : undefined }))}
          cell={(i, j, text) =>
            j === 0 ? (
              <Link to="/leads" search={table.rows[i]!.drill} className="font-medium text-indigo-700 hover:underline">
                {text}
              </Link>
            ) : (
              text
            )
          }
        />
      )}
    </Card>
  );
}
