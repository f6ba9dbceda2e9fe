import { describe, expect, it } from 'vitest';
import { exportHeader } from './export-header';

const LABELS: Record<string, string> = {
  phone: 'Phone (E.164)',
  name: 'Name',
  acquiredAt: 'Acquired at',
  lastContactAt: 'Last contact',
  source: 'Source',
};
const zh: Record<string, string> = { phone: '电话（E.164）', name: '姓名', acquiredAt: '获取时间' };

describe('exportHeader', () => {
  it('names columns in the reader’s language, and the zone of every time column', () => {
    expect(
      exportHeader(['phone', 'name', 'acquiredAt', 'lastContactAt', 'source'], (c) => LABELS[c]!, 'America/New_York'),
    ).toEqual(['Phone (E.164)', 'Name', 'Acquired at (America/New_York)', 'Last contact (America/New_York)', 'Source']);
    expect(exportHeader(['phone', 'name', 'acquiredAt'], (c) => zh[c]!, 'Asia/Shanghai')).toEqual([
      '电话（E.164）',
      '姓名',
      '获取时间 (Asia/Shanghai)',
    ]);
  });
  it('the machine header row holds the stable keys, whatever the language', () => {
    expect(exportHeader(['phone', 'acquiredAt', 'source'], (c) => zh[c] ?? c, 'Asia/Shanghai', true)).toEqual([
      'phone',
      'acquiredAt',
      'source',
    ]);
  });
});
