import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../i18n/en/import.json';
import zh from '../../../i18n/zh-CN/import.json';
import { commitLabel } from './commit-label';

async function label(lang: 'en' | 'zh-CN', valid: number, toCreate: number) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: lang,
    resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
    interpolation: { escapeValue: false },
  });
  return commitLabel(i18n.t, new Intl.NumberFormat(lang), { valid, toCreate });
}

describe('commitLabel', () => {
  it('names new leads first, then rows and merges, as the issue asks', async () => {
    expect(await label('en', 9_250, 9_050)).toBe('Import 9,050 new leads (9,250 rows, 200 merged)');
    expect(await label('zh-CN', 9_250, 9_050)).toBe('导入 9,050 条新线索（9,250 行，合并 200 条）');
  });
  it('singular forms, and no merge part when nothing merges', async () => {
    expect(await label('en', 1, 1)).toBe('Import 1 new lead (1 row)');
    expect(await label('zh-CN', 1, 1)).toBe('导入 1 条新线索（1 行）');
  });
  it('a file that only updates stored leads says so: 0 new, every row merged', async () => {
    expect(await label('en', 20, 0)).toBe('Import 0 new leads (20 rows, 20 merged)');
  });
});
