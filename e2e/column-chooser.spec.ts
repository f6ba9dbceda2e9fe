import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/** The grid's columns in the URL, as the column chooser wrote them. */
const colsOf = (url: string): string[] | null => {
  const raw = new URL(url).searchParams.get('cols');
  return raw === null ? null : (JSON.parse(raw) as string[]);
};

test('the column chooser hides, shows and reorders columns in the URL, and resets to the defaults', async ({ app }) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  await expect(leads.rows().first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Company' })).toBeVisible();

  await page.getByRole('button', { name: 'Columns' }).click();
  const list = page.getByRole('list', { name: 'Columns' });
  await list.getByRole('checkbox', { name: 'Company' }).uncheck();
  await expect(page.getByRole('columnheader', { name: 'Company' })).toHaveCount(0);
  await list.getByRole('checkbox', { name: 'Campaign' }).check();
  await expect(page.getByRole('columnheader', { name: 'Campaign' })).toBeVisible();
  await expect.poll(() => colsOf(page.url())).toContain('campaign');
  expect(colsOf(page.url())).not.toContain('company');
  // The newly shown column comes last; moving Name up puts it before Phone.
  expect(colsOf(page.url())!.at(-1)).toBe('campaign');
  await list.getByRole('button', { name: 'Move Name up' }).click();
  await expect.poll(() => colsOf(page.url())!.slice(0, 2)).toEqual(['name', 'phone']);

  await page.getByRole('button', { name: /Reset to the \d+ default columns/ }).click();
  await expect.poll(() => colsOf(page.url())).toBeNull();
  await expect(page.getByRole('columnheader', { name: 'Company' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Campaign' })).toHaveCount(0);
});
