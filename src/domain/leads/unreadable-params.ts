/**
 * Params of a link that a screen's schema could not read. Every search schema falls back to
 * "absent" for a bad value, and for a filter "absent" means "every lead": a typo in a shared
 * link widened the grid (and "select all matching", and an export) without a word. Instead the
 * param moves, with its text as given, into `unreadable`, which stays in the URL and is shown.
 */
import { z } from 'zod';
import { leadFilterSchema } from './lead-filter';

/** The `unreadable` search param: param name → the text the link gave. */
export const unreadableParamsSchema = z.record(z.string(), z.string()).optional().catch(undefined);
export type UnreadableParams = z.infer<typeof unreadableParamsSchema>;

/** Validate `raw` with `schema`, moving each given param the schema could not read into `unreadable`. */
export function readKeepingUnreadable<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, unknown>,
): z.infer<S> & { unreadable?: UnreadableParams } {
  const search = schema.parse(raw) as z.infer<S> & { unreadable?: UnreadableParams };
  const unreadable: Record<string, string> = { ...search.unreadable };
  for (const key of Object.keys(schema.shape)) {
    const given = raw[key];
    if (key === 'unreadable' || given === undefined || (search as Record<string, unknown>)[key] !== undefined) continue;
    unreadable[key] = typeof given === 'string' ? given : JSON.stringify(given);
  }
  return Object.keys(unreadable).length > 0 ? { ...search, unreadable } : search;
}

const FILTER_KEYS: ReadonlySet<string> = new Set(Object.keys(leadFilterSchema.shape));

/** True when a lead-filter param could not be read: the screen must not act on a wider set of leads. */
export function hasUnreadableFilter(unreadable: UnreadableParams): boolean {
  return Object.keys(unreadable ?? {}).some((k) => FILTER_KEYS.has(k));
}
