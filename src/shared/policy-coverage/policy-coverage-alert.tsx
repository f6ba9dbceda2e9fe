import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { ClampedText } from '../../components/ui/clamped-text';
import { usePolicyCoverage } from './use-policy-coverage';
import { cachedNumberFormat } from '../../domain/time/intl-cache';

/**
 * Warns that leads of some regions are judged with no law of theirs (e.g. UK leads with only US
 * presets: calling hours 00:00–24:00), and offers to activate the presets for those regions.
 */
export function PolicyCoverageAlert() {
  const { t, i18n } = useTranslation();
  const { uncovered, suggested, activate } = usePolicyCoverage();
  if (uncovered.length === 0)
    return activate.isSuccess ? (
      <p role="status" className="mb-4 text-sm text-emerald-700" data-testid="policy-coverage-done">
        {t('coverage.done')}
      </p>
    ) : null;
  const nf = cachedNumberFormat(i18n.language);
  const regions = uncovered
    .map((u) => t('coverage.region', { region: u.region, count: u.leads, leads: nf.format(u.leads) }))
    .join(t('coverage.separator'));
  const presets = suggested.map((p) => t(`compliance.presetShort.${p}`, { defaultValue: p })).join(' + ');
  return (
    <div
      role="alert"
      data-testid="policy-coverage"
      className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-300"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 flex-1 font-medium">{t('coverage.title', { regions })}</p>
        {suggested.length > 0 && (
          <Button variant="primary" className="!py-1" disabled={activate.isPending} onClick={() => activate.mutate()}>
            {t('coverage.activate', { presets })}
          </Button>
        )}
      </div>
      {/* Why it matters, and what the button records: one line until asked for. */}
      <ClampedText className="mt-1 text-xs">
        {t('coverage.why')} {suggested.length > 0 ? t('coverage.audited') : t('coverage.noPreset')}
      </ClampedText>
      {activate.isError && (
        <p className="mt-2 text-rose-800">{t('coverage.failed', { message: activate.error.message })}</p>
      )}
    </div>
  );
}
