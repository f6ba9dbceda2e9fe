import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { labelTemplate, labelTemplateOf } from './label-template';
import en from './en/leads.json';
import zh from './zh-CN/leads.json';

async function instance(lng: string, translation: Record<string, unknown>) {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { [lng]: { translation } }, interpolation: { escapeValue: false } });
  return i;
}

/** `i`'s t, counting how often it is asked. */
function counting(i: Awaited<ReturnType<typeof instance>>) {
  let calls = 0;
  const t = ((k: string, o?: Record<string, unknown>) => {
    calls++;
    return i.t(k, o);
  }) as unknown as typeof i.t;
  return { t, calls: () => calls };
}

describe('labelTemplate', () => {
  it("answers as t does for the grid's row labels, in both languages", async () => {
    for (const [lng, leads] of [
      ['en', en],
      ['zh-CN', zh],
    ] as const) {
      const i = await instance(lng, { leads });
      const label = labelTemplate(i.t, 'leads.selectRow', 'index');
      for (const n of [1, 2, 10, 999, 100_000, 1_000_000]) expect(label(n)).toBe(i.t('leads.selectRow', { index: n }));
      expect(label(1)).not.toContain('\u0001');
    }
  });

  it('asks t once, however many labels it makes', async () => {
    const i = await instance('en', { row: 'Row {{n}} of the grid' });
    const counted = counting(i);
    const label = labelTemplate(counted.t, 'row', 'n');
    for (let n = 0; n < 500; n++) expect(label(n)).toBe(`Row ${n} of the grid`);
    expect(counted.calls()).toBe(1);
  });

  it('falls back to t where the value is not interpolated exactly once', async () => {
    const i = await instance('en', { twice: '{{n}} and {{n}}', none: 'No value' });
    expect(labelTemplate(i.t, 'twice', 'n')(3)).toBe('3 and 3');
    expect(labelTemplate(i.t, 'none', 'n')(3)).toBe('No value');
    expect(labelTemplate(i.t, 'missing', 'n')(3)).toBe(i.t('missing', { n: 3 }));
  });
});

describe('labelTemplateOf', () => {
  it("answers as t does for the cohort chart's bar labels, in both languages, whatever the values' order", async () => {
    const cohortsEn = (await import('./en/cohorts.json')).default;
    const cohortsZh = (await import('./zh-CN/cohorts.json')).default;
    for (const [lng, cohorts] of [
      ['en', cohortsEn],
      ['zh-CN', cohortsZh],
    ] as const) {
      const i = await instance(lng, { cohorts });
      const bar = labelTemplateOf(i.t, 'cohorts.legible.bar', [
        'cohort',
        'series',
        'metric',
        'value',
        'ratio',
        'count',
      ]);
      const ratio = labelTemplateOf(i.t, 'cohorts.tooltip.ratio', ['numerator', 'denominator']);
      for (const [n, d] of [
        [0, 0],
        [3, 40],
        [1_234, 56_789],
      ] as const) {
        expect(ratio({ numerator: n, denominator: d })).toBe(
          i.t('cohorts.tooltip.ratio', { numerator: n, denominator: d }),
        );
        const values = {
          cohort: 'Mar 2026',
          series: 'Web form',
          metric: 'Connect rate',
          value: '41.2%',
          ratio: ` (${n} of ${d})`,
          count: '1,204',
        };
        expect(bar(values)).toBe(i.t('cohorts.legible.bar', values));
      }
      // zh-CN puts the denominator first: the order is the translation's, not the list's.
      if (lng === 'zh-CN') expect(ratio({ numerator: 1, denominator: 2 }).indexOf('2')).toBeLessThan(1);
    }
  });

  it('asks t once, however many labels it makes', async () => {
    const i = await instance('en', { mark: '{{b}} before {{a}}, {{c}}.' });
    const counted = counting(i);
    const label = labelTemplateOf(counted.t, 'mark', ['a', 'b', 'c']);
    for (let n = 0; n < 300; n++) expect(label({ a: n, b: 'x', c: '' })).toBe(`x before ${n}, .`);
    expect(counted.calls()).toBe(1);
  });

  it('asks t for a count that is a number (a plural), and fills in a count that is text', async () => {
    const i = await instance('en', { n_one: '{{count}} lead in {{where}}', n_other: '{{count}} leads in {{where}}' });
    const label = labelTemplateOf(i.t, 'n', ['count', 'where']);
    expect(label({ count: 1, where: 'UK' })).toBe('1 lead in UK');
    expect(label({ count: 3, where: 'UK' })).toBe('3 leads in UK');
    expect(label({ count: '3', where: 'UK' })).toBe(i.t('n', { count: '3', where: 'UK' }));
  });

  it('falls back to t where a value is not interpolated exactly once, or not at all', async () => {
    const i = await instance('en', { twice: '{{a}} and {{a}}, {{b}}', missing: 'Only {{a}}', none: 'Nothing' });
    expect(labelTemplateOf(i.t, 'twice', ['a', 'b'])({ a: 1, b: 2 })).toBe('1 and 1, 2');
    expect(labelTemplateOf(i.t, 'missing', ['a', 'b'])({ a: 1, b: 2 })).toBe('Only 1');
    expect(labelTemplateOf(i.t, 'none', ['a'])({ a: 1 })).toBe('Nothing');
  });
});
