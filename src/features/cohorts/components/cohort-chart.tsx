import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import { accessorsOf } from '../model/chart-accessors';
import type { ChartRow, ChartSeries } from '../model/chart-series';
import type { Formatters } from '../model/format';
import { ChartTooltip } from './chart-tooltip';
import { useMarkFocus } from '../model/use-mark-focus';
import { formatValue, useMarkLabel } from '../model/use-mark-label';

export interface CohortChartProps {
  cs: ChartSeries;
  type: 'bar' | 'line';
  f: Formatters;
  label: (row: ChartRow) => string;
  seriesLabel: (id: string) => string;
  windowDays: number;
  onDrill: (filter: LeadFilter) => void;
  /** Even y-ticks from 0 (niceTicks), shared by every panel of small multiples. */
  ticks: number[];
  /** Defaults to the single chart's height; small multiples pass their own. */
  height?: number;
  legend?: boolean;
}

/*
 * What recharts 3 keeps in its store (dataKeys, axis domain and formatters, margin) keeps its
 * identity across renders: a focus change re-renders the chart, and a changed setting would
 * remount every bar (see model/chart-accessors.ts).
 */
const BAR_MARGIN = { top: 8, right: 8, bottom: 4, left: 0 };
const LINE_MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };
const AXIS_TICK = { fontSize: 11, fill: '#475569' };
const X_AXIS_LINE = { stroke: '#cbd5e1' };
const CURSOR = { fill: 'rgba(99, 102, 241, 0.06)' };

function Hatches({ cs }: { cs: ChartSeries }) {
  return (
    <defs>
      {cs.series.map((s) => (
        <pattern
          key={s.key}
          id={`hatch-${s.key}`}
          patternUnits="userSpaceOnUse"
          width="6"
          height="6"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={s.color} fillOpacity="0.18" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="3" />
        </pattern>
      ))}
    </defs>
  );
}

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** The data row (the bar's index is its position among drawn bars, not in the data). */
  payload?: ChartRow;
}

/**
 * Draws a chart series (bars or lines) with Wilson whiskers; faded = small, hatched/hollow =
 * window open; a period without data is an empty slot or a break in the line, never 0. Every
 * bar and point is reachable by keyboard (use-mark-focus). It computes nothing. Memoised: a
 * control changed re-renders the page at once with the previous answer on screen, and the chart
 * (every bar, recharts' whole tree) is drawn again only when its series arrive.
 */
export const CohortChart = memo(function CohortChart({
  cs,
  type,
  f,
  label,
  seriesLabel,
  windowDays,
  onDrill,
  ticks,
  height = 400,
  legend = true,
}: CohortChartProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { markProps, focused } = useMarkFocus(cs, box, onDrill);
  const tick = useMemo(
    () =>
      cs.isRate
        ? (v: number) => f.pct(v)
        : cs.metric === 'leads' || cs.metric === 'contacted'
          ? (v: number) => f.count(v)
          : (v: number) => f.days(v),
    [cs.isRate, cs.metric, f],
  );
  const xTick = useMemo(() => {
    const byKey = new Map(cs.rows.map((r) => [r.key, r]));
    return (k: string) => (byKey.has(k) ? label(byKey.get(k)!) : k);
  }, [cs.rows, label]);
  const domain = useMemo(() => [0, ticks[ticks.length - 1] ?? 'auto'] as [number, number | 'auto'], [ticks]);
  const rowIndex = new Map(cs.rows.map((r, i) => [r, i]));
  const markLabel = useMarkLabel(cs, f, label, seriesLabel);
  const isFocused = (row: number, key: string) => focused?.row === row && focused.seriesKey === key;
  const common = (
    <>
      <Hatches cs={cs} />
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis
        dataKey="key"
        tickFormatter={xTick}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={X_AXIS_LINE}
        minTickGap={8}
      />
      <YAxis
        tickFormatter={tick}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        width={64}
        ticks={ticks}
        interval={0}
        domain={domain}
        allowDataOverflow
      />
      {legend && (
        <Legend
          formatter={(key: string) => (
            <span className="text-xs text-slate-700">
              {seriesLabel(cs.series.find((s) => s.key === key)?.id ?? '')}
            </span>
          )}
          iconType="square"
          iconSize={10}
        />
      )}
    </>
  );
  const tooltip = (shared: boolean) => (
    <Tooltip
      shared={shared}
      cursor={CURSOR}
      isAnimationActive={false}
      content={<ChartTooltip cs={cs} f={f} cohortLabel={label} seriesLabel={seriesLabel} windowDays={windowDays} />}
    />
  );
  const focusedRow = focused ? cs.rows[focused.row] : undefined;
  const focusedSeries = focused ? cs.series.find((s) => s.key === focused.seriesKey) : undefined;
  const focusedPoint = focusedRow && focusedSeries ? focusedRow.points[focusedSeries.key] : undefined;
  return (
    // Whiskers are drawn over the bars; they must not take the click meant for the bar under them.
    <div ref={box} className="[&_.recharts-errorBar]:pointer-events-none">
      <ResponsiveContainer width="100%" height={height}>
        {type === 'bar' ? (
          <BarChart data={cs.rows} margin={BAR_MARGIN} barCategoryGap="10%" barGap={1} accessibilityLayer={false}>
            {common}
            {tooltip(false)}
            {cs.series.map((s) => (
              <Bar
                key={s.key}
                name={s.key}
                dataKey={accessorsOf(s.key).value}
                fill={s.color}
                isAnimationActive={false}
                shape={(props: ShapeProps) => {
                  const r = props.payload;
                  const row = r ? (rowIndex.get(r) ?? -1) : -1;
                  const p = r?.points[s.key];
                  if (!r || !p || p.value === null || props.x === undefined || props.y === undefined) return <g />;
                  const on = isFocused(row, s.key);
                  return (
                    <rect
                      x={props.x}
                      y={props.y}
                      width={Math.max(0, props.width ?? 0)}
                      height={Math.max(0, props.height ?? 0)}
                      fill={p.young ? `url(#hatch-${s.key})` : s.color}
                      fillOpacity={p.small ? 0.35 : 1}
                      stroke={on ? '#0f172a' : p.young ? s.color : 'none'}
                      strokeWidth={on ? 2 : 1}
                      {...markProps(row, s.key, p, markLabel(r, s, p))}
                    />
                  );
                }}
              >
                {cs.isRate && (
                  <ErrorBar
                    dataKey={accessorsOf(s.key).error}
                    width={2}
                    stroke="#334155"
                    strokeWidth={1}
                    isAnimationActive={false}
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        ) : (
          <LineChart data={cs.rows} margin={LINE_MARGIN} accessibilityLayer={false}>
            {common}
            {tooltip(true)}
            {cs.series.map((s) => (
              <Line
                key={s.key}
                name={s.key}
                dataKey={accessorsOf(s.key).value}
                stroke={s.color}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
                activeDot={false}
                dot={(props: { cx?: number; cy?: number; payload?: ChartRow; index?: number }) => {
                  const row = props.payload ? (rowIndex.get(props.payload) ?? -1) : -1;
                  const p = props.payload?.points[s.key];
                  if (!p || !props.payload || props.cx === undefined || props.cy === undefined || p.value === null)
                    return <g key={`${s.key}-${props.index}`} />;
                  const on = isFocused(row, s.key);
                  return (
                    <circle
                      key={`${s.key}-${props.index}`}
                      cx={props.cx}
                      cy={props.cy}
                      r={on ? 6 : p.small ? 3 : 4}
                      fill={p.young ? '#fff' : s.color}
                      fillOpacity={p.small ? 0.4 : 1}
                      stroke={on ? '#0f172a' : s.color}
                      strokeWidth={on || p.young ? 2 : 1}
                      {...markProps(row, s.key, p, markLabel(props.payload, s, p))}
                    />
                  );
                }}
              >
                {cs.isRate && (
                  <ErrorBar
                    dataKey={accessorsOf(s.key).error}
                    width={2}
                    stroke={s.color}
                    strokeOpacity={0.5}
                    strokeWidth={1}
                    isAnimationActive={false}
                  />
                )}
              </Line>
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
      <p aria-live="polite" data-testid="chart-focused" className="min-h-4 text-xs text-slate-700">
        {focusedRow && focusedSeries && focusedPoint
          ? t('cohorts.legible.focused', {
              cohort: label(focusedRow),
              series: seriesLabel(focusedSeries.id),
              value: formatValue(cs, f, focusedPoint.value),
              count: f.count(focusedPoint.drillCount),
            })
          : ''}
      </p>
    </div>
  );
});
