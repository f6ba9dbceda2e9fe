import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CohortsPage } from './page-models/cohorts-page';
import { LeadsPage } from './page-models/leads-page';
import { readStore } from './support/idb-read';

/*
 * The worker's shared seeded profile (./fixtures): these tests only read seeded leads, and the one
 * setting they change (the dormant period) and the language are put back before they end.
 */

/** The lead fields the lifecycle stage is read from (docs/lifecycle.md). */
interface StoredLead {
  id: number;
  phoneE164: string;
  acquiredAt: number;
  attempts: number;
  firstContactAt?: number;
  lastContactAt?: number;
  firstConnectedAt?: number;
  convertedAt?: number;
  dncStatus: string;
  anonymizedAt?: number;
}

const DAY = 86_400_000;
// The machine is shared: reading every store of 20,000 leads and opening six drawers can be slow.
test.describe.configure({ timeout: 300_000 });
const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

/**
 * Seeded leads whose stage is clear-cut from the stored facts alone (no DNC entry, no "do not
 * call me", no withdrawn consent; activity well away from the 90-day dormant boundary), one
 * per stage — an independent reading of the rules, not the app's function.
 */
async function leadsByStage(page: Page) {
  const [leads, calls, consents, dnc] = await Promise.all([
    readStore<StoredLead>(page, 'leads'),
    readStore<{ leadId: number; outcome: string }>(page, 'calls'),
    readStore<{ leadId: number; purpose: string; kind: string }>(page, 'consents'),
    readStore<{ phoneE164: string }>(page, 'dncEntries'),
  ]);
  const requested = new Set(calls.filter((c) => c.outcome === 'dnc-requested').map((c) => c.leadId));
  const withdrew = new Set(
    consents.filter((c) => c.purpose === 'calls' && c.kind === 'withdrawn').map((c) => c.leadId),
  );
  const listed = new Set(dnc.map((e) => e.phoneE164));
  const now = Date.now();
  const clean = leads.filter(
    (l) =>
      l.anonymizedAt === undefined &&
      l.dncStatus === 'clear' &&
      !requested.has(l.id) &&
      !withdrew.has(l.id) &&
      !listed.has(l.phoneE164),
  );
  const quietFor = (l: StoredLead) => now - Math.max(l.acquiredAt, l.lastContactAt ?? -Infinity);
  const active = (l: StoredLead) => quietFor(l) < 80 * DAY && l.convertedAt === undefined;
  const pick = (name: string, found: StoredLead | undefined) => {
    expect(found, `a seeded ${name} lead`).toBeDefined();
    return found!;
  };
  return {
    // A "do not call me" said on a call suppresses at once (the verdict's dnc-listed).
    suppressed: pick(
      'suppressed',
      leads.find((l) => l.anonymizedAt === undefined && requested.has(l.id)),
    ),
    converted: pick(
      'converted',
      clean.find((l) => l.convertedAt !== undefined),
    ),
    dormant: pick(
      'dormant',
      clean.find((l) => l.convertedAt === undefined && quietFor(l) > 100 * DAY),
    ),
    engaged: pick(
      'engaged',
      clean.find((l) => active(l) && l.firstConnectedAt !== undefined && quietFor(l) > 20 * DAY),
    ),
    contacted: pick(
      'contacted',
      clean.find((l) => active(l) && l.attempts > 0 && l.firstConnectedAt === undefined),
    ),
    new: pick(
      'new',
      clean.find((l) => active(l) && l.attempts === 0),
    ),
  };
}

async function drawerStage(page: Page, id: number) {
  await page.goto(`/leads?lead=${id}`);
  const stage = page.getByTestId('drawer-lifecycle');
  await expect(stage).toBeVisible({ timeout: 60_000 });
  return stage;
}

test('the lead drawer shows each seeded lead’s lifecycle stage, and the timeline shows how it got there', async ({
  app,
}) => {
  const page = app.page;
  await app.open('/');
  const picked = await leadsByStage(page);
  const label = {
    new: 'New',
    contacted: 'Contacted',
    engaged: 'Engaged',
    converted: 'Converted',
    dormant: 'Dormant',
    suppressed: 'Suppressed',
  } as const;
  for (const [stage, lead] of Object.entries(picked) as [keyof typeof label, StoredLead][]) {
    const summary = await drawerStage(page, lead.id);
    await expect(summary, `lead ${lead.id}`).toHaveAttribute('data-stage', stage);
    await expect(summary).toContainText(`Lifecycle stage${label[stage]}`);
    if (stage === 'suppressed') await expect(summary).toContainText('do not call');
    if (stage === 'new' || stage === 'contacted' || stage === 'engaged')
      await expect(summary).toContainText('Dormant from');
    if (stage === 'converted') {
      // The timeline walks the lead through its stages up to the conversion.
      const timeline = page.getByTestId('lead-timeline');
      await expect(timeline.locator('li', { hasText: 'Stage' }).last()).toContainText('Converted');
      await expect(timeline.locator('li', { hasText: 'Stage' }).first()).toContainText(/Contacted|Engaged|Converted/);
    }
    if (stage === 'engaged') await page.screenshot({ path: test.info().outputPath('drawer-engaged.png') });
  }
  expect(app.errors).toEqual([]);
});

test('the dormant period is an audited organisation setting, and the drawer follows it', async ({ app }) => {
  const page = app.page;
  await app.open('/');
  const { engaged } = await leadsByStage(page);
  const field = () => page.getByLabel('Dormant after (days without a call)');
  const save = async (days: string) => {
    await page.goto('/settings');
    await field().fill(days);
    await page.getByRole('button', { name: 'Save lifecycle setting' }).click();
    await expect(page.getByRole('form', { name: 'Lead lifecycle' }).getByRole('status')).toHaveText('Settings saved');
  };
  try {
    await page.goto('/settings');
    await expect(field()).toHaveValue('90');
    await field().fill('0');
    await page.getByRole('button', { name: 'Save lifecycle setting' }).click();
    await expect(page.getByText('A whole number of days from 1 to 3650')).toBeVisible();

    // The engaged lead was last called 20–80 days ago: with 10 days it is dormant.
    await save('10');
    const audit = await readStore<{
      action: string;
      ids: string[];
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }>(page, 'audit');
    expect(audit.filter((e) => e.action === 'settings').at(-1)).toMatchObject({
      ids: ['dormantDays'],
      before: { dormantDays: 90 },
      after: { dormantDays: 10 },
    });
    const summary = await drawerStage(page, engaged.id);
    await expect(summary).toHaveAttribute('data-stage', 'dormant');
    await expect(page.getByTestId('lead-timeline').locator('li', { hasText: 'Stage' }).last()).toContainText('Dormant');
  } finally {
    await save('90');
  }
  await expect(await drawerStage(page, engaged.id)).toHaveAttribute('data-stage', 'engaged');
});

test('Cohorts: stage mix by acquisition cohort — stacked counts that sum to each cohort’s size, the metric in the URL, a drill into a cohort', async ({
  app,
}) => {
  const page = app.page;
  const cohorts = new CohortsPage(page);
  await app.open('/cohorts?grain=month');
  // After other tests' writes the worker rebuilds its snapshot first (slow on a loaded machine).
  await expect(page.getByTestId('cohorts-computed')).toBeVisible({ timeout: 180_000 });
  await cohorts.choose('Metric', 'stageMix');
  await expect(page).toHaveURL(/metric=stageMix/);
  await expect(page.getByRole('heading', { name: 'Stage mix by acquisition cohort' })).toBeVisible();
  const chart = page.getByTestId('stage-mix-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 180_000 });
  // Six stacked series, one per stage, in the legend.
  await expect(chart.locator('.recharts-legend-item')).toHaveText([
    'New',
    'Contacted',
    'Engaged',
    'Converted',
    'Dormant',
    'Suppressed',
  ]);

  const table = page.getByTestId('stage-mix-table');
  expect((await table.locator('thead th').allTextContents()).map((h) => h.trim())).toEqual([
    'Cohort',
    'Leads',
    'New',
    'Contacted',
    'Engaged',
    'Converted',
    'Dormant',
    'Suppressed',
  ]);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  expect(rows.length).toBeGreaterThan(3);
  for (const r of rows)
    expect(r.slice(2).reduce((sum, cell) => sum + number(cell.split(' (')[0]!), 0)).toBe(number(r[1]!));

  // Each cohort's size is the number of leads acquired in that month (organisation zone), read straight from the store.
  const settings = await readStore<{ key: string; value: { orgTimeZone?: string } }>(page, 'settings');
  const zone = settings.find((s) => s.key === 'org')?.value.orgTimeZone ?? 'America/New_York';
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
  const sizes = new Map<string, number>();
  for (const l of await readStore<StoredLead>(page, 'leads')) {
    const key = month.format(l.acquiredAt).slice(0, 7);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  const csv = Papa.parse<string[]>(
    await (async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /Export CSV/ }).click();
      const chunks: Buffer[] = [];
      for await (const c of await (await download).createReadStream()) chunks.push(c as Buffer);
      return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\ufeff/, '');
    })(),
    { skipEmptyLines: true },
  ).data;
  expect(csv[0]).toEqual(['Cohort', 'Leads', 'New', 'Contacted', 'Engaged', 'Converted', 'Dormant', 'Suppressed']);
  expect(csv.length - 1).toBe(rows.length);
  for (const r of csv.slice(1)) {
    expect(Number(r[1]), r[0]).toBe(sizes.get(r[0]!));
    expect(r.slice(2).reduce((s, c) => s + Number(c), 0)).toBe(Number(r[1]));
  }
  expect(csv.slice(1).reduce((s, r) => s + Number(r[1]), 0)).toBe([...sizes.values()].reduce((a, b) => a + b, 0));
  await page.screenshot({ path: test.info().outputPath('cohorts-stage-mix.png'), fullPage: true });

  // The state is in the URL: a reload keeps the stage mix.
  await page.reload();
  await expect(page.getByTestId('stage-mix-table')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByLabel('Metric')).toHaveValue('stageMix');
  // In Chinese too, at both screen sizes (looked at by a person; the figures are the same).
  await app.switchLanguage('中文');
  await expect(page.getByRole('heading', { name: '按获取批次的阶段构成' })).toBeVisible();
  await expect(page.getByTestId('stage-mix-table').locator('thead th').nth(2)).toHaveText('新线索');
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`cohorts-stage-mix-zh-${width}.png`), fullPage: true });
  }
  await app.switchLanguage('English');
  await expect(page.getByRole('heading', { name: 'Stage mix by acquisition cohort' })).toBeVisible();

  // Drill into a cohort (keyboard): its leads open in the grid, as many as the cohort holds.
  const [key, leads] = csv[2]!;
  const open = page.getByRole('button', { name: `Open the ${leads} leads of ${rows[1]![0]}`, exact: true });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/leads\\?.*cohort=${key}`));
  await expect.poll(() => new LeadsPage(page).countValue(), { timeout: 60_000 }).toBe(Number(leads));
  expect(app.errors).toEqual([]);
});
