/**
 * What a question reads off the grid index besides its columns: the calling hours of each row at
 * an instant (one answer per zone and region) and the cached sort orders.
 */
import { callZone } from '../domain/compliance/call-zone';
import { isWithinCallingHours } from '../domain/compliance/calling-hours';
import { reasonBit } from '../domain/leads/index/lead-columns';
import { sortOrder, type SortKey } from '../domain/leads/index/lead-sort';
import type { GridIndex } from './grid-index';

/** Whether row `i` is outside its calling hours at `now`: one answer per zone and region, however many rows. */
export function outsideHoursAt(index: GridIndex, now: number): (i: number) => boolean {
  const { cols } = index;
  const memo = new Map<number, boolean>();
  const zones = cols.dict.zone.values;
  const regions = cols.dict.region.values;
  const anonymized = reasonBit('anonymized');
  return (i) => {
    // A purged lead has no number to call: its purge is its whole answer, hours included.
    if (cols.reasons[i]! & anonymized) return false;
    const key = cols.zone[i]! * 1_048_576 + cols.region[i]!;
    let outside = memo.get(key);
    if (outside === undefined) {
      const rules = index.rulesFor(regions[cols.region[i]!]!);
      outside = !isWithinCallingHours(now, callZone(zones[cols.zone[i]!]!, rules.timeZone), rules.callingHours);
      memo.set(key, outside);
    }
    return outside;
  };
}

/** The cached ascending order for `key`. */
export function orderFor(index: GridIndex, key: SortKey): Uint32Array {
  let order = index.orders.get(key);
  if (!order) index.orders.set(key, (order = sortOrder(index.cols, key)));
  return order;
}
