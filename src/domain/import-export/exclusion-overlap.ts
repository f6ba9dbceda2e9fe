/**
 * Exclusion counts read together: a lead blocked for two reasons counts once among the excluded
 * and once under each reason, so the reasons add up to more than the leads. And a call list
 * drawn from a grid already filtered to "callable now" excludes nothing itself: what the filter
 * removed is the difference between the list without that filter and with it.
 */
import type { Exclusions } from './call-list';
import type { LeadFilter } from '../leads/lead-filter';

/** The sum of every reason's count (≥ the leads excluded when reasons overlap). */
export function reasonTotal(ex: Exclusions): number {
  let total = 0;
  for (const n of Object.values(ex.byReason)) total += n ?? 0;
  return total;
}

/** The filter without its "callable now" condition, or null when it has none. */
export function withoutCallableFilter(filter: LeadFilter): LeadFilter | null {
  if (filter.callable !== 'yes') return null;
  const { callable: _callable, ...rest } = filter;
  return rest;
}
