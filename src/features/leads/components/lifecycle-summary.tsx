import { useTranslation } from 'react-i18next';
import type { LifecycleResult, SuppressionCause } from '../../../domain/leads/lifecycle-stage';
import { STAGE_TONE } from './stage-tone';

/** The lead's lifecycle stage now (derived, never set): since when, why if suppressed, and when it turns dormant. */
export function LifecycleSummary({
  lifecycle,
  date,
}: {
  lifecycle: LifecycleResult & { dormantDays: number; causes: SuppressionCause[] };
  date: Intl.DateTimeFormat;
}) {
  const { t } = useTranslation();
  const { stage, since, dormantFrom, lastActivityAt, causes, dormantDays } = lifecycle;
  const active = stage === 'new' || stage === 'contacted' || stage === 'engaged';
  return (
    <div
      className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm"
      data-testid="drawer-lifecycle"
      data-stage={stage}
    >
      <span className="text-slate-600">{t('lifecycle.drawer.label')}</span>
      <span
        className={`rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STAGE_TONE[stage]}`}
        title={t(`lifecycle.stageHelp.${stage}`, { days: dormantDays })}
      >
        {t(`lifecycle.stage.${stage}`)}
      </span>
      <span className="text-xs text-slate-600">
        {causes.length > 0 && `${causes.map((c) => t(`lifecycle.cause.${c}`)).join(', ')} · `}
        {since !== undefined
          ? t('lifecycle.drawer.since', { date: date.format(since) })
          : t('lifecycle.drawer.sinceUnknown')}
        {stage === 'dormant' && ` · ${t('lifecycle.drawer.lastActivity', { date: date.format(lastActivityAt) })}`}
      </span>
      {active && (
        <span className="w-full text-xs text-slate-600">
          {t('lifecycle.drawer.dormantFrom', { date: date.format(dormantFrom) })}
        </span>
      )}
    </div>
  );
}
