import { expect, type Page } from '@playwright/test';

/** The Compliance screens: queues, DNC lists, retention, proof, and the lead consent panel. */
export class CompliancePage {
  constructor(readonly page: Page) {}

  async open(path = '/compliance') {
    await this.page.goto(path);
    // A first start's demo lands beneath the screen: wait until all of it is stored.
    await expect(this.page.locator('main[data-seed="ready"]')).toBeAttached({ timeout: 240_000 });
    await expect(this.page.locator('main h1').first()).toBeVisible({ timeout: 90_000 });
  }

  /** A figure as a number, from its element's text ("12,345" → 12345). */
  async figure(testId: string, within = this.page.locator('body')): Promise<number> {
    const el = within.getByTestId(testId).first();
    // A stat card's value is its first <dd>; its note may hold digits too.
    const value = (await el.locator('dd').count()) > 0 ? el.locator('dd').first() : el;
    return Number((await value.innerText()).replace(/[^\d]/g, ''));
  }

  async callableNow(): Promise<number> {
    await this.open('/compliance');
    await expect(this.page.getByTestId('compliance-callable')).toBeVisible({ timeout: 60_000 });
    return this.figure('compliance-callable');
  }

  queue(id: string) {
    return this.page.getByTestId(`compliance-queue-${id}`);
  }

  async queueCount(id: string): Promise<number> {
    await expect(this.queue(id)).toBeVisible({ timeout: 60_000 });
    return this.figure('queue-count', this.queue(id));
  }

  /** Wait until the queue shows `expected` (the summary refreshes after each change). */
  async expectQueue(id: string, expected: number | ((n: number) => boolean)) {
    const ok = (n: number) => (typeof expected === 'number' ? n === expected : expected(n));
    await expect
      .poll(
        async () => {
          const n = await this.queueCount(id);
          return ok(n) ? 'ok' : n;
        },
        { timeout: 60_000 },
      )
      .toBe('ok');
  }

  /** Import `text` as a new version of `list` (name as shown), published today. */
  async importDncVersion(listName: string, fileName: string, text: string) {
    const form = this.page.getByRole('form', { name: 'Import a new version' });
    await form.getByLabel('List').selectOption({ label: listName });
    await form.getByLabel('File').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect(this.page.getByTestId('dnc-file-preview')).toBeVisible();
    await form.getByRole('button', { name: 'Import version' }).click();
    await expect(form.getByRole('status')).toContainText('imported', { timeout: 60_000 });
  }

  async recheckCount(): Promise<number> {
    const el = this.page.getByTestId('recheck-count');
    await expect(el).not.toHaveText('…', { timeout: 60_000 });
    return Number((await el.innerText()).replace(/[^\d]/g, ''));
  }

  async scrub() {
    await this.page.getByRole('button', { name: 'Scrub all leads now' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Scrub complete' })).toBeVisible({ timeout: 120_000 });
  }

  panel() {
    return this.page.getByTestId('lead-consent-panel');
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `${process.env.E2E_OUTPUT ?? 'test-results'}/${name}.png`, fullPage: true });
  }
}
