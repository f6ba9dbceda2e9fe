import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../testing/gb18030';
import { decodeStrict, detectEncoding } from './encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2 + (bigEndian ? 1 : 0)] = u & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = u >> 8;
  });
  return out;
}
const windows1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (bytes: Uint8Array) => {
  const guess = detectEncoding(bytes);
  const decoded = decodeStrict(bytes, guess.encoding);
  return { ...guess, text: decoded.ok ? decoded.text : null };
};

describe('detectEncoding + decodeStrict', () => {
  it('reads plain UTF-8', () => {
    expect(text(utf8('phone,name\n+8613800000000,张三\n'))).toEqual({
      encoding: 'utf-8',
      bom: false,
      text: 'phone,name\n+8613800000000,张三\n',
    });
  });
  it('drops a UTF-8 byte order mark so the first header is "phone", not "\\uFEFFphone"', () => {
    const r = text(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('phone,name\n')]));
    expect(r).toEqual({ encoding: 'utf-8', bom: true, text: 'phone,name\n' });
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(text(utf16('电话,姓名\n1,张\n', false, true))).toEqual({
      encoding: 'utf-16le',
      bom: true,
      text: '电话,姓名\n1,张\n',
    });
    expect(text(utf16('电话,姓名\n1,张\n', true, true))).toEqual({
      encoding: 'utf-16be',
      bom: true,
      text: '电话,姓名\n1,张\n',
    });
  });
  it('recognises UTF-16 LE without a BOM by its zero bytes', () => {
    expect(text(utf16('phone,name\n2133734253,Ann\n', false, false)).encoding).toBe('utf-16le');
  });
  it('recognises GB18030 from Chinese Excel: strict UTF-8 fails, GB18030 reads Chinese', () => {
    const bytes = encodeGb18030('电话,姓名,获取时间\n13800138000,张三,2024-03-04\n');
    expect(text(bytes)).toEqual({
      encoding: 'gb18030',
      bom: false,
      text: '电话,姓名,获取时间\n13800138000,张三,2024-03-04\n',
    });
  });
  it('falls back to Windows-1252 for Western Excel bytes, even where GBK would decode them', () => {
    expect(text(windows1252('name;company\nMüller;Café Zoë\n'))).toEqual({
      encoding: 'windows-1252',
      bom: false,
      text: 'name;company\nMüller;Café Zoë\n',
    });
  });
  it('refuses a decoding that would need U+FFFD instead of inventing characters', () => {
    expect(decodeStrict(windows1252('Müller'), 'utf-8')).toEqual({ ok: false, problem: 'undecodable' });
  });
});
