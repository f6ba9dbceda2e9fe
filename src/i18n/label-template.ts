import type { TFunction } from 'i18next';

/** Stands for the value while the label is resolved once; no translation holds it. */
const MARK = '\u0001';

/**
 * A label with one plain interpolated value ("Select row {{index}}"), resolved by i18next once and
 * then filled in by joining: the grid labels every row's checkbox, and a scroll through 100k rows
 * asks for as many different labels, each resolved from scratch by i18next (~0.3 ms a frame).
 * Only for a value interpolated as is (no format, no plural): where the translation does not hold
 * the value exactly once, every label is asked of `t` as before.
 */
export function labelTemplate(t: TFunction, key: string, param: string): (value: string | number) => string {
  const parts = String((t as (k: string, o: Record<string, unknown>) => unknown)(key, { [param]: MARK })).split(MARK);
  if (parts.length !== 2) {
    return (value) => String((t as (k: string, o: Record<string, unknown>) => unknown)(key, { [param]: value }));
  }
  const [before, after] = parts as [string, string];
  return (value) => `${before}${value}${after}`;
}
