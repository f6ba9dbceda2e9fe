/** The check request from the screen's state: the file's reading (or workbook sheet), the mapping, and the URL's choices. */
import type { ImportKind } from '../../../domain/import-export/import-analysis';
import type { AnalyseRequest } from '../../../domain/import-export/import-request';
import type { Settings } from '../../../domain/settings/settings';
import type { Inspection } from '../../../workers/import-session';
import type { ImportSearch } from '../import-search';

/** `suggestedRegion`: the country pre-selected from the file's numbers, when the steward has not chosen one. */
export function buildRequest(
  kind: ImportKind,
  inspection: Inspection,
  mapping: Partial<Record<string, number>>,
  search: ImportSearch,
  settings: Settings,
  suggestedRegion: string | null = null,
): AnalyseRequest {
  const common = {
    encoding: inspection.encoding,
    region: search.region ?? suggestedRegion ?? settings.defaultRegion,
    defaultCampaign: search.campaign ?? null,
  };
  const time = { format: search.format ?? null, timeZone: search.tz ?? null };
  if (kind === 'api')
    return { kind, ...common, defaultSource: search.source ?? null, conflictRule: search.rule ?? 'keep-existing' };
  const reading = {
    delimiter: inspection.delimiter,
    ...(inspection.workbook ? { sheet: inspection.workbook.sheet } : {}),
  };
  if (kind === 'calls') return { kind, ...common, ...reading, mapping, time };
  return {
    kind,
    ...common,
    ...reading,
    mapping,
    time,
    declaredAcquiredDay: mapping.acquiredAt === undefined ? (search.day ?? null) : null,
    defaultSource: search.source ?? null,
    conflictRule: search.rule ?? 'keep-existing',
  };
}
