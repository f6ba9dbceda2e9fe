import { expect, test } from './fixtures';

/**
 * Issue 17 item 13: the demo data holds UK and Chinese leads while only the US presets are
 * active, so their calling hours come out as 00:00–24:00. The Overview and the call list say so,
 * with a one-click activation of the presets for those regions (a settings change, audited);
 * the test puts the policy back as it found it (the seeded browser is shared).
 */
test('leads in regions no active preset covers are warned on the Overview and the call list; one click activates their presets, audited', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const page = app.page;
  await app.open('/');
  const alert = page.getByTestId('policy-coverage');
  await expect(alert).toContainText(
    /No active policy preset covers leads in (GB|CN) \([\d,]+ leads\), (GB|CN) \([\d,]+ leads\)\./,
    { timeout: 120_000 },
  );
  await expect(alert).toContainText('no calling hours (00:00–24:00 in their own time zone)');
  const activate = alert.getByRole('button', { name: 'Activate UK TPS + EU GDPR + China' });
  await expect(activate).toBeVisible();
  await page.screenshot({
    path: `${process.env.E2E_OUTPUT ?? 'test-results'}/policy-coverage-overview.png`,
    fullPage: true,
  });

  await app.open('/export?kind=call-list');
  await expect(page.getByTestId('policy-coverage')).toContainText('No active policy preset covers leads in', {
    timeout: 120_000,
  });
  await page.screenshot({
    path: `${process.env.E2E_OUTPUT ?? 'test-results'}/policy-coverage-call-list.png`,
    fullPage: true,
  });

  await app.open('/');
  await page.getByTestId('policy-coverage').getByRole('button', { name: 'Activate UK TPS + EU GDPR + China' }).click();
  await expect(page.getByTestId('policy-coverage-done')).toHaveText(
    'Presets activated: every region of the stored leads is now covered.',
    { timeout: 120_000 },
  );
  await expect(page.getByTestId('policy-coverage')).toHaveCount(0);
  await app.open('/audit');
  await expect(page.getByTestId('audit-row').first()).toContainText('settings');

  // Put the policy back: only the US presets, as the other tests of this browser expect.
  await app.open('/settings');
  const policy = page.getByRole('form', { name: 'Compliance policy' });
  for (const name of [/UK TPS/, /EU GDPR/, /China marketing calls/])
    await policy.getByRole('checkbox', { name }).uncheck();
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByRole('status')).toHaveText('Policy saved');
  await app.open('/');
  await expect(page.getByTestId('policy-coverage')).toBeVisible({ timeout: 120_000 });
});
