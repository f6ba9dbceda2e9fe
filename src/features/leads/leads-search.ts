/** The /leads URL: the lead filter, plus sort, visible columns and the open drawer. */
import { z } from 'zod';
import { leadFilterSchema } from '../../domain/leads/lead-filter';

export const GRID_COLUMNS = ['phone', 'name', 'company', 'source', 'campaign', 'acquiredAt', 'createdAt', 'dataAge', 'consent', 'dnc', 'lastContact', 'attempts', 'lastOutcome', 'tags', 'verdict'] as const;
export type GridColumnId = (typeof GRID_COLUMNS)[number];
export const DEFAULT_COLUMNS: GridColumnId[] = ['phone', 'name', 'company', 'source', 'acquiredAt', 'dataAge', 'consent', 'dnc', 'lastContact', 'attempts', 'lastOutcome', 'tags', 'verdict'];

export const leadsSearchSchema = leadFilterSchema.extend({
  sort: z.string().max(40).optional().catch(undefined),
  /** Visible columns in display order. */
  cols: z.array(z.enum(GRID_COLUMNS)).optional().catch(undefined),
  /** The lead open in the drawer. */
  lead: z.coerce.number().int().positive().optional().catch(undefined),
  /** The new-lead form is open. */
  create: z.union([z.boolean(), z.stringbool()]).optional().catch(undefined),
  /** Params of the link that could not be read, by name, with the text as given (see `readLeadsSearch`). */
  unreadable: z.record(z.string(), z.string()).optional().catch(undefined),
});
export type LeadsSearch = z.infer<typeof leadsSearchSchema>;

/** The filter part of the URL (what the worker needs). */
export function filterOf(search: LeadsSearch) {
  const { sort: _sort, cols: _cols, lead: _lead, create: _create, unreadable: _unreadable, ...filter } = search;
  return filter;
}

const FILTER_KEYS: ReadonlySet<string> = new Set(Object.keys(leadFilterSchema.shape));

/**
 * The router's reading of the /leads URL. A param the schema cannot read is not dropped (a
 * dropped filter widens the grid, and "select all matching" then takes every lead): it moves,
 * with its text, into `unreadable`, which stays in the URL and is shown as an error.
 */
export function readLeadsSearch(raw: Record<string, unknown>): LeadsSearch {
  const search = leadsSearchSchema.parse(raw);
  const unreadable: Record<string, string> = { ...search.unreadable };
  for (const key of Object.keys(leadsSearchSchema.shape)) {
    const given = raw[key];
    if (key === 'unreadable' || given === undefined || search[key as keyof LeadsSearch] !== undefined) continue;
    unreadable[key] = typeof given === 'string' ? given : JSON.stringify(given);
  }
  return Object.keys(unreadable).length > 0 ? { ...search, unreadable } : search;
}

/** True when a param the grid filters by could not be read: the grid must not show a wider list. */
export function hasUnreadableFilter(search: LeadsSearch): boolean {
  return Object.keys(search.unreadable ?? {}).some((k) => FILTER_KEYS.has(k));
}
