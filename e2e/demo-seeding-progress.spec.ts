import { expect, test } from '@playwright/test';
import { AppShell } from './page-models/app-shell';

const OUT = process.env.E2E_OUTPUT ?? 'test-results';

/** "Writing leads 4,000 of 21,215" → [4000, 21215]; null for a step without a count of a total. */
function countOf(text: string): [number, number] | null {
  const m = text.match(/([\d,]+) of ([\d,]+)/);
  return m ? [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))] : null;
}

test('first start: the app opens at once and the demo data is written in the background, with a counted, moving progress line', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const step = page.getByTestId('seed-step');
  const bar = page.getByRole('progressbar', { name: 'Demo data progress' });
  await expect(page.getByRole('heading', { name: 'Preparing the demo data' })).toBeVisible({ timeout: 30_000 });
  // The app is there meanwhile: the Overview under the progress box, the navigation, the seed not done.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('data-seed', 'seeding');
  // Counted in the unit being written, as soon as the first chunk of leads is stored.
  await expect(step).toHaveText(/^Writing leads [\d,]+ of [\d,]+, with their calls and consents$/, {
    timeout: 180_000,
  });
  const first = countOf((await step.textContent()) ?? '')!;
  expect(first[1]).toBeGreaterThan(15_000);
  const firstPct = Number(await bar.getAttribute('aria-valuenow'));
  await page.screenshot({ path: `${OUT}/demo-seeding-progress.png` });
  // What would write over the landing demo waits for it: Reset, Start empty, and signing in to a
  // team (its later chunks would be pushed as this device's writes).
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Reset demo data' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Start with an empty database' })).toBeDisabled();
  await expect(
    page.getByRole('form', { name: 'Sign in to the team server' }).getByRole('button', { name: 'Sign in' }),
  ).toBeDisabled();
  await expect(
    page.getByText('Available once the demo data is stored (see the progress above).').first(),
  ).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
  // It moves: the whole-wait bar grows as the chunks land.
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 90_000 })
    .toBeGreaterThan(firstPct);
  await expect(page.getByText(/^\d+ s so far$/)).toBeVisible();
  // The screens can be used while it runs: the Leads screen lists what is stored so far.
  await page.getByRole('navigation').getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await expect
    .poll(async () => Number((await page.getByTestId('grid-count').textContent())?.replace(/,/g, '') ?? 0))
    .toBeGreaterThan(0);
  // Then the progress box goes and every lead is there.
  const app = new AppShell(page);
  await expect(page.locator('main')).toHaveAttribute('data-seed', 'ready', { timeout: 300_000 });
  await expect(page.getByTestId('seed-progress')).toHaveCount(0);
  await expect(page.getByTestId('grid-count')).toHaveText(first[1].toLocaleString('en-US'), { timeout: 90_000 });
  expect(await app.countStore('leads')).toBe(first[1]);
  await context.close();
});

test('a first start cut short by closing the tab goes on where it stopped on the next visit: every demo lead once, one seed in the trail', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto('/');
  const step = first.getByTestId('seed-step');
  // Closed once some chunks are stored, well before the last.
  await expect(step).toHaveText(/^Writing leads [1-9][\d,]* of [\d,]+/, { timeout: 180_000 });
  const [stored, total] = countOf((await step.textContent()) ?? '')!;
  expect(stored).toBeLessThan(total);
  await first.close();

  const page = await context.newPage();
  const app = new AppShell(page);
  await page.goto('/');
  // It goes on from what was stored (the same world): every lead once, not a second world on top.
  await app.waitForData();
  expect(await app.countStore('leads')).toBe(total);
  await page.goto('/audit?action=seed');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await context.close();
});
