import { useTranslation } from 'react-i18next';
import type { Exclusions } from '../../../domain/import-export/call-list';
import { reasonTotal } from '../../../domain/import-export/exclusion-overlap';
import { cachedNumberFormat } from '../../../domain/time/intl-cache';

/** Says why the reasons' counts add up to more than the leads excluded: a lead can count under several. */
export function ReasonOverlapNote({ exclusions }: { exclusions: Exclusions }) {
  const { t, i18n } = useTranslation();
  const nf = cachedNumberFormat(i18n.language);
  const total = reasonTotal(exclusions);
  if (total <= exclusions.excluded) return null;
  return (
    <p className="mt-2 text-xs text-slate-600" data-testid="reasons-overlap">
      {t('export.reasonsOverlap', {
        count: exclusions.excluded,
        excluded: nf.format(exclusions.excluded),
        total: nf.format(total),
      })}
    </p>
  );
}
