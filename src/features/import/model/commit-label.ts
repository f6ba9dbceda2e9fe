import type { TFunction } from 'i18next';
import type { AnalysisCounts } from '../../../domain/import-export/import-analysis';

/**
 * The lead import's commit button: new leads first, then the rows read as valid and how many
 * of them merge (into an earlier row of the file or a stored lead) — "Import 9,050 new leads
 * (9,250 rows, 200 merged)", plural-aware in each language.
 */
export function commitLabel(
  t: TFunction,
  nf: Intl.NumberFormat,
  counts: Pick<AnalysisCounts, 'valid' | 'toCreate'>,
): string {
  const merged = Math.max(0, counts.valid - counts.toCreate);
  const rows = t('import.commitRows', { count: counts.valid, formatted: nf.format(counts.valid) });
  const detail =
    merged > 0
      ? t('import.commitDetail', { rows, merged: nf.format(merged) })
      : t('import.commitDetailNoMerge', { rows });
  return t('import.commitLine', {
    leads: t('import.commitLeads', { count: counts.toCreate, formatted: nf.format(counts.toCreate) }),
    detail,
  });
}
