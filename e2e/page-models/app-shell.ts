import { expect, type Page } from '@playwright/test';

/** The app shell: navigation, language switch, and waiting for the demo data. */
export class AppShell {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  async open(path = '/') {
    await this.page.goto(path);
    await this.waitForData();
  }

  /**
   * First start seeds ~20,000 demo leads in the background (in the demo worker, the app usable
   * meanwhile); wait until the screen shows and the demo data is all stored (`data-seed` on the
   * main element: "ready" once it is, or once the page found nothing to seed). On a loaded 2-core
   * machine seeding alone has taken 90 s.
   */
  async waitForData() {
    await expect(this.page.locator('main[data-seed="ready"]')).toBeAttached({ timeout: 240_000 });
    await expect(this.page.locator('main h1').first()).toBeVisible({ timeout: 60_000 });
  }

  nav(name: RegExp | string) {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }

  async switchLanguage(label: 'English' | '中文') {
    await this.page
      .getByRole('group', { name: /Language|语言/ })
      .first()
      .getByRole('button', { name: label })
      .first()
      .click();
  }

  /** Count rows of an IndexedDB store straight from the browser, bypassing the app. */
  async countStore(store: string): Promise<number> {
    return this.page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('leadledger');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction(name, 'readonly').objectStore(name).count();
            req.onsuccess = () => {
              resolve(req.result);
              db.close();
            };
            req.onerror = () => reject(req.error);
          };
        }),
      store,
    );
  }
}
