/** The /leads URL: the lead filter, plus sort, visible columns and the open drawer. */
import { z } from 'zod';
import { leadFilterSchema } from '../../domain/leads/lead-filter';
import { readKeepingUnreadable, unreadableParamsSchema } from '../../domain/leads/unreadable-params';

/** Where a lead stands: consent, do-not-call, calls so far, tags and verdict, side by side in every column set. */
const STANDING_COLUMNS = ['consent', 'dnc', 'lastContact', 'attempts', 'lastOutcome', 'tags', 'verdict'] as const;

export const GRID_COLUMNS = [
  'phone',
  'name',
  'company',
  'source',
  'campaign',
  'acquiredAt',
  'createdAt',
  'dataAge',
  ...STANDING_COLUMNS,
  'stage',
] as const;
export type GridColumnId = (typeof GRID_COLUMNS)[number];
export const DEFAULT_COLUMNS: GridColumnId[] = [
  'phone',
  'name',
  'company',
  'source',
  'acquiredAt',
  'dataAge',
  'stage',
  ...STANDING_COLUMNS,
];

export const leadsSearchSchema = leadFilterSchema.extend({
  sort: z.string().max(40).optional().catch(undefined),
  /** Visible columns in display order. */
  cols: z.array(z.enum(GRID_COLUMNS)).optional().catch(undefined),
  /** Row density: compact rows fit more leads on a screen. */
  density: z.enum(['compact']).optional().catch(undefined),
  /** The lead open in the drawer. */
  lead: z.coerce.number().int().positive().optional().catch(undefined),
  /** The new-lead form is open. */
  create: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
  /** Params of the link that could not be read, with the text as given (domain/leads/unreadable-params.ts). */
  unreadable: unreadableParamsSchema,
});
export type LeadsSearch = z.infer<typeof leadsSearchSchema>;

/** The filter part of the URL (what the worker needs). */
export function filterOf(search: LeadsSearch) {
  const {
    sort: _sort,
    cols: _cols,
    lead: _lead,
    create: _create,
    unreadable: _unreadable,
    density: _density,
    ...filter
  } = search;
  return filter;
}

/** The router's reading of the /leads URL: an unreadable param is kept and shown, never dropped. */
export function readLeadsSearch(raw: Record<string, unknown>): LeadsSearch {
  return readKeepingUnreadable(leadsSearchSchema, raw);
}
