import { describe, expect, it } from 'vitest';
import { LIST_SLOT, sentenceWithNames } from './name-list';

describe('sentenceWithNames: a sentence listing series names, each name a part of its own', () => {
  it('keeps every name whole and apart from the words and separators around it', () => {
    const parts = sentenceWithNames(
      `Added up as “Other”: ${LIST_SLOT}. See each one.`,
      ['Expo', 'Invoice \u202Efdp.exe', 'Referrals'],
      'en',
    );
    expect(parts.filter((p) => p.name).map((p) => p.text)).toEqual(['Expo', 'Invoice \u202Efdp.exe', 'Referrals']);
    expect(parts[0]).toEqual({ name: false, text: 'Added up as “Other”: ' });
    expect(parts[parts.length - 1]).toEqual({ name: false, text: '. See each one.' });
    // Read as plain text it is still the whole sentence.
    expect(parts.map((p) => p.text).join('')).toMatch(
      /^Added up as “Other”: Expo, Invoice \u202Efdp\.exe, Referrals\. See each one\.$/,
    );
  });

  it('lists in the language’s way, and leaves markup as text', () => {
    const zh = sentenceWithNames(`合并为“其他”：${LIST_SLOT}。`, ['<b>甲</b>', '乙'], 'zh-CN');
    expect(zh.map((p) => p.text).join('')).toBe('合并为“其他”：<b>甲</b>、乙。');
    expect(zh.filter((p) => p.name).map((p) => p.text)).toEqual(['<b>甲</b>', '乙']);
  });
});
