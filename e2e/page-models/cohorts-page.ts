import { expect, type Locator, type Page } from '@playwright/test';

/** The Cohorts screen: controls, views, chart tooltip, table and CSV. */
export class CohortsPage {
  constructor(readonly page: Page) {}

  async waitForFigures() {
    await expect(this.page.getByTestId('cohorts-computed')).toBeVisible({ timeout: 60_000 });
  }

  async choose(label: RegExp | string, value: string) {
    await this.page.getByLabel(label).selectOption(value);
  }

  tab(name: RegExp | string): Locator {
    return this.page.getByRole('tab', { name });
  }

  bars(): Locator {
    return this.page.locator('[data-testid="cohort-chart"] .recharts-bar-rectangle path');
  }

  /** The first axis label of the chart whose text matches. */
  axisLabel(text: RegExp): Locator {
    return this.page
      .getByTestId('cohort-chart')
      .locator('.recharts-cartesian-axis-tick-value', { hasText: text })
      .first();
  }

  tooltip(): Locator {
    return this.page.getByTestId('cohort-tooltip');
  }

  table(): Locator {
    return this.page.getByTestId('cohort-table');
  }

  /** Every body row of the table view as its cells' text. */
  async tableRows(): Promise<string[][]> {
    await expect(this.table()).toBeVisible();
    return this.table()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  }

  async tableHeader(): Promise<string[]> {
    // Without the sort indicator each sortable header carries (↕ ▲ ▼).
    return (await this.table().locator('thead th').allTextContents()).map((t) => t.replace(/[↕▲▼]/g, '').trim());
  }

  /** Click "Export CSV" and return the file's text (without its byte-order mark). */
  async exportCsv(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /Export CSV|导出 CSV/ }).click();
    const file = await download;
    const chunks: Buffer[] = [];
    for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\ufeff/, '');
  }
}
