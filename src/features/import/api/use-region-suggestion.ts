import { useQuery } from '@tanstack/react-query';
import type { RegionSuggestion } from '../../../domain/import-export/region-suggestion';
import type { Inspection } from '../../../workers/import-session';
import type { ImportWizard } from './use-import-wizard';

/**
 * The country suggested for numbers without a country code, from the rows the worker read at
 * inspection (column `phoneColumn`), against `current` (the steward's or the settings' country).
 */
export function useRegionSuggestion(
  wiz: ImportWizard,
  inspection: Inspection | null,
  phoneColumn: number | undefined,
  candidates: readonly string[],
  current: string,
) {
  const enabled = inspection !== null && !inspection.fileProblem && phoneColumn !== undefined && !inspection.payload;
  return (
    useQuery<RegionSuggestion | null>({
      queryKey: [
        'import-region-suggestion',
        inspection?.sha256,
        inspection?.encoding,
        inspection?.delimiter,
        inspection?.workbook?.sheet ?? '',
        phoneColumn,
        current,
        candidates.join(','),
      ],
      enabled,
      queryFn: () => wiz.suggestRegion(phoneColumn!, candidates, current),
      staleTime: Infinity,
      gcTime: 0,
      networkMode: 'always',
    }).data ?? null
  );
}
