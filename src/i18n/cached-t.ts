import type { TFunction } from 'i18next';

/** More distinct calls than this and the cache starts again (a grid's labels number in the hundreds). */
const LIMIT = 5_000;

/**
 * A translate function that remembers its answers. The grid asks for the same few labels
 * ("Valid", "Listed", "3 months") thousands of times while scrolling, and i18next resolves each
 * from scratch (key path, plural rule, interpolation). Made per `t`, so a language switch, which
 * hands out a new `t`, starts a new cache. Only for calls whose options are plain values.
 */
export function cachedT(t: TFunction): TFunction {
  const answers = new Map<string, string>();
  const cached = (key: string | string[], options?: Record<string, unknown>) => {
    const id = options === undefined ? String(key) : `${String(key)}\u0000${JSON.stringify(options)}`;
    let answer = answers.get(id);
    if (answer === undefined) {
      if (answers.size >= LIMIT) answers.clear();
      answer = String((t as (k: string | string[], o?: Record<string, unknown>) => unknown)(key, options));
      answers.set(id, answer);
    }
    return answer;
  };
  return cached as unknown as TFunction;
}
