import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { ImportScreen } from './page-models/import';
import { readStore } from './support/idb-read';
import { encodeGb18030 } from '../src/testing/gb18030';

const OUT = process.env.E2E_OUTPUT ?? 'test-results';
const SURNAMES = '张王李赵刘陈杨黄周吴';
const GIVEN = '伟芳娜敏静丽强';

/**
 * 10,000 rows of a Chinese Excel export (GB18030, Chinese headers), good and bad mixed:
 * 100 too-short numbers, 100 future dates, 20 impossible dates, 10 ragged rows (230 rejected),
 * and 40 rows that spell the previous row's number differently (merged within the file).
 */
function chineseFile() {
  const lines = ['手机号,姓名,公司,渠道,获取时间,标签'];
  for (let i = 0; i < 10_000; i++) {
    const n = String(10_000_000 + i);
    let phone = `166${n}`;
    let at = `2025-11-${String(1 + (i % 28)).padStart(2, '0')} 09:15`;
    const name = i === 2 ? '<img src=x onerror=alert(1)>' : `${SURNAMES[i % 10]}${GIVEN[i % 7]}`;
    if (i % 100 === 7) phone = '12345';
    if (i % 100 === 13) at = '2099-01-01 09:00';
    if (i % 500 === 21) at = '2024-02-30';
    if (i % 250 === 99) phone = `+86 166 ${String(10_000_000 + i - 1).replace(/^(\d{4})/, '$1 ')}`;
    lines.push(i % 1000 === 42 ? `${phone},${name}` : `${phone},${name},北京科技有限公司,展会,${at},e2e`);
  }
  return Buffer.from(encodeGb18030(`${lines.join('\r\n')}\r\n`));
}

async function countWhere(page: Page, store: string, index: string, value: number): Promise<number> {
  return page.evaluate(
    ([s, i, v]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result
            .transaction(s as string, 'readonly')
            .objectStore(s as string)
            .index(i as string)
            .count(v);
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
        };
      }),
    [store, index, value] as const,
  );
}

test('a 10k-row GB18030 file with Chinese headers: counts, rejected-row report, commit, grid, rollback', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const page = app.page;
  const screen = new ImportScreen(page);
  await screen.open();
  const before = {
    leads: await app.countStore('leads'),
    acquisitions: await app.countStore('acquisitions'),
    sources: await app.countStore('sources'),
  };
  await page.screenshot({ path: `${OUT}/import-empty.png`, fullPage: true });
  await screen.chooseFile('线索-展会.csv', chineseFile());
  await expect(screen.select('Encoding')).toHaveValue('gb18030');
  await expect(screen.select('Delimiter')).toHaveValue(',');
  await expect(screen.preview).toContainText('北京科技有限公司');
  // Markup in a name is shown as the text it is, never rendered.
  await expect(screen.preview.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(screen.preview.locator('img')).toHaveCount(0);
  await expect(screen.select('Phone')).toHaveValue('0');
  await expect(screen.select('Acquired at')).toHaveValue('4');
  await page.screenshot({ path: `${OUT}/import-remembered-new-column.png`, fullPage: true });

  // The country suggested from the file is part of what is checked: a check started before the
  // suggestion lands is answered for other options ("Options changed since the check").
  await expect(page.getByText(/^Chosen from the file/)).toBeVisible({ timeout: 30_000 });
  // Values without an offset: the check asks for their zone instead of guessing it.
  await screen.check();
  await expect(page.getByRole('alert').filter({ hasText: 'have no time-zone offset' })).toBeVisible();
  await expect(screen.commitButton).toHaveCount(0);
  await screen.select('Time zone of values without an offset').selectOption('Asia/Shanghai');
  await screen.select('Country for numbers without a country code').selectOption('CN');
  await screen.check();
  await expect(screen.count('rows')).toHaveText('10,000');
  await expect(screen.count('valid')).toHaveText('9,770');
  await expect(screen.count('rejected')).toHaveText('230');
  await expect(screen.count('duplicates')).toHaveText('40');
  await expect(screen.count('matches')).toHaveText('0');
  await expect(screen.count('create')).toHaveText('9,730');
  await expect(page.getByText('New sources: 展会')).toBeVisible();
  const report = page.getByRole('table', { name: 'Rejected rows' });
  await expect(report.getByTestId('rejection-row').first()).toContainText('9手机号Phone number too short12345');
  await page.screenshot({ path: `${OUT}/import-checked.png`, fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('线索-展会-rejected.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('Line,Column,Reason,Code,Value');
  expect(lines).toHaveLength(231);
  expect(lines).toContain('9,手机号,Phone number too short,phone-too-short,12345');
  expect(lines).toContain('15,获取时间,Acquisition time in the future,acquired-future,2099-01-01 09:00');
  expect(lines).toContain('23,获取时间,Date does not exist,acquired-invalid-date,2024-02-30');
  expect(lines).toContain('44,,Wrong number of fields (found/expected),ragged,2/6');

  const batchId = await screen.commit();
  await page.screenshot({ path: `${OUT}/import-done.png`, fullPage: true });
  expect(await app.countStore('leads')).toBe(before.leads + 9_730);
  expect(await countWhere(page, 'leads', 'importBatchId', batchId)).toBe(9_730);
  expect(await countWhere(page, 'acquisitions', 'importBatchId', batchId)).toBe(40);

  // The leads grid, filtered to the batch, shows them with their acquisition time (stored in UTC).
  await page.getByRole('link', { name: 'View these leads' }).click();
  await expect(page.getByTestId('grid-count')).toHaveText('9,730', { timeout: 60_000 });
  await page.goto(`/leads?batch=${batchId}&q=16610000000`);
  const row = page.getByTestId('lead-row').first();
  await expect(row).toContainText('张伟', { timeout: 60_000 });
  await expect(row.locator('[title="2025-11-01T01:15:00.000Z"]')).toBeVisible();

  await screen.rollback(batchId);
  await page.screenshot({ path: `${OUT}/import-history.png`, fullPage: true });
  await expect(page.getByTestId('batch-row').first()).toContainText('Rolled back');
  expect({
    leads: await app.countStore('leads'),
    acquisitions: await app.countStore('acquisitions'),
    sources: await app.countStore('sources'),
  }).toEqual(before);
});

test('cancelling an import mid-way writes nothing', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app.page;
  const screen = new ImportScreen(page);
  const rows = Array.from(
    { length: 60_000 },
    (_, i) => `+1213${String(5_000_000 + i)},Lead ${i},2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
  );
  await screen.open();
  const before = {
    leads: await app.countStore('leads'),
    batches: await app.countStore('importBatches'),
    audit: await app.countStore('audit'),
  };
  await screen.chooseFile('big.csv', Buffer.from(`phone,name,acquired at\n${rows.join('\n')}\n`));
  await screen.check();
  await expect(page.getByRole('alert')).toHaveText(
    'Choose a default source (or type a new one), or map a source column.',
  );
  await screen.select('Default source').fill('web-forms');
  await screen.check();
  await expect(screen.count('valid')).toHaveText('60,000');
  await screen.commitButton.click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/import-progress.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cancelled. Nothing was written.' })).toBeVisible({
    timeout: 60_000,
  });
  expect({
    leads: await app.countStore('leads'),
    batches: await app.countStore('importBatches'),
    audit: await app.countStore('audit'),
  }).toEqual(before);
});

async function firstUsLead(
  page: Page,
): Promise<{ id: number; phoneE164: string; attempts: number; lastContactAt?: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('leads', 'readonly').objectStore('leads').openCursor();
          req.onsuccess = () => {
            const cursor = req.result;
            if (!cursor) return resolve({ id: 0, phoneE164: '', attempts: 0 });
            const lead = cursor.value as {
              id: number;
              phoneE164: string;
              attempts: number;
              lastContactAt?: number;
              region: string;
            };
            if (lead.region === 'US') {
              open.result.close();
              resolve(lead);
            } else cursor.continue();
          };
        };
      }),
  );
}

test("a call log updates the lead's call facts, reports an unknown number, and rolls back to the facts before", async ({
  app,
}) => {
  const page = app.page;
  const screen = new ImportScreen(page);
  await screen.open('calls');
  const lead = await firstUsLead(page);
  const log = [
    'Phone,Call time,Result,Duration,Agent',
    `${lead.phoneE164},2026-01-05 10:00,answered,2:05,Wang`,
    `${lead.phoneE164},2026-01-05 15:00,voicemail,0:20,Wang`,
    '+1 213 555 0199,2026-01-05 15:00,busy,0,Wang',
  ].join('\n');
  await screen.chooseFile('dialler.csv', Buffer.from(log));
  await expect(screen.select('Called at')).toHaveValue('1');
  await expect(screen.select('Outcome')).toHaveValue('2');
  await screen.select('Time zone of values without an offset').selectOption('America/New_York');
  await screen.check();
  await expect(screen.count('valid')).toHaveText('2');
  await expect(screen.count('create')).toHaveText('2');
  await expect(page.getByRole('table', { name: 'Rejected rows' })).toContainText(
    'No lead with this number (not created from a call log)',
  );
  await page.screenshot({ path: `${OUT}/import-calls.png`, fullPage: true });
  const batchId = await screen.commit();
  const after = await firstUsLead(page);
  expect(after.attempts).toBe(lead.attempts + 2);
  expect(after.lastContactAt).toBe(Math.max(lead.lastContactAt ?? 0, Date.UTC(2026, 0, 5, 20)));
  expect(await countWhere(page, 'calls', 'importBatchId', batchId)).toBe(2);
  await screen.rollback(batchId);
  expect(await firstUsLead(page)).toMatchObject({ attempts: lead.attempts, lastContactAt: lead.lastContactAt });
});

test('API payloads: a refused URL and an unreachable one are explained; a dropped NDJSON file is imported as "api"', async ({
  app,
}) => {
  const page = app.page;
  const screen = new ImportScreen(page);
  await page
    .context()
    .route('https://partner.example/**', (route) =>
      route.request().url().endsWith('/refused.ndjson') ? route.fulfill({ status: 403, body: 'no' }) : route.fallback(),
    );
  await screen.open('api');
  await expect(page.getByRole('link', { name: 'Lead record schema (JSON)' })).toHaveAttribute(
    'href',
    '/schema/lead-v1.json',
  );
  const url = page.getByLabel('Or fetch a payload from a URL');
  await url.fill('https://partner.example/refused.ndjson');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByRole('alert')).toHaveText('The server refused: 403 Forbidden.');
  await url.fill('http://127.0.0.1:9/leads.ndjson');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'could not be reached, or it does not allow this app to read it (CORS)',
  );
  await page.context().unroute('https://partner.example/**');

  const ndjson = [
    JSON.stringify({
      phone: '+1 213 555 0100',
      acquiredAt: '2026-02-01T09:00:00-05:00',
      name: 'Api One',
      source: 'LeadFlow API partner',
    }),
    JSON.stringify({ phone: '+1 213 555 0101', name: 'No time' }),
  ].join('\n');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'partner.ndjson', { type: 'application/x-ndjson' }));
    return dt;
  }, ndjson);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('file-name')).toHaveText('partner.ndjson');
  await screen.check();
  await expect(screen.count('valid')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'Rejected rows' })).toContainText('Required field missing');
  const batchId = await screen.commit();
  expect(await countWhere(page, 'leads', 'importBatchId', batchId)).toBe(1);
  await screen.rollback(batchId);
  await app.switchLanguage('中文');
  await expect(page.getByRole('heading', { level: 1, name: '导入历史' })).toBeVisible();
  await page.screenshot({ path: `${OUT}/import-history-zh.png`, fullPage: true });
  await app.switchLanguage('English');
});

test('an Excel workbook (.xlsx) is read as a lead file: sheet chosen, columns mapped, sheet row numbers in the report', async ({
  app,
}) => {
  const page = app.page;
  const screen = new ImportScreen(page);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Read me').addRow(['Leads are on the next sheet']);
  const sheet = wb.addWorksheet('Leads');
  sheet.addRow(['Phone', 'Name', 'Acquired at']);
  sheet.addRow([2135550140, 'Xlsx One', new Date(Date.UTC(2026, 0, 10, 9, 30))]);
  sheet.addRow(['12', 'Too short', new Date(Date.UTC(2026, 0, 10, 9, 30))]);
  sheet.getRow(5).values = [
    '+1 213 555 0141',
    { formula: 'UPPER("xlsx two")', result: 'XLSX TWO' },
    new Date(Date.UTC(2026, 0, 11, 8)),
  ];
  for (const cell of ['C2', 'C3', 'C5']) sheet.getCell(cell).numFmt = 'yyyy-mm-dd hh:mm';
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());

  await screen.open();
  await screen.chooseFile(
    'crm-export.xlsx',
    bytes,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  await expect(page.getByText('Excel workbook (.xlsx)', { exact: true })).toBeVisible();
  await expect(screen.select('Encoding')).toHaveCount(0);
  // The first sheet with rows opens; the leads are on the second.
  await expect(screen.select('Sheet')).toHaveValue('Read me');
  await screen.chooseSheet('Leads');
  await expect(screen.preview).toContainText('2135550140');
  await expect(screen.preview).toContainText('2026-01-10T09:30:00');
  await expect(screen.preview).toContainText('XLSX TWO');
  await expect(screen.select('Phone')).toHaveValue('0');
  await expect(screen.select('Acquired at')).toHaveValue('2');
  await screen.select('Time zone of values without an offset').selectOption('America/New_York');
  await screen.select('Default source').fill('web-forms');
  await screen.check();
  await expect(screen.count('rows')).toHaveText('3');
  await expect(screen.count('valid')).toHaveText('2');
  await expect(screen.count('rejected')).toHaveText('1');
  await expect(page.getByRole('table', { name: 'Rejected rows' }).getByTestId('rejection-row').first()).toContainText(
    '3PhonePhone number too short12',
  );
  await page.screenshot({ path: `${OUT}/import-xlsx.png`, fullPage: true });
  const batchId = await screen.commit();
  expect(
    (await countWhere(page, 'leads', 'importBatchId', batchId)) +
      (await countWhere(page, 'acquisitions', 'importBatchId', batchId)),
  ).toBe(2);
  await screen.rollback(batchId);
});

test('a PNG renamed .csv and a legacy .xls are named for what they are, with no preview', async ({ app }) => {
  const page = app.page;
  const screen = new ImportScreen(page);
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a0d20000000049454e44ae426082',
    'hex',
  );
  await screen.open();
  await screen.chooseFile('leads.csv', png);
  await expect(page.getByRole('alert')).toHaveText('This is a PNG image, not a CSV file.');
  await expect(screen.preview).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check file' })).toHaveCount(0);
  await page.screenshot({ path: `${OUT}/import-png.png`, fullPage: true });

  await page.getByRole('button', { name: 'Choose another file' }).click();
  await screen.chooseFile(
    'leads.xls',
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
    'application/vnd.ms-excel',
  );
  await expect(page.getByRole('alert')).toContainText(
    'This is a legacy Excel 97–2003 workbook (.xls), which is not read here. Open it in Excel, save it as .xlsx',
  );
});

/**
 * Issue 17 item 8: a Chinese Excel file (GB18030, Chinese headers, national mobile numbers)
 * opened with the settings' country US. The country is suggested from the numbers themselves
 * and pre-selected with the shares shown; the commit button counts new leads and merges; names
 * a spreadsheet would run as formulas are counted as a warning.
 */
test('the country for numbers without a code is suggested from the file and pre-selected; the commit button names new leads, rows and merges; formula-like names are warned', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  const screen = new ImportScreen(page);
  const lines = ['手机号,姓名,渠道,获取时间'];
  const formulas = ['=HYPERLINK("http://evil.example","点我")', '@SUM(1+1)', '+cmd'];
  for (let i = 0; i < 200; i++) {
    // Every 20th row repeats the previous number: 10 rows merge within the file.
    const n = i % 20 === 19 ? i - 1 : i;
    const name = i < 3 ? formulas[i]! : `${SURNAMES[i % 10]}${GIVEN[i % 7]}`;
    lines.push(`13912${String(300_000 + n)},"${name.replaceAll('"', '""')}",展会,2025-11-01T09:15:00+08:00`);
  }
  await screen.open();
  await screen.chooseFile('客户-国家建议.csv', Buffer.from(encodeGb18030(`${lines.join('\r\n')}\r\n`)));
  const region = screen.select('Country for numbers without a country code');
  const note = page.getByTestId('region-suggestion');
  await expect(note).toContainText(
    /Chosen from the file: 100% of its 200 numbers without a country code are valid in CN \(US: \d+%\)\./,
    { timeout: 30_000 },
  );
  await expect(note).toContainText("The file's language points to CN.");
  await expect(region).toHaveValue('CN');
  await page.screenshot({ path: `${OUT}/import-region-suggested.png`, fullPage: true });

  await screen.check();
  await expect(screen.count('rows')).toHaveText('200');
  await expect(screen.count('rejected')).toHaveText('0');
  await expect(screen.count('duplicates')).toHaveText('10');
  await expect(screen.count('create')).toHaveText('190');
  await expect(page.getByTestId('count-formula-like')).toContainText('Names that look like spreadsheet formulas: 3');
  await expect(page.getByTestId('warning-row').filter({ hasText: 'Looks like a spreadsheet formula' })).toHaveCount(3);
  await expect(screen.commitButton).toHaveText('Import 190 new leads (200 rows, 10 merged)');
  await page.screenshot({ path: `${OUT}/import-commit-label.png`, fullPage: true });
  await app.switchLanguage('中文');
  await expect(page.getByRole('button', { name: '导入 190 条新线索（200 行，合并 10 条）' })).toBeVisible();
  await app.switchLanguage('English');

  // The steward's own choice wins; the suggestion stays one click away.
  await region.selectOption('US');
  await expect(note).toContainText(
    /Suggestion: CN — 100% of the file's 200 numbers without a country code are valid there; in US only \d+%\./,
  );
  await expect(screen.commitButton).toHaveCount(0);
  await note.getByRole('button', { name: 'Use CN' }).click();
  await expect(region).toHaveValue('CN');
  await expect(note).toContainText("100% of the file's 200 numbers without a country code are valid in CN.");
});

test('the mapping remembered from the last file still maps a column that file did not have, and the batch rolls back', async ({
  app,
}) => {
  const page = app.page;
  const screen = new ImportScreen(page);
  const row = (phone: string, name: string, extra: string[]) =>
    [phone, name, 'Customer referrals', ...extra, '2026-05-04T10:30:00-07:00'].join(',');
  await screen.open('leads');
  await screen.chooseFile(
    'remembered-first.csv',
    Buffer.from(['phone,name,source,acquired at', row('+12133734601', 'Remembered One', [])].join('\r\n')),
  );
  await screen.check();
  const first = await screen.commit();

  // The next file adds a campaign column: the remembered columns stand, and the new one is mapped too.
  await screen.open('leads');
  await screen.chooseFile(
    'remembered-second.csv',
    Buffer.from(
      ['phone,name,source,campaign,acquired at', row('+12133734602', 'Remembered Two', ['Spring outbound'])].join(
        '\r\n',
      ),
    ),
  );
  await expect(page.getByText('Mapping remembered from the last import from this source.')).toBeVisible();
  await expect(screen.select('Phone')).toHaveValue('0');
  await expect(screen.select('Campaign')).toHaveValue('3');
  await expect(screen.select('Acquired at')).toHaveValue('4');
  await page.screenshot({ path: `${OUT}/import-remembered-new-column.png`, fullPage: true });
  await screen.check();
  const second = await screen.commit();
  const stored = await readStore<{ name: string; campaignId?: string }>(page, 'leads');
  expect(stored.find((l) => l.name === 'Remembered Two')?.campaignId).toBe('spring-outbound');

  await screen.rollback(second);
  await screen.rollback(first);
});
