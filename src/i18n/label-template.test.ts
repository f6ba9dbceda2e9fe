import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { labelTemplate } from './label-template';
import en from './en/leads.json';
import zh from './zh-CN/leads.json';

async function instance(lng: string, translation: Record<string, unknown>) {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { [lng]: { translation } }, interpolation: { escapeValue: false } });
  return i;
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
    let calls = 0;
    const counting = ((k: string, o?: Record<string, unknown>) => {
      calls++;
      return i.t(k, o);
    }) as unknown as typeof i.t;
    const label = labelTemplate(counting, 'row', 'n');
    for (let n = 0; n < 500; n++) expect(label(n)).toBe(`Row ${n} of the grid`);
    expect(calls).toBe(1);
  });

  it('falls back to t where the value is not interpolated exactly once', async () => {
    const i = await instance('en', { twice: '{{n}} and {{n}}', none: 'No value' });
    expect(labelTemplate(i.t, 'twice', 'n')(3)).toBe('3 and 3');
    expect(labelTemplate(i.t, 'none', 'n')(3)).toBe('No value');
    expect(labelTemplate(i.t, 'missing', 'n')(3)).toBe(i.t('missing', { n: 3 }));
  });
});
