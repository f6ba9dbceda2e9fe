import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { Table, TableBody, TableHead, Td, Th } from '../../../components/ui/table';
import { segmentFilter } from '../../../domain/cohorts/drill-down';
import type { CohortViewProps } from '../model/cohort-view-props';
import { useCohortTriangle } from '../api/use-cohort-triangle';
import { cohortCap } from '../model/default-range';
import { makeFormatters } from '../model/format';
import { makeSeriesLabel } from '../model/series-label';
import { triangleTable, weeksThatFit } from '../model/triangle-table';
import { ComputedNote } from './computed-note';
import { CsvButton } from './csv-button';
import { OmittedNote } from './omitted-note';
import { useDrillDown } from '../model/use-drill-down';
import { useElementWidth } from '../../../shared/layout/use-element-width';
import { Select } from '../../../components/ui/select';

const WEEKS = 26;

/**
 * Heatmap of cumulative conversion by weeks since acquisition, for all leads or one split
 * value. It fits its width: it shows the weeks that fit and says so; only when the user asks
 * for all weeks does it scroll sideways (the choice is in the URL). The CSV holds every week.
 */
export function TriangleView({ state, result, set }: CohortViewProps) {
  const { t, i18n } = useTranslation();
  const agg = result.value;
  const split = state.split === 'none' ? undefined : state.series;
  const tri = useCohortTriangle({
    grain: state.grain,
    split: state.split,
    series: split,
    from: state.from,
    to: state.to,
    weeks: WEEKS,
  });
  const drill = useDrillDown();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const seriesLabel = useMemo(
    () => makeSeriesLabel(agg.split, result.meta, i18n.language, t),
    [agg.split, result.meta, i18n.language, t],
  );
  const model = useMemo(() => {
    if (!tri.data) return null;
    const f = makeFormatters(i18n.language, agg.timeZone, t);
    return {
      f,
      ...triangleTable(
        tri.data.value,
        state.grain,
        f,
        cohortCap(state.grain, state.from) * 2,
        (n) => t('cohorts.triangle.week', { n }),
        t('cohorts.col.cohort'),
        t('cohorts.col.leads'),
      ),
    };
  }, [tri.data, i18n.language, agg.timeZone, t, state.grain, state.from]);
  const shown = state.weeks === 'all' ? WEEKS : weeksThatFit(width, WEEKS);
  return (
    <Card
      title={t('cohorts.triangle.title')}
      actions={
        model && (
          <CsvButton
            table={{ header: model.header, rows: model.csvRows }}
            fileName={`cohort-triangle-${state.grain}.csv`}
          />
        )
      }
    >
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-xs text-slate-500">{t('cohorts.triangle.help')}</p>
        {state.split !== 'none' && (
          <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
            {t('cohorts.triangle.series')}
            <Select
              className="!w-auto"
              value={state.series ?? '\u0000'}
              onChange={(e) => set({ series: e.target.value === '\u0000' ? undefined : e.target.value })}
            >
              <option value={'\u0000'}>{t('cohorts.allLeads')}</option>
              {agg.series.map((id) => (
                <option key={id} value={id}>
                  {seriesLabel(id)}
                </option>
              ))}
            </Select>
          </label>
        )}
      </div>
      <div ref={box}>
        {!model ? (
          <p role="status" className="animate-pulse text-sm text-slate-500">
            {t('cohorts.loading')}
          </p>
        ) : (
          <>
            <OmittedNote omitted={model.omitted} shown={model.rows.length} />
            <p className="mb-2 flex flex-wrap items-center gap-3 text-xs text-slate-600" data-testid="triangle-width">
              {shown < WEEKS
                ? t('cohorts.legible.triangleFit', { shown, total: WEEKS })
                : state.weeks === 'all'
                  ? t('cohorts.legible.triangleAll', { total: WEEKS })
                  : null}
              {shown < WEEKS && (
                <button
                  type="button"
                  className="font-medium text-indigo-700 underline"
                  onClick={() => set({ weeks: 'all' })}
                >
                  {t('cohorts.legible.triangleShowAll', { total: WEEKS })}
                </button>
              )}
              {state.weeks === 'all' && (
                <button
                  type="button"
                  className="font-medium text-indigo-700 underline"
                  onClick={() => set({ weeks: undefined })}
                >
                  {t('cohorts.legible.triangleFitWidth')}
                </button>
              )}
            </p>
            <div className="overflow-auto rounded-lg ring-1 ring-slate-200" data-testid="triangle-scroller">
              <Table
                density="compact"
                className="!w-auto"
                caption={t('cohorts.triangle.title')}
                captionHidden
                data-testid="cohort-triangle"
              >
                <TableHead caps={false}>
                  <tr>
                    {model.header.slice(0, 2 + shown).map((h, i) => (
                      <Th key={h} numeric={i > 0} className="whitespace-nowrap">
                        {h}
                      </Th>
                    ))}
                  </tr>
                </TableHead>
                <TableBody ruled={false}>
                  {model.rows.map((r) => (
                    <tr key={r.key} className={r.small ? 'italic' : ''}>
                      <Th scope="row" className="whitespace-nowrap">
                        {r.label}
                        {/* Small cohorts were faded with opacity, which took their text below 4.5:1: marked instead. */}
                        {r.small && (
                          <span className="ml-1 not-italic text-amber-800" title={t('cohorts.tooltip.small')}>
                            *<span className="sr-only">{t('cohorts.tooltip.small')}</span>
                          </span>
                        )}
                      </Th>
                      <Td numeric className="text-slate-500">
                        {model.f.count(r.leads)}
                      </Td>
                      {r.cells.slice(0, shown).map((c, w) =>
                        c ? (
                          <Td key={w} flush className="p-0.5">
                            <button
                              type="button"
                              title={t('cohorts.triangle.cell', {
                                cohort: r.label,
                                weeks: w + 1,
                                numerator: model.f.count(c.numerator),
                                denominator: model.f.count(c.denominator),
                                rate: c.text,
                                interval: model.f.interval(c.low, c.high),
                              })}
                              onClick={() => drill(segmentFilter(r.key, state.split, split))}
                              className={`w-11 rounded px-1 py-1 text-right tabular-nums ${c.weight > 0.7 ? 'text-white' : 'text-slate-900'}`}
                              // Text stays at 4.5:1 or more: dark ink up to 70 % of the scale (shade ≤ 0.69), then a step to the darkest shades under white.
                              style={{
                                background: `rgba(79, 70, 229, ${c.weight > 0.7 ? 0.88 + (c.weight - 0.7) * 0.4 : 0.06 + c.weight * 0.9})`,
                              }}
                            >
                              {c.text}
                            </button>
                          </Td>
                        ) : (
                          <Td key={w} flush className="p-0.5" aria-hidden="true">
                            <div className="w-11 rounded bg-slate-50 py-1">&nbsp;</div>
                          </Td>
                        ),
                      )}
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </div>
            {tri.data && <ComputedNote leads={tri.data.meta.leads} ms={tri.data.ms} waitMs={tri.data.waitMs} />}
          </>
        )}
      </div>
    </Card>
  );
}
