import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en/import.json';
import { commitLabel } from '../../../src/features/import/model/commit-label';
import { CHECK_BUTTON, COMMIT_BUTTON } from './import-labels';

describe('the labels the CSV-import bench clicks', () => {
  it('are the wizard’s English labels', async () => {
    const t = i18next.createInstance();
    await t.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
    const nf = new Intl.NumberFormat('en');
    expect(t.t('import.check')).toBe(CHECK_BUTTON);
    for (const counts of [
      { valid: 100_000, toCreate: 100_000 },
      { valid: 100_000, toCreate: 99_988 },
      { valid: 1, toCreate: 1 },
    ]) {
      expect(commitLabel(t.t, nf, counts)).toMatch(COMMIT_BUTTON);
    }
    expect('Import 12 calls').not.toMatch(COMMIT_BUTTON);
  });
});
