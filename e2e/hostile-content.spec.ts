import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportScreen } from './page-models/import';
import { INJECTED_SELECTORS, TEN_THOUSAND, XSS_CORPUS, type CorpusField, type Payload } from './support/xss-corpus';
import { assertNoSecurityIncidents, guardPage } from './support/security-guard';

/**
 * Hostile content (DESIGN.md §7): an XSS corpus imported through the real wizard as names,
 * companies, tags, sources and campaigns (and as the file's name) is shown as the text it is on
 * every screen, opens no dialog, breaks no Content-Security-Policy rule, adds no element, and
 * leaves every link http(s) or inside the app; exports keep it as text with formulas neutralised.
 * The shared fixture fails the test on any CSP violation or dialog.
 */

const FILE_NAME = '"><img src=x onerror=alert(17)>leads.csv';
const AT = '2026-11-02T10:00:00Z';
const COLUMNS = ['phone', 'name', 'company', 'source', 'campaign', 'tags'];

const fits = (p: Payload, f: CorpusField) => p.fields.includes(f);
const cellOf = (p: Payload, f: CorpusField, fallback: string) => (fits(p, f) ? p.text : fallback);
const phoneOf = (i: number) => `+1646300${String(1000 + i)}`;
const csvCell = (v: string) => `"${v.replaceAll('"', '""')}"`;

function corpusCsv(): Buffer {
  const rows = [['phone', 'name', 'company', 'source', 'campaign', 'tags', 'acquired at']];
  XSS_CORPUS.forEach((p, i) =>
    rows.push([
      phoneOf(i),
      cellOf(p, 'name', `Lead ${p.id}`),
      cellOf(p, 'company', ''),
      cellOf(p, 'source', 'Hostile neutral source'),
      cellOf(p, 'campaign', ''),
      cellOf(p, 'tags', ''),
      AT,
    ]),
  );
  rows.push([phoneOf(900), TEN_THOUSAND, '', 'Hostile neutral source', '', '', AT]);
  return Buffer.from(`${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
}

/** What a spreadsheet-safe export holds for `text` (src/domain/import-export/formula-escape.ts). */
const neutralised = (text: string) =>
  text
    .split('\n')
    .map((line) => (/^[ ]*[=+\-@\t\r\0]/.test(line) ? `'${line}` : line))
    .join('\n');

/** Nothing from a payload became an element, and every link is http(s) or the app's own. */
async function expectInert(page: Page, screen: string) {
  for (const selector of INJECTED_SELECTORS)
    expect(await page.locator(selector).count(), `${screen}: ${selector}`).toBe(0);
  const hrefs = await page.locator('a[href]').evaluateAll((links) =>
    links.map((a) => ({
      raw: a.getAttribute('href') ?? '',
      protocol: (a as HTMLAnchorElement).protocol,
      origin: (a as HTMLAnchorElement).origin,
    })),
  );
  for (const { raw, protocol, origin } of hrefs) {
    expect(['http:', 'https:'], `${screen}: link ${raw}`).toContain(protocol);
    if (!/^https?:\/\//i.test(raw)) expect(origin, `${screen}: relative link ${raw}`).toBe(new URL(page.url()).origin);
  }
  // The payloads' <style> would hide the page if it had been parsed.
  await expect(page.locator('main')).toBeVisible();
}

/** Every payload meant for `field` is on screen as its literal text. */
async function expectTexts(page: Page, field: CorpusField, within = page.locator('body')) {
  for (const p of XSS_CORPUS.filter((q) => fits(q, field) && !q.text.includes('\n')))
    await expect(within.getByText(p.text, { exact: false }).first(), `${field} ${p.id}`).toBeAttached();
}

async function batchLeadIds(page: Page, batchId: number): Promise<{ id: number; name: string }[]> {
  return page.evaluate(
    (batch) =>
      new Promise<{ id: number; name: string }[]>((resolve, reject) => {
        const open = indexedDB.open('leadledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result
            .transaction('leads', 'readonly')
            .objectStore('leads')
            .index('importBatchId')
            .getAll(batch);
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { id: number; name: string }[]).map(({ id, name }) => ({ id, name })));
          };
        };
      }),
    batchId,
  );
}

test('an XSS corpus imported as names, companies, tags, sources and campaigns is inert text on every screen and in exports', async ({
  app,
}) => {
  // Every screen in turn, on a loaded machine; the cohorts step (legend, 'Other' note, tooltip, small multiples, table) adds a minute or two.
  test.setTimeout(450_000);
  const page = app.page;
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1600, height: 2400 });
  const screen = new ImportScreen(page);

  await test.step('import through the wizard', async () => {
    await screen.open('leads');
    await screen.chooseFile(FILE_NAME, corpusCsv());
    await expect(screen.preview.getByText(XSS_CORPUS[0]!.text).first()).toBeVisible();
    await expectInert(page, 'import preview');
    await screen.check();
    await expect(screen.count('rows')).toHaveText(String(XSS_CORPUS.length + 1));
    await expect(screen.count('rejected')).toHaveText('1');
    // The 10,000-character name is refused with its line, and shown as text.
    const report = page.getByRole('table', { name: 'Rejected rows' });
    // Its line: the header, one per payload, and the extra lines of multi-line cells.
    const line = 2 + XSS_CORPUS.length + XSS_CORPUS.filter((p) => p.text.includes('\n')).length;
    const row = report.getByRole('row').filter({ hasText: 'Name longer than 200 characters' });
    await expect(row.getByRole('cell').first()).toHaveText(String(line));
    await expect(row).toContainText('<img src=x onerror=alert(16)>');
    await expectInert(page, 'import check');
  });
  const batchId = await screen.commit();
  await expectInert(page, 'import done');
  const leads = await batchLeadIds(page, batchId);
  expect(leads).toHaveLength(XSS_CORPUS.length);
  // Stored exactly as written: nothing stripped or "sanitised" away.
  for (const p of XSS_CORPUS.filter((q) => fits(q, 'name'))) expect(leads.map((l) => l.name)).toContain(p.text);

  await test.step('leads grid', async () => {
    await page.goto(`/leads?batch=${batchId}&cols=${encodeURIComponent(JSON.stringify(COLUMNS))}`);
    await expect(page.getByTestId('grid-count')).toContainText(String(XSS_CORPUS.length), { timeout: 60_000 });
    const grid = page.getByTestId('lead-row');
    await expect(grid).toHaveCount(XSS_CORPUS.length);
    for (const field of ['name', 'company', 'source', 'campaign', 'tags'] as const)
      await expectTexts(page, field, grid);
    await expectInert(page, 'grid');
    await page.screenshot({ path: `${test.info().outputDir}/hostile-grid.png` });
  });

  await test.step('lead drawer', async () => {
    for (const id of ['script-tag', 'img-onerror', 'rtl-override']) {
      const p = XSS_CORPUS.find((q) => q.id === id)!;
      const lead = leads.find((l) => l.name === p.text)!;
      await page.goto(`/leads?batch=${batchId}&lead=${lead.id}`);
      const drawer = page.getByRole('dialog');
      await expect(drawer.getByRole('heading', { name: p.text })).toBeVisible({ timeout: 60_000 });
      await expect(drawer.getByText(p.text).first()).toBeVisible();
      await expectInert(page, `drawer ${id}`);
    }
    await page.screenshot({ path: `${test.info().outputDir}/hostile-drawer.png` });
  });

  await test.step('cohorts chart split by source: legend, "Other" breakdown, tooltip, small multiples, table', async () => {
    // The chart names the six sources with most leads (the demo's) and adds the rest up as one grey "Other";
    // the corpus's sources, with a lead or a few each, are among the rest, and the note under the pager names them.
    await page.goto('/cohorts?grain=month&split=source&metric=leads');
    await expect(page.getByTestId('cohorts-computed')).toBeVisible({ timeout: 60_000 });
    const chart = page.getByTestId('cohort-chart');
    const legend = chart.locator('.recharts-legend-item-text');
    await expect(legend.last()).toHaveText('Other');
    const other = page.getByTestId('chart-other');
    await expect(other).toBeVisible();
    await expectTexts(page, 'source', other);
    await expect(other).toContainText('Hostile neutral source');
    // Each name is bidi-isolated: the right-to-left override in one cannot reverse the names after it.
    const rtl = XSS_CORPUS.find((p) => p.id === 'rtl-override')!.text;
    await expect(other.locator('bdi').filter({ hasText: rtl })).toHaveText(rtl);
    expect(await other.locator('bdi').count()).toBeGreaterThanOrEqual(
      XSS_CORPUS.filter((p) => fits(p, 'source')).length + 1,
    );
    await expectInert(page, 'cohorts chart: legend and Other note');

    // November 2026 holds the corpus: its "Other" bar counts their leads, and its tooltip and accessible name say "Other".
    const bar = chart.getByRole('button', { name: /^Nov 2026 · Other: Leads / });
    await bar.hover();
    const tip = page.getByTestId('cohort-tooltip');
    await expect(tip).toBeVisible();
    await expect(tip.getByTestId('tooltip-series')).toHaveText('Other');
    await expect(tip.getByTestId('tooltip-value')).toHaveText(/^[\d,]+$/);
    await expectInert(page, 'cohorts chart tooltip');
    await page.screenshot({ path: `${test.info().outputDir}/hostile-cohorts.png` });

    // Small multiples: a panel per source (named by its heading), the rest again as "Other".
    await page.getByRole('button', { name: 'Small multiples' }).click();
    await expect(page.getByTestId('small-multiple').first()).toBeVisible();
    await expect(page.getByTestId('small-multiple').last().getByRole('heading')).toHaveText('Other');
    await expectInert(page, 'cohorts small multiples');

    // The table view names every source, each hostile name as the text it is.
    await page.goto('/cohorts?view=table&grain=month&split=source&metric=leads');
    const table = page.getByTestId('cohort-table');
    await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
    await expectTexts(page, 'source', table);
    await expectInert(page, 'cohorts table');
  });

  await test.step('source scorecard and campaigns', async () => {
    await page.goto('/cohorts?view=scorecard');
    await expect(page.getByText(XSS_CORPUS[1]!.text).first()).toBeVisible({ timeout: 60_000 });
    await expectTexts(page, 'source');
    await expectInert(page, 'scorecard');
    await page.goto('/cohorts?view=campaigns');
    await expect(page.getByText(XSS_CORPUS[1]!.text).first()).toBeVisible({ timeout: 60_000 });
    await expectTexts(page, 'campaign');
    await expectInert(page, 'campaigns');
  });

  await test.step('overview, compliance, proof, audit, import history', async () => {
    for (const path of [
      '/',
      '/compliance',
      '/compliance/dnc',
      '/compliance/retention',
      `/compliance/proof?lead=${leads[0]!.id}`,
      '/audit',
      '/import/history',
    ]) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible({ timeout: 60_000 });
      if (path.startsWith('/compliance/proof'))
        await expect(page.getByText(leads[0]!.name).first()).toBeVisible({ timeout: 60_000 });
      // The audit table lists entries without their details; the file name shows in the import history.
      if (path === '/import/history') await expect(page.getByText(FILE_NAME).first()).toBeVisible({ timeout: 60_000 });
      await expectInert(page, path);
    }
  });

  await test.step('export CSV and XLSX: text kept, formulas neutralised', async () => {
    // The machine header row: the column keys, as scripts read them.
    await page.goto(`/export?batch=${batchId}&mh=true&cols=${encodeURIComponent(JSON.stringify(COLUMNS))}`);
    await expect(page.getByTestId('export-count')).toContainText(`${XSS_CORPUS.length} leads match`, {
      timeout: 60_000,
    });
    await expectInert(page, 'export');
    const expected = new Map(XSS_CORPUS.map((p, i) => [phoneOf(i), p]));
    const check = (phone: string, name: string, company: string, source: string, campaign: string) => {
      const p = expected.get(phone)!;
      expect(name, `name ${p.id}`).toBe(neutralised(cellOf(p, 'name', `Lead ${p.id}`)));
      expect(company, `company ${p.id}`).toBe(neutralised(cellOf(p, 'company', '')));
      // Sources and campaigns are exported by their names (the hostile text itself), neutralised like every other cell.
      expect(source, `source ${p.id}`).not.toBe('');
      for (const cell of [name, company, source, campaign])
        for (const line of cell.split('\n')) expect(line, `formula in ${p.id}`).not.toMatch(/^[ ]*[=+\-@\t\r\0]/);
    };

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const rows = Papa.parse<string[]>(readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(COLUMNS);
    expect(rows).toHaveLength(XSS_CORPUS.length + 1);
    for (const [phone, name, company, source, campaign] of rows.slice(1))
      check(phone!, name!, company!, source!, campaign!);

    await page.getByLabel('Format', { exact: true }).selectOption('xlsx');
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsxDownload.path());
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(XSS_CORPUS.length + 1);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cells = [1, 2, 3, 4, 5].map((c) => sheet.getRow(r).getCell(c));
      // Every cell is a plain string: no formula, no hyperlink.
      for (const cell of cells) {
        expect(
          cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Null,
          `cell ${cell.address}`,
        ).toBe(true);
        expect(cell.formula).toBeUndefined();
        expect(cell.hyperlink).toBeUndefined();
      }
      const [phone, name, company, source, campaign] = cells.map((c) => (c.value === null ? '' : String(c.value)));
      check(phone!, name!, company!, source!, campaign!);
    }
  });

  // Leave the shared profile as it was: the corpus batch, its sources and campaigns go again.
  await screen.rollback(batchId);
  await expectInert(page, 'rollback');
  expect(pageErrors).toEqual([]);
});

test('the served app has a strict Content-Security-Policy, and the browser enforces it', async ({
  app,
  seeded,
  request,
}) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'] ?? '';
  const directives = new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  // connect-src: the app and the configured API origins only (the e2e run configures one).
  expect(directives.get('connect-src')).toEqual(["'self'", 'https://partner.example']);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  // Workers take their policy from their own script's response.
  const page = app.page;
  await app.open('/import?kind=api');
  const workerScript = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .find((n) => /worker/i.test(n) && n.endsWith('.js')),
  );
  if (workerScript) expect((await request.get(workerScript)).headers()['content-security-policy']).toBe(header);
  // The same policy (less frame-ancestors, which a meta tag cannot carry) is in the page itself.
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  const metaDirectives = new Map(
    meta
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
  for (const name of ['default-src', 'script-src', 'object-src', 'base-uri', 'worker-src'])
    expect(metaDirectives.get(name), name).toEqual(directives.get(name));

  // The import screen may pull from the configured partner, and is refused anywhere else even
  // when that server would answer (the route would serve a valid payload).
  const payload = JSON.stringify([
    { phone: '+1 213 555 0100', acquiredAt: '2026-02-01T09:00:00Z', name: 'Api One', source: 'partner' },
  ]);
  await page.context().route('https://*.example/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: payload,
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
  const url = page.getByLabel('Or fetch a payload from a URL');
  await url.fill('https://not-allowed.example/leads.json');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByRole('alert')).toContainText('could not be reached, or it does not allow this app to read it');
  await url.fill('https://partner.example/leads.json');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByTestId('file-name')).toHaveText('leads.json');
  await page.context().unroute('https://*.example/**');

  // An inline script injected into the page does not run, and the violation is reported.
  const probe = await seeded.newPage();
  const guard = await guardPage(probe);
  await probe.goto('/');
  const ran = await probe.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => guard.violations.map((v) => v.directive)).toContain('script-src-elem');
  expect(() => assertNoSecurityIncidents(guard)).toThrow(/CSP violation/);
  await probe.close();
});
