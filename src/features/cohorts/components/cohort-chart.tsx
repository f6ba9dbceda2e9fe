import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LeadFilter } from '../../../domain/leads/lead-filter';
import type { ChartRow, ChartSeries, Point } from '../model/chart-series';
import type { Formatters } from '../model/format';
import { ChartTooltip } from './chart-tooltip';

interface Props {
  cs: ChartSeries;
  type: 'bar' | 'line';
  f: Formatters;
  label: (row: ChartRow) => string;
  seriesLabel: (id: string) => string;
  windowDays: number;
  onDrill: (filter: LeadFilter) => void;
}

const valueOf = (key: string) => (r: ChartRow) => r.points[key]?.value ?? null;
/** Asymmetric whiskers: distance from the rate down to the low end and up to the high end. */
const errorOf = (key: string) => (r: ChartRow) => {
  const p = r.points[key];
  return p && p.value !== null && p.low !== null && p.high !== null ? [p.value - p.low, p.high - p.value] : [0, 0];
};

function Hatches({ cs }: { cs: ChartSeries }) {
  return (
    <defs>
      {cs.series.map((s) => (
        <pattern key={s.key} id={`hatch-${s.key}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={s.color} fillOpacity="0.18" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="3" />
        </pattern>
      ))}
    </defs>
  );
}

/** Draws a chart series (bars or lines) with Wilson whiskers; faded = small, hatched/hollow = window open. It computes nothing. */
export function CohortChart({ cs, type, f, label, seriesLabel, windowDays, onDrill }: Props) {
  const tick = cs.isRate ? (v: number) => f.pct(v) : cs.metric === 'leads' || cs.metric === 'contacted' ? (v: number) => f.count(v) : (v: number) => f.days(v);
  const byKey = new Map(cs.rows.map((r) => [r.key, r]));
  const common = (
    <>
      <Hatches cs={cs} />
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="key" tickFormatter={(k: string) => (byKey.has(k) ? label(byKey.get(k)!) : k)} tick={{ fontSize: 11, fill: '#64748b' }} tickLine={false} axisLine={{ stroke: '#cbd5e1' }} minTickGap={8} />
      <YAxis tickFormatter={tick} tick={{ fontSize: 11, fill: '#64748b' }} tickLine={false} axisLine={false} width={64} domain={cs.isRate ? [0, (max: number) => Math.min(1, Math.max(0.05, Math.ceil(max * 20) / 20))] : [0, 'auto']} />
      <Legend formatter={(key: string) => <span className="text-xs text-slate-700">{seriesLabel(cs.series.find((s) => s.key === key)?.id ?? '')}</span>} iconType="square" iconSize={10} />
    </>
  );
  const tooltip = (shared: boolean) => (
    <Tooltip shared={shared} cursor={{ fill: 'rgba(99, 102, 241, 0.06)' }} isAnimationActive={false} content={<ChartTooltip cs={cs} f={f} cohortLabel={label} seriesLabel={seriesLabel} windowDays={windowDays} />} />
  );
  const drill = (p: Point | undefined) => p && onDrill(p.drill);
  return (
    <ResponsiveContainer width="100%" height={400}>
      {type === 'bar' ? (
        <BarChart data={cs.rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barCategoryGap="10%" barGap={1}>
          {common}
          {tooltip(false)}
          {cs.series.map((s) => (
            <Bar key={s.key} name={s.key} dataKey={valueOf(s.key)} fill={s.color} isAnimationActive={false} className="cursor-pointer" onClick={(item) => drill((item.payload as ChartRow).points[s.key])}>
              {cs.rows.map((r) => {
                const p = r.points[s.key];
                return <Cell key={r.key} fill={p?.young ? `url(#hatch-${s.key})` : s.color} fillOpacity={p?.small ? 0.35 : 1} stroke={p?.young ? s.color : 'none'} />;
              })}
              {cs.isRate && <ErrorBar dataKey={errorOf(s.key)} width={2} stroke="#334155" strokeWidth={1} isAnimationActive={false} />}
            </Bar>
          ))}
        </BarChart>
      ) : (
        <LineChart data={cs.rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          {common}
          {tooltip(true)}
          {cs.series.map((s) => (
            <Line
              key={s.key}
              name={s.key}
              dataKey={valueOf(s.key)}
              stroke={s.color}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
              activeDot={false}
              dot={(props: { cx?: number; cy?: number; payload?: ChartRow; index?: number }) => {
                const p = props.payload?.points[s.key];
                if (!p || props.cx === undefined || props.cy === undefined || p.value === null) return <g key={`${s.key}-${props.index}`} />;
                return (
                  <circle
                    key={`${s.key}-${props.index}`}
                    cx={props.cx}
                    cy={props.cy}
                    r={p.small ? 3 : 4}
                    fill={p.young ? '#fff' : s.color}
                    fillOpacity={p.small ? 0.4 : 1}
                    stroke={s.color}
                    strokeWidth={p.young ? 2 : 1}
                    className="cursor-pointer"
                    onClick={() => drill(p)}
                  />
                );
              }}
            >
              {cs.isRate && <ErrorBar dataKey={errorOf(s.key)} width={2} stroke={s.color} strokeOpacity={0.5} strokeWidth={1} isAnimationActive={false} />}
            </Line>
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
