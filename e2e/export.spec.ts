import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

const toArgs = (o: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

test('export a filtered view as CSV and XLSX and read both back', async ({ app }) => {
  const page = app.page;
  await app.open(
    `/export?${toArgs({ source: ['wechat-mini'], cols: ['phone', 'name', 'company', 'source', 'acquiredAt'] })}`,
  );
  await expect(page.getByTestId('export-count')).toContainText(/\d+ leads match/);
  const expected = Number(
    (await page.getByTestId('export-count').innerText()).match(/([\d,]+) leads/)![1]!.replace(/,/g, ''),
  );
  expect(expected).toBeGreaterThan(100);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^leads_\d{4}-\d{2}-\d{2}_\d{4}_source-wechat-mini\.csv$/);
  const text = readFileSync(await csvDownload.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  // Headers a person reads, in their language, the time column naming its zone (the organisation's); sources by name.
  expect(rows[0]).toEqual(['Phone (E.164)', 'Name', 'Company', 'Source', 'Acquired at (America/New_York)']);
  expect(rows.length - 1).toBe(expected);
  expect(rows.slice(1).every((r) => r[0]!.startsWith('+86') && r[3] === 'WeChat mini-program (CN)')).toBe(true);
  expect(rows.slice(1).some((r) => /[\u4e00-\u9fff]/.test(r[1]!))).toBe(true);
  expect(rows[1]![4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  await expect(page.getByTestId('export-done')).toBeVisible();
  // Every lead of the file was read off the engine's columns (no IndexedDB read per lead).
  await expect(page.getByTestId('export-done')).toHaveAttribute('data-leads-from-engine', String(expected));
  await page.screenshot({ path: test.info().outputPath('export-done.png') });
  // The audit chain head the export was made at, to anchor the trail outside the browser.
  await expect(page.getByTestId('export-chain-head')).toContainText(/[0-9a-f]{64}/);

  await page.getByLabel('Format', { exact: true }).selectOption('xlsx');
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export XLSX' }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsxDownload.path());
  const sheet = wb.worksheets[0]!;
  expect(sheet.rowCount - 1).toBe(expected);
  expect(sheet.getRow(1).getCell(1).value).toBe('Phone (E.164)');
  expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^\+86\d+$/);
  // Acquisition times are real dates (a date number format), on the organisation zone's wall clock as in the CSV.
  const acquired = sheet.getRow(2).getCell(5);
  expect(acquired.value).toBeInstanceOf(Date);
  expect(acquired.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  expect((acquired.value as Date).toISOString().slice(0, 19)).toBe(rows[1]![4]!.slice(0, 19));

  await expect(page.getByTestId('export-history').locator('li').first()).toContainText('.xlsx');
  await app.nav(/^Audit$/).click();
  await expect(page.getByTestId('audit-row').first()).toContainText('export');
});

test('a call list holds no blocked number, and its exclusion counts match the file', async ({ app }) => {
  const page = app.page;
  await app.open(
    `/export?${toArgs({ kind: 'call-list', source: ['web-forms', 'datamax-list'], cols: ['phone', 'name', 'dncStatus', 'callable', 'reasons'] })}`,
  );
  const preview = page.getByTestId('call-list-preview');
  await expect(preview).toBeVisible({ timeout: 60_000 });
  const included = Number((await page.getByTestId('call-list-included').innerText()).replace(/\D/g, ''));
  const excluded = Number((await page.getByTestId('call-list-excluded').innerText()).replace(/\D/g, ''));
  expect(excluded).toBeGreaterThan(0);
  await expect(page.getByTestId('excluded-dnc-listed')).toBeVisible();
  await expect(page.getByTestId('excluded-consent-expired')).toBeVisible();
  await page.screenshot({ path: 'test-results/call-list-preview.png', fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^call-list_/);
  const rows = Papa.parse<string[]>(readFileSync(await download.path(), 'utf8').slice(1), {
    skipEmptyLines: true,
  }).data.slice(1);
  expect(rows.length).toBe(included);
  for (const [, , dnc, callable, reasons] of rows) {
    expect(dnc).not.toBe('listed');
    expect(callable).toBe('yes');
    expect(reasons).not.toMatch(
      /dnc-listed|consent-expired|consent-missing|consent-withdrawn|retention-expired|dnc-check-stale/,
    );
  }
  // The excluded count of a reason opens exactly those leads in the grid.
  const dncCount = Number((await page.getByTestId('excluded-dnc-listed').innerText()).replace(/\D/g, ''));
  await page.getByTestId('excluded-dnc-listed').getByRole('link').click();
  await expect(page).toHaveURL(/reason=.*dnc-listed/);
  await expect
    .poll(async () => Number((await page.getByTestId('grid-count').innerText()).replace(/\D/g, '')))
    .toBe(dncCount);
});

test('a call list is refused with a stale DNC copy unless overridden with a reason', async ({ app }) => {
  const page = app.page;
  // Judge the list 40 days from now: the national copy (published 12 days ago) is then 52 days old.
  const at = Date.now() + 40 * 86_400_000;
  await app.open(`/export?${toArgs({ kind: 'call-list', source: ['referrals'], at: String(at) })}`);
  await expect(page.getByRole('alert').filter({ hasText: 'older than the policy allows' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await page
    .getByLabel(/Override with a written reason/)
    .fill('Regulator-approved test campaign, list refresh pending');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^call-list_/);
  await expect(page.getByTestId('export-history').locator('li').first()).toContainText('Override');
});

test('back up, wipe, restore, and every count is back', async ({ app }) => {
  const page = app.page;
  await app.open('/export');
  const before = {
    leads: await app.countStore('leads'),
    calls: await app.countStore('calls'),
    consents: await app.countStore('consents'),
  };
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Write backup file' }).click(),
  ]);
  const file = await download.path();
  await expect(page.getByText(/Backup written/)).toBeVisible();

  await app.nav(/^Settings$/).click();
  await page.getByRole('button', { name: 'Start with an empty database' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start with an empty database' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toBeVisible();
  expect(await app.countStore('leads')).toBe(0);

  await app.nav(/^Export$/).click();
  await page.getByLabel('Restore from file…').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"leadledger-backup"'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be restored' })).toBeVisible();
  expect(await app.countStore('leads')).toBe(0);

  // Choosing the file only checks it; the confirmation names what will be replaced before anything is written.
  await page.getByLabel('Restore from file…').setInputFiles(file);
  const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(confirm).toBeVisible({ timeout: 90_000 });
  expect(await app.countStore('leads')).toBe(0);
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText(/^Restored/)).toBeVisible({ timeout: 60_000 });
  expect({
    leads: await app.countStore('leads'),
    calls: await app.countStore('calls'),
    consents: await app.countStore('consents'),
  }).toEqual(before);
});

test('a call list asked for a past "Callable at" is judged with everything known now: a number put on the DNC list since is not in it', async ({
  app,
}) => {
  const page = app.page;
  const yesterday = Date.now() - 86_400_000;
  // A past "Callable at" is judged now, calling hours included: take a source whose leads are
  // inside their hours now — Chinese leads (08:00–20:00 in Shanghai) before noon UTC, US referrals
  // (from 08:00 in New York to 21:00 in Honolulu) after — and between the two (12:00–13:00 UTC in
  // winter, when neither is open) the UK partner's leads (no calling-hours rule in the UK preset).
  const preferred = new Date().getUTCHours() < 12 ? 'wechat-mini' : 'referrals';
  const listUrl = (source: string) =>
    `/export?${toArgs({ kind: 'call-list', source: [source], cols: ['phone', 'name'], at: String(yesterday) })}`;
  const includedFor = async (source: string) => {
    await app.open(listUrl(source));
    await expect(page.getByTestId('call-list-preview')).toBeVisible({ timeout: 60_000 });
    return Number((await page.getByTestId('call-list-included').innerText()).replace(/\D/g, ''));
  };
  let source = preferred;
  for (const candidate of [preferred, 'uk-partner']) {
    source = candidate;
    if ((await includedFor(candidate)) > 0) break;
  }
  const url = listUrl(source);
  const callList = async () => {
    await app.open(url);
    await expect(page.getByTestId('call-list-preview')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('call-list-moved')).toBeVisible();
    const included = Number((await page.getByTestId('call-list-included').innerText()).replace(/\D/g, ''));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const phones = Papa.parse<string[]>(readFileSync(await download.path(), 'utf8').slice(1), { skipEmptyLines: true })
      .data.slice(1)
      .map((r) => r[0]!);
    expect(phones.length).toBe(included);
    return phones;
  };
  const before = await callList();
  const phone = before[0]!;
  expect(phone).toMatch(/^\+\d{8,15}$/);

  // The person asks not to be called again: on the internal list now.
  await page.goto('/compliance/dnc');
  const form = page.getByRole('form', { name: 'Add a number to the internal list' });
  await form.getByLabel('Phone number').fill(phone);
  await form.getByRole('button', { name: 'Add to internal list' }).click();
  await expect(form.getByRole('status')).toBeVisible();

  const after = await callList();
  expect(after).not.toContain(phone);
  expect(after.length).toBe(before.length - 1);
});

/** Issue 17 item 12: files people read — headers in their language, a machine header row on request. */
test('export headers are in the reader’s language (中文 too), with the zone named; the machine header row holds the keys', async ({
  app,
}) => {
  const page = app.page;
  const cols = ['phone', 'source', 'campaign', 'acquiredAt', 'lastContactAt'];
  await app.open(`/export?${toArgs({ source: ['wechat-mini'], cols, tz: 'Asia/Shanghai' })}`);
  await expect(page.getByTestId('export-count')).toContainText(/\d+ leads match/, { timeout: 60_000 });
  const csvOf = async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export CSV|导出 CSV/ }).click(),
    ]);
    return Papa.parse<string[]>(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
  };
  await app.switchLanguage('中文');
  try {
    const zh = await csvOf();
    expect(zh[0]).toEqual(['电话（E.164）', '来源', '活动', '获取时间 (Asia/Shanghai)', '最近联系 (Asia/Shanghai)']);
    // Values in the chosen zone: an offset of +08:00.
    expect(zh[1]![3]).toMatch(/\+08:00$/);
  } finally {
    await app.switchLanguage('English');
  }
  await page.getByRole('checkbox', { name: /Machine header row/ }).check();
  await expect(page).toHaveURL(/mh=true/);
  const machine = await csvOf();
  expect(machine[0]).toEqual(cols);
  // Campaigns by name too: no cell of the campaign column is an id that has a name.
  expect(machine.slice(1).some((r) => r[2] !== '')).toBe(true);
  expect(
    machine.slice(1).every((r) => ['', 'Spring outbound', 'Expo follow-up', 'Q4 reactivation'].includes(r[2]!)),
  ).toBe(true);
});

/** Issue 17 item 12: exclusion counts that overlap say so; a grid already filtered to "callable now" says what it removed. */
test('a call list explains overlapping reasons, and what a "callable now" filter already removed', async ({ app }) => {
  const page = app.page;
  const filter = { source: ['web-forms', 'datamax-list'] };
  await app.open(`/export?${toArgs({ kind: 'call-list', ...filter })}`);
  await expect(page.getByTestId('call-list-preview')).toBeVisible({ timeout: 60_000 });
  const num = async (id: string) => Number((await page.getByTestId(id).innerText()).replace(/\D/g, ''));
  const excluded = await num('call-list-excluded');
  const included = await num('call-list-included');
  let sum = 0;
  for (const li of await page.locator('[data-testid^="excluded-"]').all())
    sum += Number((await li.locator('span.tabular-nums').innerText()).replace(/\D/g, ''));
  // The demo data has leads blocked for more than one reason (anti-vacuity), and the screen says so.
  expect(sum).toBeGreaterThan(excluded);
  await expect(page.getByTestId('reasons-overlap')).toHaveText(
    `${excluded.toLocaleString('en-US')} excluded — reasons overlap: a lead can count under several (the reasons above add up to ${sum.toLocaleString('en-US')}).`,
  );

  // The same leads, with the grid's "callable now" filter: the list excludes nothing more, and says what the filter removed.
  await app.open(`/export?${toArgs({ kind: 'call-list', ...filter, callable: 'yes' })}`);
  const note = page.getByTestId('filter-removed');
  await expect(note).toContainText(
    /The grid is filtered to “callable now”: that filter already removed [\d,]+ of [\d,]+ leads before this list/,
    { timeout: 60_000 },
  );
  const [, removed, total] = (await note.locator('p').first().innerText())
    .match(/removed ([\d,]+) of ([\d,]+)/)!
    .map((s) => Number(s.replace(/,/g, '')));
  expect(total).toBe(included + excluded);
  expect(removed).toBe(excluded);
  await expect(note.getByTestId('filter-removed-dnc-listed')).toBeVisible();
  await page.screenshot({
    path: `${process.env.E2E_OUTPUT ?? 'test-results'}/call-list-filter-removed.png`,
    fullPage: true,
  });
});
