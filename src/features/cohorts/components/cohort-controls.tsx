import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../components/ui/field';
import { COHORT_SPLITS } from '../../../domain/cohorts/cohort-aggregate';
import { COHORT_METRICS } from '../../../domain/cohorts/cohort-rates';
import { COHORT_GRAINS } from '../../../domain/time/calendar';
import { CHART_TYPES, STAGE_MIX, type CohortsSearch, type CohortsState } from '../cohorts-search';
import { makeFormatters } from '../model/format';
import { Select } from '../../../components/ui/select';

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
  const options = useMemo(() => {
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
            <Select
              className="!w-auto min-w-32"
              value={state.from ?? ''}
              onChange={(e) => set({ from: e.target.value || undefined })}
            >
              <option value="">{t('cohorts.controls.first')}</option>
              {options.map(({ k, text }) => (
                <option key={k} value={k}>
                  {text}
                </option>
              ))}
            </Select>
          </Control>
          <Control label={t('cohorts.controls.to')}>
            <Select
              className="!w-auto min-w-32"
              value={state.to ?? ''}
              onChange={(e) => set({ to: e.target.value || undefined })}
            >
              <option value="">{t('cohorts.controls.last')}</option>
              {options.map(({ k, text }) => (
                <option key={k} value={k}>
                  {text}
                </option>
              ))}
            </Select>
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
        <div
          role="group"
          aria-label={t('cohorts.controls.chart')}
          className="flex rounded-md shadow-sm ring-1 ring-slate-300"
        >
          {CHART_TYPES.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={state.chart === c}
              onClick={() => set({ chart: c })}
              className={`px-3 py-1.5 text-sm font-medium first:rounded-l-md last:rounded-r-md ${state.chart === c ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {t(`cohorts.controls.${c}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
