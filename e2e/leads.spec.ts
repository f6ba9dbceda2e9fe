import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';
import { DEMO_LEADS_AT_LEAST } from './support/demo-scale';

test('a steward filters by source and cohort, tags every match, undoes it, and finds both in the audit trail', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  const total = await leads.countValue();
  expect(total).toBeGreaterThan(DEMO_LEADS_AT_LEAST);
  await expect(leads.rows().first()).toBeVisible();

  await leads.pick('source', ['Website forms']);
  await expect.poll(() => leads.countValue()).toBeLessThan(total);
  const bySource = await leads.countValue();
  await leads.cohort('2026-03');
  await expect.poll(() => leads.countValue()).toBeLessThan(bySource);
  const matching = await leads.countValue();
  expect(matching).toBeGreaterThan(50);
  await expect(page).toHaveURL(/source=.*web-forms/);
  await expect(page).toHaveURL(/cohort=2026-03/);

  await leads.selectAllMatching();
  await expect(page.getByTestId('selection-count')).toContainText(`${matching.toLocaleString('en-US')} leads selected`);
  const dialog = await leads.bulk('Add tags', 'reviewed-e2e');
  await expect(dialog.getByTestId('bulk-preview')).toContainText(
    `${matching.toLocaleString('en-US')} leads will change`,
  );
  await dialog.getByRole('button', { name: /Apply to/ }).click();
  await expect(dialog).toBeHidden();

  // The tag is now a filter value; every matching lead carries it.
  await page.goto(`/leads?tags=${encodeURIComponent('["reviewed-e2e"]')}`);
  await expect.poll(() => leads.countValue()).toBe(matching);
  await page.screenshot({ path: 'test-results/leads-tagged.png' });

  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Undone/ })).toBeVisible();
  await expect.poll(() => leads.countValue()).toBe(0);

  await app.nav(/^Audit$/).click();
  const rows = page.getByTestId('audit-row');
  await expect(rows.nth(0)).toContainText('undo');
  await expect(rows.nth(0)).toContainText(String(matching));
  await expect(rows.nth(1)).toContainText('bulk-edit');
  await expect(rows.nth(1)).toContainText(String(matching));
});

test('a URL with filters opens the same view, and it holds after a reload', async ({ app }) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads?source=%5B%22datamax-list%22%5D&consent=%5B%22expired%22%5D&sort=-acquiredAt');
  const count = await leads.countValue();
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId('filter-source')).toContainText('1');
  await expect(page.getByRole('columnheader', { name: /Acquired/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(leads.rows().first()).toContainText('DataMax');
  await expect(leads.rows().first()).toContainText('Expired');
  await page.reload();
  await app.waitForData();
  await expect.poll(() => leads.countValue()).toBe(count);
});

test('selection: click, ctrl-click and shift-click ranges keep a visible count', async ({ app }) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  await expect(leads.rows().nth(10)).toBeVisible();
  await leads.rows().nth(1).click();
  await expect(page.getByTestId('selection-count')).toHaveText('1 lead selected');
  await leads
    .rows()
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 leads selected');
  await leads
    .rows()
    .nth(8)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('7 leads selected');
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('0 leads selected');
});

test('manual entry refuses a lead without acquisition time or with an invalid phone, and says why', async ({ app }) => {
  const page = app.page;
  await app.open('/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Phone').fill('12345');
  await dialog.getByLabel('Source').selectOption({ label: 'Customer referrals' });
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(dialog.getByLabel('Phone')).toHaveAccessibleDescription('Too short for a phone number.');
  await expect(dialog.getByLabel('Acquired at')).toHaveAccessibleDescription('Required.');
  await expect(dialog.getByLabel('Acquired at')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Phone').fill('5.55E+09');
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(dialog.getByLabel('Phone')).toHaveAccessibleDescription(/scientific notation/);

  await dialog.getByLabel('Phone').fill('(213) 373-4253');
  await dialog.getByLabel('Acquired at').fill('2026-05-04T10:30');
  await dialog.getByLabel('Name').fill('<img src=x onerror=alert(1)>');
  await dialog.getByRole('button', { name: 'Create lead' }).click();
  await expect(dialog).toBeHidden();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('+1 213 373 4253').first()).toBeVisible();
  await expect(drawer.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(drawer.getByTestId('lead-timeline')).toContainText('Acquired');
});
