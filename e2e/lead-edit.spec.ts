import { expect, test } from './fixtures';
import { readRecord, readStore } from './support/idb-read';

interface StoredLead {
  id: number;
  name: string;
  acquiredAt: number;
  acquiredAtPrecision: string;
  anonymizedAt?: number;
  [field: string]: unknown;
}

/** The wall clock of `ms` in New York as a `datetime-local` with seconds shows it. */
const newYorkInput = (ms: number) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
};

test('editing only the name changes only the name: the acquisition time keeps its seconds and milliseconds (org zone New York)', async ({
  app,
}) => {
  const page = app.page;
  await app.open('/settings');
  await page.getByLabel('Organisation time zone').selectOption('America/New_York');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

  const leads = await readStore<StoredLead>(page, 'leads');
  const before = leads.find(
    (l) =>
      !l.anonymizedAt &&
      l.name &&
      l.acquiredAtPrecision === 'exact' &&
      l.acquiredAt % 1000 !== 0 &&
      Math.floor(l.acquiredAt / 1000) % 60 !== 0,
  );
  expect(before, 'a lead acquired at a time with seconds and milliseconds').toBeDefined();
  const lead = before!;

  // A fresh load straight into the drawer: the form must not be built before the settings are read.
  await page.goto(`/leads?lead=${lead.id}`);
  const form = page.getByRole('form', { name: 'Edit lead' });
  // The field shows the time in New York (the old form showed UTC here, then read it back as New York).
  await expect(form.getByLabel('Acquired')).toHaveValue(new RegExp(`^${newYorkInput(lead.acquiredAt).slice(0, 16)}`), {
    timeout: 60_000,
  });
  await form.getByLabel('Name', { exact: true }).fill(`${lead.name} (renamed)`);
  await expect(form.getByLabel('Reason for changing the acquisition time')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);

  await expect
    .poll(async () => (await readRecord<StoredLead>(page, 'leads', lead.id))?.name)
    .toBe(`${lead.name} (renamed)`);
  const after = (await readRecord<StoredLead>(page, 'leads', lead.id))!;
  expect(after.acquiredAt).toBe(lead.acquiredAt);
  const { name: _n, updatedAt: _u, ...rest } = lead;
  const { name: _n2, updatedAt: _u2, ...restAfter } = after;
  expect(restAfter).toEqual(rest);

  // The audit trail records one deliberate change: the name.
  const audit = await readStore<{ action: string; ids: number[]; after: Record<string, unknown> }>(page, 'audit');
  const last = audit.filter((e) => e.action === 'edit' && e.ids.includes(lead.id)).at(-1)!;
  expect(Object.keys(last.after)).toEqual(['name']);
});

test('a save that needs a reason is not silently blocked: it says why, and nothing is stored', async ({ app }) => {
  const page = app.page;
  await app.open('/leads');
  const leads = await readStore<StoredLead>(page, 'leads');
  const lead = leads.find(
    (l) => !l.anonymizedAt && l.acquiredAtPrecision === 'exact' && l.acquiredAt > Date.UTC(2025, 0, 1),
  )!;
  await page.goto(`/leads?lead=${lead.id}`);
  const form = page.getByRole('form', { name: 'Edit lead' });
  const field = form.getByLabel('Acquired');
  await expect(field).toHaveValue(new RegExp(`^${newYorkInput(lead.acquiredAt).slice(0, 16)}`), { timeout: 60_000 });
  await field.fill(newYorkInput(lead.acquiredAt - 3_600_000).slice(0, 16));
  await expect(form.getByLabel('Reason for changing the acquisition time')).toBeVisible();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('alert')).toHaveText('Say why the acquisition time changes.');
  expect((await readRecord<StoredLead>(page, 'leads', lead.id))!.acquiredAt).toBe(lead.acquiredAt);

  await form.getByLabel('Reason for changing the acquisition time').fill('Source corrected the timestamp');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect
    .poll(async () => (await readRecord<StoredLead>(page, 'leads', lead.id))!.acquiredAt)
    .toBe(Math.floor(lead.acquiredAt / 60_000) * 60_000 - 3_600_000);
});
