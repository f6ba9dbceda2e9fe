/**
 * The engine's idle-time sorts: with a helper (a worker in the app, an async stand-in here) the
 * order it works out is kept when the columns are still the ones it was worked out from, and
 * dropped when a catch-up replaced them meanwhile; the helper is told when nothing is left to do.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildLeadColumns } from '../domain/leads/index/lead-columns';
import { orderOf, sortOrder, type SortInput } from '../domain/leads/index/lead-sort';
import type { GridIndex } from './grid-index';
import { WARM_SORT_KEYS, orderWarmer, type Sorter } from './grid-warm-orders';

const lead = (id: number, name: string, acquiredAt: number) =>
  ({
    id,
    name,
    company: '',
    email: '',
    phoneE164: `+4420000000${id}`,
    tags: [],
    sourceId: id % 2 ? 'web' : 'fair',
    region: 'GB',
    timeZone: 'Europe/London',
    acquiredAt,
    acquiredAtPrecision: 'exact',
    createdAt: acquiredAt + id,
    entryMethod: 'manual',
    attempts: id % 3,
    dncStatus: 'unchecked',
  }) as never;
const DERIVED = { consent: 'none', dnc: 'clear', reasons: [], callable: true } as never;
const indexOf = (names: string[]) =>
  ({
    cols: buildLeadColumns(
      names.map((n, i) => lead(i + 1, n, 1_700_000_000_000 - i * 7_000)),
      names.map(() => DERIVED),
    ),
    orders: new Map(),
  }) as unknown as GridIndex;

/** A helper that answers asynchronously, counting what it was asked, and told when done. */
function standIn(beforeAnswer: () => void = () => undefined) {
  const asked: SortInput['kind'][] = [];
  let done = 0;
  const sorter: Sorter = {
    async order(input, n) {
      asked.push(input.kind);
      await new Promise((r) => setTimeout(r, 5));
      beforeAnswer();
      return orderOf(structuredClone(input), n);
    },
    done: () => void done++,
  };
  return { sorter, asked, done: () => done };
}

/** Let the pauses and the helper's answers pass (fake timers: no real waiting). */
const settle = async (ms: number) => {
  for (let t = 0; t < ms; t += 100) await vi.advanceTimersByTimeAsync(100);
};
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('idle-time sort orders', () => {
  it(
    'are worked out by the helper, kept when the columns did not change, and the helper is told when none is left',
    { timeout: 30_000 },
    async () => {
      const idx = indexOf(['Zoe', 'ada', 'Bob', '张伟', 'Äda']);
      const helper = standIn();
      const asked = orderWarmer(
        () => Promise.resolve(idx),
        () => helper.sorter,
      );
      asked();
      await settle(1_500 * (WARM_SORT_KEYS.length + 1) + 500);
      expect([...idx.orders.keys()]).toEqual(WARM_SORT_KEYS);
      for (const key of WARM_SORT_KEYS) expect([...idx.orders.get(key)!]).toEqual([...sortOrder(idx.cols, key)]);
      expect(helper.asked).toContain('names');
      expect(helper.done()).toBe(1);
    },
  );

  it.each([
    ['columns a catch-up replaced meanwhile', (idx: GridIndex) => (idx.cols = indexOf(['c', 'b', 'a']).cols)],
    [
      'before a catch-up patched the columns in place (same columns, another data version)',
      (idx: GridIndex) => (idx.dataVersion = 'v2'),
    ],
  ])('drop an order worked out from %s', async (_, catchUp) => {
    const idx = indexOf(['b', 'a', 'c']);
    idx.dataVersion = 'v1';
    const helper = standIn(() => catchUp(idx));
    const asked = orderWarmer(
      () => Promise.resolve(idx),
      () => helper.sorter,
    );
    asked();
    await settle(2_000);
    expect(helper.asked.length).toBe(1);
    expect(idx.orders.size).toBe(0);
  });

  it('wait while a long write is under way, and start once it is over', async () => {
    const idx = indexOf(['b', 'a', 'c']);
    const helper = standIn();
    let writing = true;
    const asked = orderWarmer(
      () => Promise.resolve(idx),
      () => helper.sorter,
      () => Promise.resolve(writing),
    );
    asked();
    await settle(1_500 * 4);
    expect(helper.asked).toEqual([]);
    expect(idx.orders.size).toBe(0);
    writing = false;
    await settle(1_600);
    expect(helper.asked.length).toBe(1);
    expect(idx.orders.size).toBe(1);
  });

  it('a question asked while it asks about writes ends that pause: one order at a time, after the last question', async () => {
    const idx = indexOf(['b', 'a', 'c']);
    const helper = standIn();
    const asked = orderWarmer(
      () => Promise.resolve(idx),
      () => helper.sorter,
      () => new Promise((resolve) => setTimeout(() => resolve(false), 400)),
    );
    asked();
    await settle(1_600); // the pause is over; its question about writes is under way
    asked(); // a question meanwhile: that pause goes no further
    await settle(500);
    expect(helper.asked).toEqual([]);
    await settle(1_600);
    expect(helper.asked.length).toBe(1);
  });
});
