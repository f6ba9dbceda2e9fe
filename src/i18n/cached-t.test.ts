import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { cachedT } from './cached-t';

async function instance(lng: string) {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: {
      en: { translation: { hello: 'Hello', months_one: '{{count}} month', months_other: '{{count}} months' } },
      zh: { translation: { hello: '你好', months_other: '{{count}} 个月' } },
    },
  });
  return i;
}

describe('cachedT', () => {
  it('answers as t does, plural and interpolation included', async () => {
    const i = await instance('en');
    const ct = cachedT(i.t);
    for (const count of [1, 2, 1, 7, 2]) expect(ct('months', { count })).toBe(i.t('months', { count }));
    expect(ct('hello')).toBe('Hello');
    expect(ct('hello')).toBe('Hello');
    expect(ct('missing.key')).toBe(i.t('missing.key'));
  });

  it('asks i18next once per distinct call', async () => {
    const i = await instance('en');
    let calls = 0;
    const counting = ((k: string, o?: Record<string, unknown>) => {
      calls++;
      return i.t(k, o);
    }) as unknown as typeof i.t;
    const ct = cachedT(counting);
    for (let n = 0; n < 100; n++) {
      ct('hello');
      ct('months', { count: n % 3 });
    }
    expect(calls).toBe(4);
  });

  it('a new t (a language switch) starts a new cache', async () => {
    const en = await instance('en');
    const zh = await instance('zh');
    expect(cachedT(en.t)('hello')).toBe('Hello');
    expect(cachedT(zh.t)('hello')).toBe('你好');
    expect(cachedT(zh.t)('months', { count: 3 })).toBe('3 个月');
  });
});
