import { expect, test } from './fixtures';
import { DEMO_LEADS_AT_LEAST } from './support/demo-scale';

test('a settings change is saved, audited, and the trail verifies', async ({ app }) => {
  const page = app.page;
  await app.open('/settings');
  await page.getByLabel('Operator name').fill('Mei Chen');
  await page.getByLabel('Organisation time zone').selectOption('Asia/Shanghai');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await page.reload();
  await app.waitForData();
  await expect(page.getByLabel('Operator name')).toHaveValue('Mei Chen');
  await app.nav(/^Audit$/).click();
  const first = page.getByTestId('audit-row').first();
  await expect(first).toContainText('settings');
  await expect(first).toContainText('Mei Chen');
  await page.getByRole('button', { name: 'Verify trail' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Trail intact/ })).toBeVisible();
  // Leave the shared profile as other tests expect it.
  await app.nav(/^Settings$/).click();
  await page.getByLabel('Operator name').fill('Data steward');
  await page.getByLabel('Organisation time zone').selectOption('America/New_York');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
});

test('an empty operator name is refused with a message', async ({ app }) => {
  const page = app.page;
  await app.open('/settings');
  await page.getByLabel('Operator name').fill('   ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByLabel('Operator name')).toHaveAttribute('aria-invalid', 'true');
});

// On the worker's shared seeded profile (./fixtures): it ends as a profile with the demo data
// freshly seeded, which is what every other test of the worker may expect.
test('start empty, then reset to the demo data', async ({ app }) => {
  test.setTimeout(300_000);
  const page = app.page;
  await app.open('/settings');
  await page.getByRole('button', { name: 'Start with an empty database' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start with an empty database' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toBeVisible();
  expect(await app.countStore('leads')).toBe(0);
  await page.reload();
  await app.waitForData();
  expect(await app.countStore('leads')).toBe(0);
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset demo data' }).click();
  // The reset writes the whole demo world again: as long as a first start's seeding (AppShell.waitForData).
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toBeVisible({ timeout: 240_000 });
  expect(await app.countStore('leads')).toBeGreaterThan(DEMO_LEADS_AT_LEAST);
});
