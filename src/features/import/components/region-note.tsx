import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { shareOf, type RegionSuggestion } from '../../../domain/import-export/region-suggestion';

/**
 * What the file's own numbers say about the country for numbers without a country code: the
 * share valid in the best country against the one chosen, and a one-click way to take it.
 */
export function RegionNote({
  suggestion,
  region,
  fallback,
  preselected,
  busy,
  onAccept,
}: {
  suggestion: RegionSuggestion | null;
  region: string;
  fallback: string;
  preselected: boolean;
  busy: boolean;
  onAccept: (region: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!suggestion || suggestion.best === null) return null;
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const nf = new Intl.NumberFormat(i18n.language);
  const share = (r: string) =>
    pct.format(
      shareOf(
        suggestion.shares.find((s) => s.region === r),
        suggestion.sampled,
      ),
    );
  const best = suggestion.best;
  const values = {
    best,
    bestShare: share(best),
    region,
    regionShare: share(region),
    fallback,
    fallbackShare: share(fallback),
    sampled: nf.format(suggestion.sampled),
  };
  const language = suggestion.languageRegion ? t('import.region.language', { region: suggestion.languageRegion }) : '';
  const others = suggestion.shares
    .filter((s) => s.region !== best && s.region !== region && s.region !== fallback && s.valid > 0)
    .slice(0, 3);
  return (
    <div
      role="status"
      data-testid="region-suggestion"
      className={`mt-3 rounded-lg px-4 py-3 text-sm ring-1 ${best === region ? 'bg-emerald-50 text-emerald-900 ring-emerald-200' : 'bg-amber-50 text-amber-900 ring-amber-200'}`}
    >
      <p>
        {best === region
          ? t(preselected ? 'import.region.preselected' : 'import.region.confirmed', values)
          : t('import.region.suggested', values)}{' '}
        {language}
      </p>
      {others.length > 0 && (
        <p className="mt-1 text-xs">
          {t('import.region.others', { list: others.map((s) => `${s.region} ${share(s.region)}`).join(' · ') })}
        </p>
      )}
      {best !== region && (
        <Button className="mt-2" disabled={busy} onClick={() => onAccept(best)}>
          {t('import.region.use', { region: best })}
        </Button>
      )}
    </div>
  );
}
