import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LeadsPage } from './page-models/leads-page';

/**
 * Issue 16 (decision 071): the grid's rows are painted in the layer of the page, not split into
 * composited layers of their own. Chromium gives a layer to a box painted after a composited one
 * (the search box's caret, the sticky side bar of a scrolled document) when it might overlap it;
 * the rows' cells clip their text, so they could not share one, and two layers a row were made:
 * ~50 layers rastered anew before the next frame, which made a search land ~25 ms later.
 */

/**
 * The composited layers read from the compositor (CDP): how many paint a part of the grid's rows, and how
 * many could be traced to a node of the page at all (so that "none in the rows" is not "none found").
 */
async function rowLayers(page: Page): Promise<{ inRows: number; traced: number }> {
  const cdp = await page.context().newCDPSession(page);
  let layers: { layerId: string; backendNodeId?: number }[] | null = null;
  cdp.on('LayerTree.layerTreeDidChange', (e: { layers?: { layerId: string; backendNodeId?: number }[] }) => {
    if (e.layers) layers = e.layers;
  });
  await cdp.send('DOM.enable');
  await cdp.send('LayerTree.enable');
  // A frame for the compositor to report its tree: a move of the pointer off the grid.
  await page.mouse.move(3, 3);
  await expect.poll(() => layers !== null).toBe(true);
  let inRows = 0;
  let traced = 0;
  for (const layer of layers! as { backendNodeId?: number }[]) {
    if (!layer.backendNodeId) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: layer.backendNodeId });
    if (!object.objectId) continue;
    // A layer may belong to a text node (a cell's text is the cell's own child): its element is its parent.
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        const el = this.nodeType === 1 ? this : this.parentElement;
        if (!el || !el.isConnected) return 'none';
        return el.closest('[data-testid="grid-rows"]') ? 'rows' : 'page';
      }`,
      returnByValue: true,
    });
    if (result.value === 'rows') inRows++;
    if (result.value !== 'none') traced++;
  }
  await cdp.detach();
  return { inRows, traced };
}

test('the grid rows share the page’s layer while the search box has the caret and the page is scrolled', async ({
  app,
}) => {
  const page = app.page;
  const leads = new LeadsPage(page);
  await app.open('/leads');
  await expect(leads.rows().first().getByTestId('verdict-badge')).toBeVisible({ timeout: 90_000 });
  const all = await leads.countValue();

  // A search typed: the caret blinks in its own layer, above the grid in the page's order of painting.
  const search = page.getByRole('searchbox', { name: 'Search leads' });
  await search.fill('a');
  await expect.poll(() => leads.countValue()).toBeLessThan(all);
  await expect(leads.rows().first().getByTestId('verdict-badge')).toBeVisible();
  await expect(search).toBeFocused();
  const typed = await rowLayers(page);
  // The caret's box (the search box) at least is a layer of its own, traced to its element.
  expect(typed.traced).toBeGreaterThan(0);
  expect(typed.inRows).toBe(0);

  // A document taller than the window (as a banner above the page makes it), scrolled to its end: the side
  // bar stays, sticky, and so composited; the rows still share one layer. (Without the padding the document
  // scrolls only when a banner happens to show, so this step would not be sure to test anything.)
  await page.evaluate(() => {
    document.getElementById('main')!.style.paddingBottom = '400px';
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const scrolled = await rowLayers(page);
  expect(scrolled.traced).toBeGreaterThan(0);
  expect(scrolled.inRows).toBe(0);
});
