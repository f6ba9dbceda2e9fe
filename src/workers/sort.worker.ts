/**
 * The grid engine's sort helper: works out a key's row order from its sort input (lead-sort.ts)
 * on another thread, so the engine's idle-time sorts (up to ~0.7 s each at a million leads) do
 * not hold up a question asked meanwhile. Started by the grid worker; holds nothing between asks.
 */
import * as Comlink from 'comlink';
import { orderOf, type SortInput } from '../domain/leads/index/lead-sort';

const api = {
  order(input: SortInput, n: number): Uint32Array {
    const order = orderOf(input, n);
    return Comlink.transfer(order, [order.buffer]);
  },
};

export type SortWorkerApi = typeof api;
Comlink.expose(api);
