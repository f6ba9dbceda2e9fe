import { expect, test } from './fixtures';

/**
 * The app warns on every screen before the browser could refuse or evict data. Chromium's
 * `navigator.storage.estimate()` keeps reporting the real quota under CDP's quota override
 * (the override only makes writes fail), so a nearly full disk is simulated where the app
 * reads it: the page's estimate() reports the real usage against a quota that keeps the share
 * the test sets. The share, not a fixed quota: the first visit's background work (the demo data
 * filled in, the engine's snapshot stored and replaced) moves the real usage by more than the
 * 1% between "nearly full" and "full" on a busy machine.
 */
test('storage nearly full, then full, is announced on every screen; the sidebar shows the use', async ({ app }) => {
  const page = app.page;
  await page.addInitScript(() => {
    const real = navigator.storage.estimate.bind(navigator.storage);
    navigator.storage.estimate = async () => {
      const est = await real();
      const share = Number(sessionStorage.getItem('e2e.share'));
      return share > 0 ? { ...est, quota: Math.ceil((est.usage ?? 0) / share) } : est;
    };
  });
  await app.open('/');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  expect(usage).toBeGreaterThan(1e6); // the demo data
  /** Storage reported as `share` full (0: the real quota). */
  const setShare = async (share: number) => {
    await page.evaluate((q) => sessionStorage.setItem('e2e.share', String(q)), share);
    await page.reload();
  };

  await setShare(0.9);
  const warning = page.getByRole('region', { name: 'Storage warning' });
  await expect(warning).toHaveAttribute('data-risk', 'nearly-full');
  await expect(warning).toContainText(/Storage is 9\d% full/);
  await expect(warning).toContainText('a large import may not fit');
  await expect(page.getByTestId('storage-meter').getByRole('meter')).toHaveAttribute('aria-label', /9\d% of/);

  // It follows the user to other screens, and links to the backup.
  await app.nav(/^Leads$/).click();
  await expect(warning).toBeVisible();
  await warning.getByRole('link', { name: 'Back up now' }).click();
  await expect(page).toHaveURL(/\/export/);

  await setShare(1 / 1.01);
  await expect(warning).toHaveAttribute('data-risk', 'full');
  await expect(warning).toContainText('new imports and edits will be refused');
  await page.screenshot({ path: test.info().outputPath('storage-full.png') });

  // Dismissed, it stays away in this tab until the risk changes.
  await warning.getByRole('button', { name: 'Dismiss' }).click();
  await expect(warning).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('storage-meter')).toBeVisible();
  await expect(warning).toHaveCount(0);

  await app.switchLanguage('中文');
  await setShare(0.85);
  await expect(page.getByRole('region', { name: '存储警告' })).toContainText('大型导入可能放不下');
  await app.switchLanguage('English');

  await setShare(0);
  await expect(page.getByTestId('storage-meter')).toBeVisible();
  await expect(
    page.locator(
      '[data-testid="storage-warning"][data-risk="full"], [data-testid="storage-warning"][data-risk="nearly-full"]',
    ),
  ).toHaveCount(0);
});

test('a fresh browser that is not persistent and has no backup is warned about eviction', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use });
  try {
    const page = await context.newPage();
    await page.goto('/');
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const warning = page.getByRole('region', { name: 'Storage warning' });
    if (persisted) {
      // Chromium granted persistence (it may, by engagement heuristics): nothing to warn about.
      await expect(page.getByTestId('storage-meter')).toContainText('persistent');
      await expect(warning).toHaveCount(0);
    } else {
      await expect(warning).toHaveAttribute('data-risk', 'evictable');
      await expect(warning).toContainText('there is no backup yet');
      await expect(warning.getByRole('button', { name: 'Allow persistent storage' })).toBeVisible();
      await expect(page.getByTestId('storage-meter')).toContainText('not persistent');
    }
  } finally {
    await context.close();
  }
});
