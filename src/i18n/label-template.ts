import type { TFunction } from 'i18next';

/**
 * A label with one plain interpolated value ("Select row {{index}}"), resolved by i18next once and
 * then filled in by joining: the grid labels every row's checkbox, and a scroll through 100k rows
 * asks for as many different labels, each resolved from scratch by i18next (~0.3 ms a frame).
 * The one-value case of `labelTemplateOf`, with its fallbacks.
 */
export function labelTemplate(t: TFunction, key: string, param: string): (value: string | number) => string {
  const fill = labelTemplateOf(t, key, [param]);
  return (value) => fill({ [param]: value });
}

/**
 * A label with several plain interpolated values, resolved by i18next once and then filled in by
 * joining, in whatever order the language puts them: the cohort chart labels every bar for a
 * screen reader (up to 2,000 marks), and each label asked of `t` cost a chart's first draw about
 * 30 ms at 100k (traced). Only where each value stands exactly once, as
 * is (no format); otherwise every label is asked of `t`. A `count` or `context` that is not a
 * string is asked of `t` too: i18next picks a plural or a context by it.
 */
export function labelTemplateOf<P extends string>(
  t: TFunction,
  key: string,
  params: readonly P[],
): (values: Record<P, string | number>) => string {
  const ask = t as (k: string, o: Record<string, unknown>) => unknown;
  const byAsk = (values: Record<P, string | number>) => String(ask(key, values));
  // One private-use character per value stands for it while the label is resolved; no translation holds one.
  const marks = params.map((_, i) => String.fromCharCode(0xe000 + i));
  if (params.length === 0 || params.length > 0x100) return byAsk;
  const resolved = String(ask(key, Object.fromEntries(params.map((p, i) => [p, marks[i]]))));
  const texts: string[] = [];
  const order: P[] = [];
  let text = '';
  for (const ch of resolved) {
    const at = marks.indexOf(ch);
    if (at < 0) {
      text += ch;
      continue;
    }
    texts.push(text);
    order.push(params[at]!);
    text = '';
  }
  texts.push(text);
  if (order.length !== params.length || new Set(order).size !== params.length) return byAsk;
  const special = params.filter((p) => p === 'count' || p === 'context');
  return (values) => {
    if (special.some((p) => typeof values[p] !== 'string')) return byAsk(values);
    let out = texts[0]!;
    for (let i = 0; i < order.length; i++) out += `${values[order[i]!]}${texts[i + 1]!}`;
    return out;
  };
}
