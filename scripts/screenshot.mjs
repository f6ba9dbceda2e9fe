// Take a screenshot of a route of the built app: node scripts/screenshot.mjs /path out.png [lang]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const [route = '/', out = 'screenshot.png', lang = 'en-US'] = process.argv.slice(2);
const port = 4391;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: lang });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('[data-testid="figure-leads"]', { timeout: 60000 }).catch(() => {});
  if (route !== '/') await page.goto(`http://127.0.0.1:${port}${route}`);
  await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
  server.kill();
}
