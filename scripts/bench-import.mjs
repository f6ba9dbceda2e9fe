// Import throughput in real Chromium: a generated N-row CSV through the wizard (check + commit in
// the import worker), against a raw IndexedDB put of the same records in the same run, with the
// longest main-thread task seen during the import.
//   npx vite build --outDir dist-h4 && node scripts/bench-import.mjs [rows=100000] [dist=dist-h4] [port=4323]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const [rowsArg = '100000', dist = 'dist-h4', portArg = '4323'] = process.argv.slice(2);
const ROWS = Number(rowsArg);
const port = Number(portArg);
const NPAS = [212, 213, 310, 312, 415, 617, 646, 718, 305, 404];

function csv(n) {
  const lines = ['phone,name,company,source,acquired at'];
  for (let i = 0; i < n; i++) {
    const npa = NPAS[i % NPAS.length];
    const exchange = 234 + (Math.floor(i / NPAS.length / 10_000) % 700);
    const line = String(Math.floor(i / NPAS.length) % 10_000).padStart(4, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`(${npa}) ${exchange}-${line},Lead ${i},Company ${i % 500},Bench vendor,2026-01-${day}T10:${String(i % 60).padStart(2, '0')}:00Z`);
  }
  return `${lines.join('\n')}\n`;
}

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', dist], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 3000));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('[data-testid="figure-leads"]', { timeout: 120_000 });
  await page.goto(`http://127.0.0.1:${port}/import?kind=leads`);
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }
    }).observe({ type: 'longtask' });
    window.__loaf = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 50) continue;
        window.__loaf.push({ start: Math.round(e.startTime), duration: Math.round(e.duration), blocking: Math.round(e.blockingDuration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), scripts: e.scripts.map((x) => ({ invoker: x.invoker, src: x.sourceURL.split('/').pop(), fn: x.sourceFunctionName, d: Math.round(x.duration) })) });
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
  // The file is made inside the page and dropped, as a user's drop would arrive: Playwright's
  // setInputFiles copies the bytes through the renderer's main thread and would count as a long task.
  const dataTransfer = await page.evaluateHandle(([text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'bench.csv', { type: 'text/csv' }));
    return dt;
  }, [csv(ROWS)]);
  const mark = (name) => page.evaluate((n) => window.__tasks.push([n, Math.round(performance.now())]), name);
  await mark('start');
  const t0 = Date.now();
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  await page.getByTestId('file-name').waitFor();
  const tOpened = Date.now();
  await mark('opened');
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByTestId('count-rows').waitFor({ timeout: 600_000 });
  const tChecked = Date.now();
  await mark('checked');
  const valid = await page.getByTestId('count-valid').locator('dd').first().textContent();
  await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
  await page.getByRole('status').filter({ hasText: /Imported as batch/ }).waitFor({ timeout: 900_000 });
  const tDone = Date.now();
  await mark('done');
  const longest = await page.evaluate(() => window.__longest);
  if (process.env.TASKS) console.log(JSON.stringify(await page.evaluate(() => window.__tasks)), JSON.stringify(await page.evaluate(() => window.__loaf), null, 1));

  // The same records, put raw into a store with the same indexes, in one transaction.
  const rawMs = await page.evaluate(async (n) => {
    const open = indexedDB.open(`raw-bench-${Date.now()}`, 1);
    open.onupgradeneeded = () => {
      const s = open.result.createObjectStore('leads', { keyPath: 'id', autoIncrement: true });
      for (const i of ['phoneE164', 'sourceId', 'campaignId', 'acquiredAt', 'importBatchId']) s.createIndex(i, i);
    };
    const db = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const now = Date.now();
    const rows = Array.from({ length: n }, (_, i) => ({
      phoneE164: `+1${2_000_000_000 + i}`, phoneRaw: `(212) 234-${i}`, region: 'US', timeZone: 'America/New_York', name: `Lead ${i}`, company: `Company ${i % 500}`,
      email: '', tags: [], sourceId: 'bench-vendor', acquiredAt: now - i * 1000, acquiredAtPrecision: 'exact', createdAt: now, updatedAt: now, entryMethod: 'file',
      importBatchId: 1, attempts: 0, dncStatus: 'unchecked', dncCheckedVersions: [],
    }));
    const t = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction('leads', 'readwrite');
      const store = tx.objectStore('leads');
      for (const r of rows) store.put(r);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    return performance.now() - t;
  }, ROWS);

  const endToEnd = (tDone - t0) / 1000;
  const result = {
    rows: ROWS,
    valid,
    openSeconds: (tOpened - t0) / 1000,
    checkSeconds: (tChecked - tOpened) / 1000,
    commitSeconds: (tDone - tChecked) / 1000,
    endToEndSeconds: endToEnd,
    rowsPerSecondEndToEnd: Math.round(ROWS / endToEnd),
    rowsPerSecondCommit: Math.round(ROWS / ((tDone - tChecked) / 1000)),
    rawPutSeconds: rawMs / 1000,
    ratioToRawPut: +(endToEnd / (rawMs / 1000)).toFixed(2),
    ratioCommitToRawPut: +((tDone - tChecked) / rawMs).toFixed(2),
    longestMainThreadTaskMs: Math.round(longest),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.kill();
}
