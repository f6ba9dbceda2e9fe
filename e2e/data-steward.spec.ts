/**
 * Issue 17, items 4–6, as a data steward works: several fields in one bulk edit (the selection
 * survives Apply, "Select the changed leads" one click away); asking for consent renewal — a
 * request, not proof — from the bulk dialog and the drawer, its queue and its export; and an
 * audit trail read in words, opened to each record's old → new values, linked to its undo.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

// Each test drives several screens and long bulk operations on the seeded demo data.
test.describe.configure({ timeout: 300_000 });

test('bulk edit of several fields: one preview, one audit entry, one undo; the selection survives Apply (item 5)', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  await leads.countValue();
  await expect(leads.rows().nth(5)).toBeVisible({ timeout: 60_000 });
  await leads.rows().nth(1).click();
  await leads
    .rows()
    .nth(2)
    .click({ modifiers: ['ControlOrMeta'] });
  await leads
    .rows()
    .nth(3)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 leads selected');
  const auditBefore = await app.countStore('audit');

  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Operation')).toHaveValue('edit-fields');
  const campaign = dialog.getByTestId('bulk-fields').getByLabel('Campaign');
  const campaignName = (await campaign.locator('option').nth(2).innerText()).trim();
  await campaign.selectOption({ label: campaignName });
  await dialog.getByLabel('Add tags (comma-separated)').fill('multi-e2e');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByTestId('bulk-preview');
  await expect(preview).toContainText('3 leads will change');
  await expect(dialog.getByTestId('bulk-preview-fields')).toContainText('Tags: 3 leads');
  await expect(dialog.getByTestId('bulk-preview-fields')).toContainText(/Campaign: \d lead/);
  await page.screenshot({ path: 'test-results/steward-bulk-preview.png' });
  // Counted off the engine's columns (the grid worker measured it), not by reading the leads.
  const grid = page.workers().find((w) => /grid[.-]worker|grid\.worker/.test(w.url()));
  expect(await grid?.evaluate(() => performance.getEntriesByName('engine:bulk-preview').length)).toBe(1);
  await dialog.getByRole('button', { name: 'Apply to 3 leads' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('bulk-done')).toContainText('Edit fields: 3 leads changed');
  await expect(page.getByTestId('selection-count')).toHaveText('3 leads selected');
  expect(await app.countStore('audit'), 'one audit entry for every field').toBe(auditBefore + 1);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('0 leads selected');
  await page.getByRole('button', { name: 'Select the changed leads (3)' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('3 leads selected');

  await page.goto(`/leads?tags=${encodeURIComponent('["multi-e2e"]')}`);
  await expect.poll(() => leads.countValue()).toBe(3);
  // The campaign column is not shown by default; the tag is, and the audit entry names both fields.
  await expect(leads.rows().first()).toContainText('multi-e2e');

  // One undo takes back both fields.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Undone/ })).toBeVisible();
  await expect.poll(() => leads.countValue()).toBe(0);
  expect(await app.countStore('audit')).toBe(auditBefore + 2);
});

test('request consent renewal: asked, not proof — the dialog says which is which, the drawer shows it, the queue and its export list it (item 4)', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads?consent=%5B%22expired%22%5D');
  await leads.countValue();
  await expect(leads.rows().nth(3)).toBeVisible({ timeout: 60_000 });
  await leads.rows().nth(0).click();
  await leads
    .rows()
    .nth(1)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 leads selected');
  const consentsBefore = await app.countStore('consents');

  await page.getByRole('button', { name: 'Bulk edit…' }).click();
  const dialog = page.getByRole('dialog');
  const operation = dialog.getByLabel('Operation');
  await operation.selectOption({ label: "Record consent renewal — you have the person's new consent" });
  await expect(dialog.getByTestId('consent-action-help')).toContainText('Records proof.');
  await operation.selectOption({ label: 'Request consent renewal — ask the person to consent again' });
  await expect(dialog.getByTestId('consent-action-help')).toContainText('Asks for consent — not proof.');
  await dialog.getByLabel('Channel used to ask').selectOption({ label: 'Letter' });
  await page.screenshot({ path: 'test-results/steward-request-dialog.png' });
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('bulk-preview')).toContainText('2 leads will change');
  await dialog.getByRole('button', { name: 'Apply to 2 leads' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('bulk-done')).toContainText('2 leads changed');
  expect(await app.countStore('consents'), 'a request is not a consent event').toBe(consentsBefore);
  expect(await app.countStore('consentRequests')).toBeGreaterThanOrEqual(2);

  // The queue and its list.
  await page.goto('/compliance');
  const queue = page.getByTestId('compliance-queue-awaitingRenewal');
  await expect(queue.getByTestId('queue-count')).not.toHaveText('…');
  const awaiting = Number((await queue.getByTestId('queue-count').innerText()).replace(/\D/g, ''));
  expect(awaiting).toBeGreaterThanOrEqual(2);
  await queue.click();
  await expect(page).toHaveURL(/\/compliance\/renewals/);
  await expect(page.getByTestId('renewals-count')).toContainText(`${awaiting} leads awaiting renewal`);
  await expect(page.getByTestId('renewal-row').filter({ hasText: 'Letter' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/steward-renewals.png' });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download list (CSV)' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(lines[0]).toMatch(/^Phone,Name,E-mail,Source,Campaign,Requested at \(.+\),Requested by,Channel$/);
  expect(lines).toHaveLength(awaiting + 1);
  expect(lines.filter((l) => l.endsWith(',letter')).length).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('status').filter({ hasText: 'recorded in the audit trail' })).toBeVisible();

  // The drawer shows the request as a fact of the verdict; consent is unchanged (still expired).
  await page.getByTestId('renewal-row').filter({ hasText: 'Letter' }).first().getByRole('link').click();
  const panel = page.getByTestId('lead-consent-panel');
  await expect(panel.getByTestId('renewal-requested')).toContainText("via Letter — awaiting the person's answer");
  await expect(panel.getByTestId('consent-state')).toContainText('Expired');

  // Asking from the drawer: another lead, by SMS.
  await page.goto('/leads?consent=%5B%22expired%22%5D');
  await leads.countValue();
  await leads.rows().nth(2).dblclick({ timeout: 60_000 });
  const drawerPanel = page.getByTestId('lead-consent-panel');
  await drawerPanel.getByRole('button', { name: 'Request consent renewal' }).click();
  const form = page.getByRole('form', { name: 'Request consent renewal' });
  await expect(form).toContainText('Asks for consent — not proof.');
  await form.getByLabel('Channel used to ask').selectOption({ label: 'SMS' });
  await form.getByRole('button', { name: 'Record the request' }).click();
  await expect(drawerPanel.getByTestId('renewal-requested')).toContainText('via SMS');
  await expect(drawerPanel.getByTestId('consent-state')).toContainText('Expired');
  await page.screenshot({ path: 'test-results/steward-drawer-request.png' });
});

test('the audit trail reads in words; an entry opens to paged old → new values, links to its leads and to the undo that reverted it (item 6)', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads?source=%5B%22web-forms%22%5D&cohort=2026-03');
  const matching = await leads.countValue();
  expect(matching).toBeGreaterThan(25);
  await leads.selectAllMatching();
  const dialog = await leads.bulk('Add tags', 'audit-e2e');
  await dialog.getByRole('button', { name: /Apply to/ }).click();
  await expect(dialog).toBeHidden();
  // "All N matching" survives Apply as the same leads.
  await expect(page.getByTestId('selection-count')).toContainText(`${matching.toLocaleString('en-US')} leads selected`);
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Undone/ })).toBeVisible();

  await app.nav(/^Audit$/).click();
  const rows = page.getByTestId('audit-row');
  const n = matching.toLocaleString('en-US');
  await expect(rows.nth(0).getByTestId('audit-summary')).toHaveText(
    new RegExp(`^Undo of entry #\\d+ \\(tags \\+ audit-e2e\\): ${n} leads restored$`),
  );
  await expect(rows.nth(1).getByTestId('audit-summary')).toHaveText(`Bulk edit of ${n} leads: tags + audit-e2e`);
  await page.screenshot({ path: 'test-results/steward-audit-list.png' });

  // The undo names the entry it reverted, and shows its records with the values swapped back.
  await rows
    .nth(0)
    .getByRole('link', { name: /Open entry/ })
    .click();
  const detail = page.getByTestId('audit-entry-detail');
  await expect(detail.getByTestId('audit-undid')).toContainText(`This undid entry #`);
  await expect(detail.getByTestId('audit-undid')).toContainText(`Bulk edit of ${n} leads: tags + audit-e2e`);
  await detail.getByTestId('audit-undid').getByRole('link').click();

  // The bulk edit: its records, 25 a page, each linked to its lead; "undone by" links back.
  await expect(detail.getByTestId('audit-undone-by')).toContainText('Undone by entry #');
  await expect(detail).toContainText(`${n} records: old → new values`);
  await expect(detail.getByTestId('audit-record-row')).toHaveCount(25);
  await expect(detail.getByTestId('audit-record-row').first()).toContainText('Tags');
  await expect(detail.getByTestId('audit-record-row').first()).toContainText(/→ .*audit-e2e/);
  await page.screenshot({ path: 'test-results/steward-audit-detail.png' });
  await detail.getByRole('button', { name: '→' }).click();
  await expect(page).toHaveURL(/rpage=2/);
  const leadLink = detail.getByRole('link', { name: /^Lead #\d+$/ }).first();
  const id = (await leadLink.innerText()).replace(/\D/g, '');
  await leadLink.click();
  await expect(page).toHaveURL(new RegExp(`/leads\\?.*lead=${id}`));
  await expect(page.getByTestId('lead-consent-panel')).toBeVisible();
});
