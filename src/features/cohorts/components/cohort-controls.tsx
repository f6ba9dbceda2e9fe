import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../components/ui/field';
import { COHORT_SPLITS } from '../../../domain/cohorts/cohort-aggregate';
import { COHORT_METRICS } from '../../../domain/cohorts/cohort-rates';
import { COHORT_GRAINS } from '../../../domain/time/calendar';
import { CHART_TYPES, STAGE_MIX, type CohortsSearch, type CohortsState } from '../cohorts-search';
import { makeFormatters } from '../model/format';
import { Select } from '../../../components/ui/select';
import { ToggleGroup } from '../../../components/ui/toggle-group';

/** One end of the range: a cohort period, or open (the first or last there is). */
function PeriodSelect({
  value,
  openEnd,
  periods,
  onChange,
}: {
  value: string | undefined;
  openEnd: string;
  periods: { k: string; text: string }[];
  onChange: (key: string | undefined) => void;
}) {
  return (
    <Select className="!w-auto min-w-32" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{openEnd}</option>
      {periods.map(({ k, text }) => (
        <option key={k} value={k}>
          {text}
        </option>
      ))}
    </Select>
  );
}

function Control({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
      {label}
      {children}
    </label>
  );
}

/** Grain, split, metric, range, N and chart type: every change goes to the URL. */
export function CohortControls({
  state,
  set,
  keys,
  keyStarts,
  timeZone,
}: {
  state: CohortsState;
  set: (p: Partial<CohortsSearch>) => void;
  keys: string[];
  keyStarts: number[];
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const periods = useMemo(() => {
    const f = makeFormatters(i18n.language, timeZone, t);
    return keys.map((k, i) => ({ k, text: f.cohort(k, keyStarts[i]!, state.grain) }));
  }, [keys, keyStarts, timeZone, state.grain, i18n.language, t]);
  const showMetric = state.view === 'chart' || state.view === 'table';
  return (
    <div className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <Control label={t('cohorts.controls.grain')}>
        <Select
          className="!w-auto min-w-32"
          value={state.grain}
          onChange={(e) => set({ grain: e.target.value as CohortsState['grain'], from: undefined, to: undefined })}
        >
          {COHORT_GRAINS.map((g) => (
            <option key={g} value={g}>
              {t(`cohorts.grain.${g}`)}
            </option>
          ))}
        </Select>
      </Control>
      {state.view !== 'scorecard' && state.view !== 'campaigns' && !(showMetric && state.stageMix) && (
        <Control label={t('cohorts.controls.split')}>
          <Select
            className="!w-auto min-w-32"
            value={state.split}
            onChange={(e) => set({ split: e.target.value as CohortsState['split'], series: undefined })}
          >
            {COHORT_SPLITS.map((s) => (
              <option key={s} value={s}>
                {t(`cohorts.split.${s}`)}
              </option>
            ))}
          </Select>
        </Control>
      )}
      {showMetric && (
        <Control label={t('cohorts.controls.metric')}>
          <Select
            className="!w-auto min-w-56"
            value={state.stageMix ? STAGE_MIX : state.metric}
            onChange={(e) => set({ metric: e.target.value as CohortsSearch['metric'] })}
          >
            {COHORT_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`cohorts.metric.${m}`)}
              </option>
            ))}
            <option value={STAGE_MIX}>{t('lifecycle.mix.metric')}</option>
          </Select>
        </Control>
      )}
      {state.view !== 'campaigns' && (
        <>
          <Control label={t('cohorts.controls.from')}>
            <PeriodSelect
              value={state.from}
              openEnd={t('cohorts.controls.first')}
              periods={periods}
              onChange={(from) => set({ from })}
            />
          </Control>
          <Control label={t('cohorts.controls.to')}>
            <PeriodSelect
              value={state.to}
              openEnd={t('cohorts.controls.last')}
              periods={periods}
              onChange={(to) => set({ to })}
            />
          </Control>
        </>
      )}
      <Control label={t('cohorts.controls.n')}>
        <input
          type="number"
          min={1}
          max={730}
          className={`${inputClass} !w-28`}
          value={state.n}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= 730) set({ n });
          }}
        />
      </Control>
      {state.view === 'chart' && (
        <ToggleGroup
          label={t('cohorts.controls.chart')}
          options={CHART_TYPES}
          value={state.chart}
          labelOf={(c) => t(`cohorts.controls.${c}`)}
          onChange={(chart) => set({ chart })}
        />
      )}
    </div>
  );
}
