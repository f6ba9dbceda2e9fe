import { expect, test } from '@playwright/test';
import { AppShell } from './page-models/app-shell';

const OUT = process.env.E2E_OUTPUT ?? 'test-results';

/** "Writing leads 4,000 of 21,215" → [4000, 21215]; null for a step without a count of a total. */
function countOf(text: string): [number, number] | null {
  const m = text.match(/([\d,]+) of ([\d,]+)/);
  return m ? [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))] : null;
}

test('first start: the demo data is written in the background with a counted, moving progress line, then the app opens', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const step = page.getByTestId('seed-step');
  const bar = page.getByRole('progressbar', { name: 'Demo data progress' });
  await expect(page.getByRole('heading', { name: 'Preparing the demo data' })).toBeVisible({ timeout: 30_000 });
  // Counted in the unit being written, as soon as the first chunk of leads is stored.
  await expect(step).toHaveText(/^Writing leads [\d,]+ of [\d,]+$/, { timeout: 180_000 });
  const first = countOf((await step.textContent()) ?? '')!;
  expect(first[1]).toBeGreaterThan(15_000);
  const firstPct = Number(await bar.getAttribute('aria-valuenow'));
  await page.screenshot({ path: `${OUT}/demo-seeding-progress.png` });
  // It moves: the whole-wait bar grows, and the step goes on to the calls, consents and DNC numbers.
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 90_000 })
    .toBeGreaterThan(firstPct);
  await expect(page.getByText(/^\d+ s so far$/)).toBeVisible();
  await expect(step).toHaveText(/^Writing (calls|consent records|DNC list numbers) [\d,]+ of [\d,]+$/, {
    timeout: 240_000,
  });
  // Then the app opens with the demo data in it, and the progress screen is gone.
  const app = new AppShell(page);
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 300_000 });
  await expect(page.getByTestId('seed-progress')).toHaveCount(0);
  await expect(page.getByTestId('figure-leads')).toContainText(/[1-9]/, { timeout: 90_000 });
  expect(await app.countStore('leads')).toBe(first[1]);
  await context.close();
});
