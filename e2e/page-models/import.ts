import { expect, type Locator, type Page } from '@playwright/test';

/** The import wizard and the import history. */
export class ImportScreen {
  constructor(readonly page: Page) {}

  async open(kind: 'leads' | 'calls' | 'api' = 'leads') {
    await this.page.goto(`/import?kind=${kind}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible({ timeout: 90_000 });
  }

  async chooseFile(name: string, buffer: Buffer, mimeType = 'text/csv') {
    await this.page.getByLabel('Choose a file').setInputFiles({ name, mimeType, buffer });
    await expect(this.page.getByTestId('file-name')).toHaveText(name, { timeout: 30_000 });
  }

  /** Read another sheet of the chosen workbook; resolves when its preview is shown. */
  async chooseSheet(name: string) {
    await this.select('Sheet').selectOption(name);
    await expect(this.select('Sheet')).toHaveValue(name);
  }

  select(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get preview(): Locator {
    return this.page.getByRole('table', { name: 'Preview of the first rows as decoded' });
  }

  /** The figure of a count card (`rows`, `valid`, `rejected`, `duplicates`, `matches`, `create`). */
  count(id: string): Locator {
    return this.page.getByTestId(`count-${id}`).locator('dd').first();
  }

  /** Check the file; resolves when the counts or a file-level problem are shown. */
  async check() {
    await this.page.getByRole('button', { name: 'Check file' }).click();
    await expect(this.count('rows').or(this.page.getByRole('alert')).first()).toBeVisible({ timeout: 60_000 });
  }

  get commitButton(): Locator {
    return this.page.getByRole('button', { name: /^Import [\d,]+ (new leads?|calls)\b/ });
  }

  /** Commit and return the new batch id. */
  async commit(): Promise<number> {
    await this.commitButton.click();
    const done = this.page.getByRole('status').filter({ hasText: /Imported as batch #\d+/ });
    await expect(done).toBeVisible({ timeout: 60_000 });
    return Number((await done.getByRole('heading').textContent())!.match(/#(\d+)/)![1]);
  }

  async rollback(batchId: number) {
    await this.page.goto('/import/history');
    await this.page.getByRole('button', { name: `Roll back #${batchId}` }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Roll back' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Batch #${batchId} rolled back.` })).toBeVisible({
      timeout: 60_000,
    });
  }
}
