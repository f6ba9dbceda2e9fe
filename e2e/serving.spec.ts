import { expect, test } from '@playwright/test';

/**
 * How `npm start` serves the built app: files under /assets/ are named by their content's hash,
 * so a browser keeps them for a year and never asks again (a new build is new names); the page,
 * the service worker and the manifest are asked for again every time, so a new build is found.
 */
test('hashed assets are cached for good; the page and the service worker are not', async ({ request }) => {
  const page = await request.get('/');
  expect(page.headers()['cache-control']).toBe('no-cache');
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
  for (const asset of assets)
    expect((await request.get(asset)).headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
  // A name the build does not hold (an older build's chunk) is not kept: the next build may have it.
  // (Asked for as a script, as a page's import() asks: the server's page fallback then answers 404.)
  const missing = await request.get('/assets/no-such-chunk-0000.js', { headers: { 'sec-fetch-dest': 'script' } });
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control'] ?? '').not.toContain('immutable');
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/manifest.webmanifest')).headers()['cache-control']).toBe('no-cache');
  // A deep link is the page too, never kept.
  expect((await request.get('/leads')).headers()['cache-control']).toBe('no-cache');
});
