import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const base = 'http://127.0.0.1:4350';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
const page = await context.newPage();
await page.goto('/');
await page.getByTestId('figure-leads').waitFor({ timeout: 240_000 });
await page.waitForTimeout(3000);
await page.goto('/cohorts');
await page.locator('[data-testid="cohorts-computed"]').waitFor({ timeout: 120_000 });
await page.waitForTimeout(1500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
for (const [i, split] of ['region', 'campaign', 'entry', 'source', 'region', 'campaign'].entries()) {
  if (i === 3) await cdp.send('Profiler.start');
  await page.evaluate(() => {
    (window as any).__t0 = 0;
    document.addEventListener('change', (e) => { (window as any).__t0 = e.timeStamp; }, { once: true, capture: true });
  });
  await page.getByLabel('Split by').selectOption(split);
  await page.locator(`[data-testid="cohorts-computed"][data-split="${split}"]`).waitFor();
  const ms = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now() - (window as any).__t0), 0))));
  const note = await page.getByTestId('cohorts-computed').innerText();
  const marks = await page.evaluate(() => document.querySelectorAll('svg *').length);
  console.log(split, ms.toFixed(1), 'ms', note.replace(/\s+/g, ' ').slice(0, 80), 'svg nodes', marks);
  await page.waitForTimeout(500);
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/cohort.cpuprofile', JSON.stringify(profile));
// self time by function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas as number[];
profile.samples.forEach((id: number, k: number) => {
  const n: any = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
});
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms  ${k}`).join('\n'));
await browser.close();
