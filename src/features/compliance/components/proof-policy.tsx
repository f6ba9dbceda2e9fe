import { useTranslation } from 'react-i18next';
import { hhmm } from '../../../domain/time/hhmm';
import { presetById } from '../../../domain/compliance/policy-presets';
import type { ProofReport } from '../../../domain/compliance/proof';
import { ProofSection } from './proof-sections';

const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** The rules in force for this lead at the moment, each with the presets it came from. */
export function PolicySection({ report }: { report: ProofReport }) {
  const { t, i18n } = useTranslation();
  const p = report.policy;
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const src = (sources: readonly string[]) =>
    sources.length ? ` (${sources.map((s) => presetById(s)?.name ?? s).join(', ')})` : '';
  const rows: [string, string][] = [
    [
      t('compliance.policy.rule.dncMaxAge'),
      p.dncMaxAgeDays
        ? t('compliance.policy.days', { count: p.dncMaxAgeDays.value }) + src(p.dncMaxAgeDays.sources)
        : '—',
    ],
    [
      t('compliance.policy.rule.caps'),
      p.attemptCaps
        .map((c) => t('compliance.policy.cap', { count: c.value.count, hours: c.value.windowHours }) + src(c.sources))
        .join('; ') || '—',
    ],
    [
      t('compliance.policy.rule.minGap'),
      p.minGapHours ? t('compliance.policy.hours', { count: p.minGapHours.value }) + src(p.minGapHours.sources) : '—',
    ],
    [
      t('compliance.policy.rule.consentRequired'),
      (p.consentRequired.value ? t('compliance.yes') : t('compliance.no')) + src(p.consentRequired.sources),
    ],
    [
      t('compliance.policy.rule.acceptedBases'),
      p.acceptedBases.value.map((b) => t(`compliance.consent.basis.${b}`)).join(', '),
    ],
    [t('compliance.policy.rule.validity'), t('compliance.policy.months', { count: p.consentValidityMonths.value })],
    [
      t('compliance.policy.rule.retention'),
      t(`compliance.retention.keepForValue.${p.retentionFrom}`, { months: p.retentionMonths.value }),
    ],
    [t('compliance.policy.rule.stale'), t('compliance.policy.months', { count: p.staleMonths.value })],
  ];
  return (
    <ProofSection title={t('compliance.proof.policy')} testId="proof-policy">
      <ul className="mb-3 space-y-1 text-sm">
        {p.presetIds.map((id) => {
          const preset = presetById(id);
          return (
            <li key={id}>
              <span className="font-medium">{preset?.name ?? id}</span>
              {preset && (
                <span className="text-slate-500">
                  {' '}
                  — {preset.source} · {t('compliance.policy.effective', { date: preset.effectiveFrom })}
                  {preset.draft ? ` · ${t('compliance.policy.draft')}` : ''}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        <dt className="text-slate-500">{t('compliance.policy.rule.hours')}</dt>
        <dd className="flex flex-wrap gap-x-3">
          {WEEK.map((d) => {
            const w = p.callingHours[d]!.value;
            return (
              <span key={d} className="whitespace-nowrap">
                {weekday.format(Date.UTC(2024, 0, d === 0 ? 7 : d))}{' '}
                {w.to > w.from ? `${hhmm(w.from)}–${hhmm(w.to)}` : '✕'}
              </span>
            );
          })}
        </dd>
      </dl>
    </ProofSection>
  );
}
