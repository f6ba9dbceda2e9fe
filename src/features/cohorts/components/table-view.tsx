import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import type { CohortViewProps } from '../model/cohort-view-props';
import { sortRows } from '../model/sort-rows';
import { CsvButton } from './csv-button';
import { DataTable } from './data-table';
import { useChartModel } from '../model/use-chart-model';
import { EmptyState } from '../../../components/ui/empty-state';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/** Every cohort and series of the range as a table, sortable by any column (sort in the URL); the cohort cell opens the leads behind the row. The CSV writes the rows as sorted. */
export function TableView({ state, result, set }: CohortViewProps) {
  const { t, i18n } = useTranslation();
  const { table } = useChartModel(state, result);
  const col = state.sort ? table.columns.indexOf(state.sort) : -1;
  const sorted = useMemo(
    () => ({ ...table, rows: col >= 0 ? sortRows(table.rows, col, state.dir) : table.rows }),
    [table, col, state.dir],
  );
  const onSort = (j: number) => {
    const id = table.columns[j]!;
    set({ sort: id, dir: state.sort === id && state.dir === 'asc' ? 'desc' : 'asc' });
  };
  return (
    <Card
      title={t(`cohorts.metric.${state.metric}`)}
      actions={<CsvButton table={sorted} fileName={`cohorts-${state.grain}-${state.split}-${state.metric}.csv`} />}
    >
      {sorted.rows.length === 0 ? (
        <EmptyState>{t('cohorts.empty')}</EmptyState>
      ) : (
        <>
          <p className="mb-3 text-xs text-slate-600" data-testid="table-count">
            {t('cohorts.legible.tableAll', {
              count: sorted.rows.length,
              formatted: cachedNumberFormat(i18n.language).format(sorted.rows.length),
            })}
          </p>
          <DataTable
            testId="cohort-table"
            caption={t(`cohorts.metric.${state.metric}`)}
            header={sorted.header}
            rows={sorted.rows.map((r) => ({ id: r.id, cells: r.cells, tone: r.small ? 'small' : undefined }))}
            sort={{
              col: col >= 0 ? col : null,
              dir: state.dir,
              onSort,
              label: (column) => t('cohorts.legible.sortBy', { column }),
            }}
            cell={(i, j, text) =>
              j === 0 ? (
                <Link
                  to="/leads"
                  search={sorted.rows[i]!.drill}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {text}
                </Link>
              ) : (
                text
              )
            }
          />
        </>
      )}
    </Card>
  );
}
