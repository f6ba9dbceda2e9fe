import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StageMix, StageMixCohort } from '../../../domain/cohorts/stage-mix';
import type { LifecycleStage } from '../../../domain/leads/lifecycle-stage';
import type { Formatters } from '../model/format';

/** Okabe–Ito hues (distinct under the common colour-vision deficiencies), grey for dormant. */
export const STAGE_COLORS: Record<LifecycleStage, string> = {
  new: '#56B4E9',
  contacted: '#0072B2',
  engaged: '#CC79A7',
  converted: '#009E73',
  dormant: '#8C8C8C',
  suppressed: '#D55E00',
};

type Row = { key: string; label: string; leads: number; cohort: StageMixCohort } & Partial<
  Record<LifecycleStage, number>
>;

/** Stacked bars: one per cohort, one segment per lifecycle stage; a click opens the cohort. It computes nothing. */
export function StageMixChart({
  mix,
  cohorts,
  f,
  onOpen,
}: {
  mix: StageMix;
  cohorts: StageMixCohort[];
  f: Formatters;
  onOpen: (c: StageMixCohort) => void;
}) {
  const { t } = useTranslation();
  const rows: Row[] = cohorts.map((c) => ({
    key: c.key,
    label: f.cohort(c.key, c.start, mix.grain),
    leads: c.leads,
    cohort: c,
    ...Object.fromEntries(mix.stages.map((s, i) => [s, c.counts[i]!])),
  }));
  return (
    <div role="img" aria-label={t('lifecycle.mix.chartLabel')} data-testid="stage-mix-chart">
      <ResponsiveContainer width="100%" height={380}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} interval="preserveStartEnd" />
          <YAxis
            allowDecimals={false}
            tickFormatter={(v: number) => f.count(v)}
            tick={{ fontSize: 12, fill: '#475569' }}
            width={56}
          />
          <Tooltip
            formatter={(value, name) => [f.count(Number(value)), t(`lifecycle.stage.${String(name)}`)]}
            labelFormatter={(label, payload) =>
              `${String(label)} · ${t('lifecycle.mix.leads')} ${f.count((payload?.[0]?.payload as Row | undefined)?.leads ?? 0)}`
            }
          />
          <Legend
            itemSorter={null}
            formatter={(value) => (
              <span className="text-xs text-slate-700">{t(`lifecycle.stage.${String(value)}`)}</span>
            )}
          />
          {mix.stages.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              stackId="stage"
              fill={STAGE_COLORS[s]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(d: { payload?: Row }) => d.payload && onOpen(d.payload.cohort)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
