/**
 * The scope a replica's cursor was pulled under: what the user's role and teams let them read.
 * Stewards and managers read every team (the server's `app_org_wide()`), so their teams do not
 * matter; the others read their teams' leads only. Every pulled page says the scope it was read
 * under (the user's, read by the server as the request opened), and the replica compares it with the one its cursor was pulled under.
 */
import { ORG_WIDE_ROLES } from './mutation';

/** The `syncState` key of the scope the cursor was pulled under. */
export const SCOPE_KEY = 'scope';

export interface SyncScope {
  orgWide: boolean;
  /** Sorted, each once. */
  teamIds: string[];
}

export const scopeOf = (claims: { role: string; teamIds: readonly string[] }): SyncScope => ({
  orgWide: ORG_WIDE_ROLES.has(claims.role),
  teamIds: [...new Set(claims.teamIds)].sort(),
});

/** Whether two scopes read the same leads. */
export const sameScope = (a: SyncScope, b: SyncScope): boolean =>
  a.orgWide === b.orgWide && (a.orgWide || a.teamIds.join() === b.teamIds.join());
