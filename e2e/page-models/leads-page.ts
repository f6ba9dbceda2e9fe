import { expect, type Page } from '@playwright/test';

/** The leads grid screen. */
export class LeadsPage {
  constructor(readonly page: Page) {}

  count() {
    return this.page.getByTestId('grid-count');
  }

  async countValue(): Promise<number> {
    await expect(this.count()).toBeVisible({ timeout: 60_000 });
    return Number((await this.count().innerText()).replace(/\D/g, ''));
  }

  /** Open "More filters" when the filters used less often are hidden behind it. */
  async moreFilters() {
    const more = this.page.getByRole('button', { name: /^(More filters|更多筛选)/ });
    if ((await more.getAttribute('aria-expanded')) === 'false') await more.click();
  }

  /** Pick values in a multi-select filter (by visible option label). */
  async pick(filter: string, labels: string[]) {
    if (!(await this.page.getByTestId(`filter-${filter}`).isVisible())) await this.moreFilters();
    await this.page.getByTestId(`filter-${filter}`).click();
    for (const label of labels) await this.page.getByRole('checkbox', { name: label, exact: true }).check();
    await this.page.keyboard.press('Escape');
  }

  async cohort(key: string) {
    await this.moreFilters();
    await this.page.getByLabel('Cohort').fill(key);
  }

  rows() {
    return this.page.getByTestId('lead-row');
  }

  async selectAllMatching() {
    await this.page.getByRole('checkbox', { name: /Select all .* matching leads/ }).check();
  }

  async bulk(operation: string, value?: string) {
    await this.page.getByRole('button', { name: 'Bulk edit…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Operation').selectOption({ label: operation });
    if (value !== undefined) await dialog.getByRole('textbox').first().fill(value);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('bulk-preview')).toBeVisible();
    return dialog;
  }
}
