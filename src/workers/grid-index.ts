/**
 * The grid's columnar index, built in a worker from the whole database: every lead with its
 * verdict-derived facts (consent, DNC, reasons, callable) at build time. Sort orders are cached
 * per key until the data changes.
 */
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import type { LeadsDb } from '../db/leads-db';
import { createJudge } from '../domain/compliance/judge';
import { leadDerived } from '../domain/compliance/lead-facts';
import type { LeadDerived } from '../domain/leads/lead-filter';
import { buildLeadColumns, type LeadColumns } from '../domain/leads/index/lead-columns';
import { sortOrder, type SortKey } from '../domain/leads/index/lead-sort';

export interface GridIndex {
  cols: LeadColumns;
  builtAt: number;
  orgTimeZone: string;
  orders: Map<SortKey, Uint32Array>;
  buildMs: number;
}

/** Read everything and build the index as of `at`. */
export async function buildGridIndex(db: LeadsDb, at: number): Promise<GridIndex> {
  const t0 = performance.now();
  const { leads, world, settings } = await loadComplianceWorld(db);
  const judge = createJudge(world, settings);
  const derived: LeadDerived[] = new Array<LeadDerived>(leads.length);
  for (let i = 0; i < leads.length; i++) derived[i] = leadDerived(judge(leads[i]!, at));
  const cols = buildLeadColumns(leads, derived);
  return { cols, builtAt: at, orgTimeZone: settings.orgTimeZone, orders: new Map(), buildMs: performance.now() - t0 };
}

/** The cached ascending order for `key`. */
export function orderFor(index: GridIndex, key: SortKey): Uint32Array {
  let order = index.orders.get(key);
  if (!order) index.orders.set(key, (order = sortOrder(index.cols, key)));
  return order;
}
