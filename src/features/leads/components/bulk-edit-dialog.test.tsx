// @vitest-environment jsdom
/**
 * The bulk-edit dialog in-process, as a steward uses it from the selection bar: the bulk-edit
 * worker's code (bulk-edit-api.ts) runs here over a seeded fake-indexeddb in place of the
 * worker. Open it for a selection, pick an operation, Preview counts the changes, Apply saves
 * them (read back from the database), an invalid operation says why and changes nothing, and
 * Undo restores the leads.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadsDb } from '../../../db/leads-db';
import { closeAll, dbWith, demoSlice } from '../../../db/repos/compliance-test-fixture';
import type { Lead } from '../../../domain/leads/lead';
import { initI18n } from '../../../i18n/i18n';
import { SelectionBar } from './selection-bar';
import { SelectionStore } from '../model/use-selection';
import { createGridEngine } from '../../../workers/grid-engine';

const h = vi.hoisted(() => ({ db: null as unknown, engine: null as unknown, counted: [] as unknown[] }));
vi.mock('../../../db/leads-db', async (original) => ({ ...(await original<object>()), getDb: () => h.db }));
// The grid engine in-process over the same database: it counts a Preview off its columns when it is current.
vi.mock('../../../shared/engine/grid-worker', () => ({ gridWorker: () => h.engine }));
vi.mock('../api/bulk-edit-worker', async () => {
  const { createBulkEditApi } = await import('../../../workers/bulk-edit-api');
  return { bulkEditWorker: () => createBulkEditApi(h.db as LeadsDb) };
});

let db: LeadsDb;
let leads: Lead[];
let engine: ReturnType<typeof createGridEngine>;

beforeAll(async () => {
  // fake-indexeddb on a busy machine answers slower than Testing Library's 1 s default.
  configure({ asyncUtilTimeout: 10_000 });
  initI18n();
  const data = demoSlice(200);
  leads = data.leads;
  db = await dbWith(data);
  h.db = db;
  engine = createGridEngine(db);
  h.engine = {
    ...engine,
    async previewBulkEdit(...ask: Parameters<typeof engine.previewBulkEdit>) {
      const counted = await engine.previewBulkEdit(...ask);
      h.counted.push(counted);
      return counted;
    },
  };
  // Building the demo world the slice comes from takes seconds, more on a busy machine.
}, 120_000);
afterEach(cleanup);
afterAll(closeAll);

/** The selection bar with `ids` selected, its dialog open. */
async function openDialog(ids: number[]) {
  const store = new SelectionStore();
  store.replace(ids);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SelectionBar store={store} filter={{}} sort="name" />
    </QueryClientProvider>,
  );
  expect(screen.getByTestId('selection-count').textContent).toBe(`${ids.length} leads selected`);
  fireEvent.click(screen.getByRole('button', { name: 'Bulk edit…' }));
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByRole('heading').textContent).toBe(`Bulk edit ${ids.length} leads`);
  return dialog;
}

const tagsOf = async (ids: number[]) => (await db.leads.bulkGet(ids)).map((l) => l!.tags);

describe('the bulk-edit dialog', () => {
  it('Preview counts the changes, Apply saves them in one audited edit, Undo restores the leads', async () => {
    const ids = leads.slice(0, 6).map((l) => l.id);
    // One of the six already carries the tag: five will change.
    await db.leads.update(ids[0]!, { tags: [...leads[0]!.tags, 'spring-fair'] });
    const tagsBefore = await tagsOf(ids);
    const auditBefore = await db.audit.count();
    // The grid on screen has asked the engine: it holds the data as they are, the update included.
    await engine.query({}, 'name');
    h.counted.length = 0;
    const dialog = await openDialog(ids);

    fireEvent.change(within(dialog).getByLabelText('Operation'), { target: { value: 'add-tags' } });
    fireEvent.change(within(dialog).getByLabelText('Tags (comma-separated)'), { target: { value: ' spring-fair ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    const preview = await within(dialog).findByTestId('bulk-preview');
    expect(preview.textContent).toBe('Add tags: 5 leads will change, 1 are already so.');
    // Counted off the engine's columns (no lead read for it); the worker read the selection for the Apply meanwhile.
    expect(h.counted).toEqual([{ selected: 6, changed: 5, unchanged: 1, missing: 0 }]);
    // Preview reads only.
    expect(await tagsOf(ids)).toEqual(tagsBefore);
    expect(await db.audit.count()).toBe(auditBefore);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply to 5 leads' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('bulk-done').textContent).toContain('Add tags: 5 leads changed; the selection is kept.');
    const after = await db.leads.bulkGet(ids);
    expect(after.every((l) => l!.tags.filter((t) => t === 'spring-fair').length === 1)).toBe(true);
    expect(await db.audit.count()).toBe(auditBefore + 1);
    const entry = (await db.audit.orderBy('seq').last())!;
    expect(entry).toMatchObject({ action: 'bulk-edit', entity: 'lead' });
    expect([...entry.ids].map(Number).sort((a, b) => a - b)).toEqual(ids.slice(1).sort((a, b) => a - b));
    // The selection survives Apply.
    expect(screen.getByTestId('selection-count').textContent).toBe('6 leads selected');

    const undo = await screen.findByRole('button', { name: /Undo/ });
    expect(undo.closest('span')!.textContent).toContain('Last: Add tags (5)');
    fireEvent.click(undo);
    expect((await screen.findByText('Undone: 5 leads restored')).getAttribute('role')).toBe('status');
    expect(await tagsOf(ids)).toEqual(tagsBefore);
    expect((await db.audit.orderBy('seq').last())!).toMatchObject({
      action: 'undo',
      after: expect.objectContaining({ undid: entry.seq }),
    });
  });

  it('an invalid operation says why, cannot be previewed or applied, and changes nothing', async () => {
    const ids = leads.slice(6, 10).map((l) => l.id);
    const tagsBefore = await tagsOf(ids);
    const auditBefore = await db.audit.count();
    const dialog = await openDialog(ids);
    fireEvent.change(within(dialog).getByLabelText('Operation'), { target: { value: 'add-tags' } });
    fireEvent.change(within(dialog).getByLabelText('Tags (comma-separated)'), {
      target: { value: `ok, ${'x'.repeat(41)}` },
    });
    expect(within(dialog).getByRole('alert').textContent).toBe('A tag has at most 40 characters.');
    const previewButton = within(dialog).getByRole('button', { name: 'Preview' }) as HTMLButtonElement;
    expect(previewButton.disabled).toBe(true);
    fireEvent.click(previewButton);
    expect(within(dialog).queryByTestId('bulk-preview')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: /Apply to/ })).toBeNull();

    // Consent renewal valid for 0 months: the same, in its own words.
    fireEvent.change(within(dialog).getByLabelText('Operation'), { target: { value: 'renew-consent' } });
    fireEvent.change(within(dialog).getByLabelText('Proof reference (e.g. recording id)'), {
      target: { value: 'rec-7' },
    });
    fireEvent.change(within(dialog).getByLabelText('Valid for (months)'), { target: { value: '0' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('Validity is a whole number of months from 1 to 120.');
    // Corrected, it previews.
    fireEvent.change(within(dialog).getByLabelText('Valid for (months)'), { target: { value: '12' } });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect((await within(dialog).findByTestId('bulk-preview')).textContent).toMatch(
      /^Record consent renewal: 4 leads will change/,
    );

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await tagsOf(ids)).toEqual(tagsBefore);
    expect(await db.audit.count()).toBe(auditBefore);
  });
});
