/**
 * Pages after the stored cursor until the server has no more, each applied in its own transaction
 * with its cursor (sync-pull-repo.ts). The next page is asked for while one is applied (its cursor
 * is in the answer): the server and the wire work while this browser writes. A page fetched ahead
 * and not applied (the apply failed, the round ended) is dropped; the stored cursor says where the
 * next round starts, so nothing is skipped or applied twice.
 *
 * Each page says the role and teams it was read under (the user's as the server read them). One that differs from the
 * scope the cursor was pulled under (a refresh between pages, another tab signed in with other
 * teams) drops the leads out of view and starts again from 0 (sync-scope-repo.ts). A page is
 * applied only if the stored cursor and scope are still those it was asked under (another tab's
 * round, or a rescope, may have moved them meanwhile): otherwise the pull goes on from what is stored.
 *
 * A pull of more than one page into a replica holding few sync ids (a first sync) keeps a filter
 * of the ids it may hold (held-filter-repo.ts): a lead, call or consent certainly new is written
 * without asking the index of sync ids. Only in a round no other can run beside (`exclusive`: the
 * round's Web Lock is held), which the filter's soundness rests on.
 */
import type { LeadsDb } from '../../../db/leads-db';
import { applyPulledPage, notedScope, PullRaced } from '../../../db/repos/sync-pull-repo';
import { heldFilterOf, noteHeld, type HeldIds } from '../../../db/repos/held-filter-repo';
import { rescopeIfChanged } from '../../../db/repos/sync-scope-repo';
import { getCursor } from '../../../db/repos/sync-state-repo';
import { MAX_PULL_PAGE } from '../../../domain/sync/pull-page';
import { sameScope, scopeOf } from '../../../domain/sync/sync-scope';
import { pull, type PullAnswer } from './team-client';

export interface PullLoopTimes {
  pages: number;
  /** Time spent waiting for a page to arrive (not hidden behind the previous page's apply). */
  waitMs: number;
  applyMs: number;
  /** Times the pull started again from the stored cursor (the scope changed, or another tab moved the cursor). */
  restarts: number;
  /** Whether a filter of held sync ids spared the look-ups of ids certainly new, in any part of the pull (held-filter-repo.ts). */
  heldFilter: boolean;
}

/** A round gives up after this many restarts (something keeps moving the cursor under it). */
const MAX_RESTARTS = 5;

/**
 * `fallback` is the role and teams of a server whose pages do not say theirs (the team config's);
 * `afterPage` runs once a page is applied (the round erases what a pulled erasure left: its traces).
 */
export async function pullToEnd(
  db: LeadsDb,
  serverUrl: string,
  token: () => Promise<string>,
  deviceId: string,
  fallback: { role: string; teamIds: readonly string[] },
  afterPage: (page: PullAnswer) => Promise<void> = async () => undefined,
  { exclusive = false }: { exclusive?: boolean } = {},
): Promise<PullLoopTimes> {
  const times: PullLoopTimes = { pages: 0, waitMs: 0, applyMs: 0, restarts: 0, heldFilter: false };
  const ask = async (from: number): Promise<{ from: number; page: PullAnswer }> => ({
    from,
    page: await pull(serverUrl, await token(), from, MAX_PULL_PAGE),
  });
  let noted = await notedScope(db);
  // Decided at the first page: undefined until then, null when there is none.
  let held: HeldIds | null | undefined = exclusive ? undefined : null;
  let next = ask(await getCursor(db));
  const restart = async () => {
    if (++times.restarts > MAX_RESTARTS) throw new PullRaced();
    // What moved the cursor (a restore) may have added sync ids: the filter is built again.
    held = exclusive ? undefined : null;
    noted = await notedScope(db);
    next = ask(await getCursor(db));
  };
  for (;;) {
    const t0 = performance.now();
    const { from, page } = await next;
    const t1 = performance.now();
    const claims = page.scope ?? fallback;
    const scope = scopeOf(claims);
    if (!noted || !sameScope(noted, scope)) {
      // Noted the first time; a change drops the leads out of view and sets the cursor to 0.
      const changed = await rescopeIfChanged(db, claims);
      noted = scope;
      if (changed) {
        await restart();
        continue;
      }
    }
    if (page.more) {
      next = ask(page.cursor);
      // Awaited at the top of the next turn; if this page's apply throws first, it is not awaited.
      next.catch(() => undefined);
    }
    if (held === undefined) {
      held = page.more ? await heldFilterOf(db) : null;
      times.heldFilter ||= held !== null;
    }
    try {
      await applyPulledPage(db, page, deviceId, { from, scope }, held ?? undefined);
    } catch (error) {
      if (!(error instanceof PullRaced)) throw error;
      await restart();
      continue;
    }
    if (held) noteHeld(held, page);
    await afterPage(page);
    times.pages++;
    times.waitMs += t1 - t0;
    times.applyMs += performance.now() - t1;
    if (!page.more) return times;
  }
}
