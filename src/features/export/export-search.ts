/** The /export URL: the lead filter (as in the grid) plus the export's options. */
import { z } from 'zod';
import { leadFilterSchema } from '../../domain/leads/lead-filter';
import { EXPORT_COLUMNS } from '../../domain/import-export/export-columns';
import { readKeepingUnreadable, unreadableParamsSchema } from '../../domain/leads/unreadable-params';

export const exportSearchSchema = leadFilterSchema.extend({
  kind: z.enum(['leads', 'call-list']).optional().catch(undefined),
  format: z.enum(['csv', 'xlsx']).optional().catch(undefined),
  cols: z.array(z.enum(EXPORT_COLUMNS)).optional().catch(undefined),
  tz: z.string().max(64).optional().catch(undefined),
  pattern: z.string().max(40).optional().catch(undefined),
  bom: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
  delim: z.enum([',', ';', 'tab', '|']).optional().catch(undefined),
  /** Machine header row: the column keys instead of their names in the user's language. */
  mh: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
  /** Call lists: judged at this instant (epoch ms); default now. */
  at: z.coerce.number().int().optional().catch(undefined),
  sort: z.string().max(40).optional().catch(undefined),
  /** Params of the link that could not be read, with the text as given (domain/leads/unreadable-params.ts). */
  unreadable: unreadableParamsSchema,
});
export type ExportSearch = z.infer<typeof exportSearchSchema>;

/** The router's reading of the /export URL: an unreadable filter is kept and shown, never dropped (it would export more leads). */
export function readExportSearch(raw: Record<string, unknown>): ExportSearch {
  return readKeepingUnreadable(exportSearchSchema, raw);
}

export function exportFilterOf(search: ExportSearch) {
  const {
    kind: _k,
    format: _f,
    cols: _c,
    tz: _t,
    pattern: _p,
    bom: _b,
    delim: _d,
    mh: _m,
    at: _a,
    sort: _s,
    unreadable: _u,
    ...filter
  } = search;
  return filter;
}
