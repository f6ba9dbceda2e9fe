import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sniffFileType, zipEntryNames } from './file-signature';
import { storedZip } from './stored-zip.test-kit';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFileType', () => {
  it.each([
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]],
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]],
    ['gif', [...text('GIF89a'), 1, 0, 1, 0]],
    ['pdf', [...text('%PDF-1.7\n%âãÏÓ\n')]],
    ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]],
  ] as const)('names a %s by its signature', (type, bytes) => {
    expect(sniffFileType(Uint8Array.from(bytes))).toBe(type);
  });

  it('tells an Excel workbook from a plain ZIP archive by the entries inside', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Leads').addRow(['phone']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(sniffFileType(xlsx)).toBe('xlsx');
    expect(sniffFileType(storedZip({ 'notes.txt': 'phone\n2133734253\n', 'photo.png': 'x' }))).toBe('zip');
  });

  it('a NUL byte in the header line is binary data; a stray NUL in a data row is left to the row checks', () => {
    expect(sniffFileType(text('pho\u0000ne,name\n2133734253,Ann\n'))).toBe('binary');
    expect(sniffFileType(text('phone,name\n2133734253,Ann\u0000Lee\n'))).toBe('text');
    expect(sniffFileType(text(`phone,name\n${'2133734253,A\u0000\n'.repeat(40)}`))).toBe('binary');
  });

  it('UTF-16 text is text, although half its bytes are zero', () => {
    const bytes = Uint8Array.from([...'phone,name\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(sniffFileType(bytes, true)).toBe('text');
    expect(sniffFileType(bytes)).toBe('binary');
  });

  it('ordinary CSV, JSON and NDJSON are text', () => {
    for (const s of ['phone,name\n2133734253,Ann\n', '[{"phone":"1"}]', '{"a":1}\n{"a":2}\n', 'P'])
      expect(sniffFileType(text(s))).toBe('text');
  });
});
