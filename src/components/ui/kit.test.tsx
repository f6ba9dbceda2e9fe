// @vitest-environment jsdom
/**
 * The kit's behaviour that screens rely on: a dialog keeps focus inside, Escape closes it and
 * focus goes back to its opener; a tab strip moves with the arrow keys; a table names itself by
 * its caption and scopes its header cells; a progress bar reports percent.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog, DialogClose, DialogDescription, DialogFooter, DialogTitle } from './dialog';
import { Progress } from './progress';
import { Table, TableBody, TableHead, Td, Th } from './table';
import { Tabs } from './tabs';

afterEach(cleanup);

function DialogHarness({ alert = false }: { alert?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Outside</button>
      {open && (
        <Dialog alert={alert} onClose={() => setOpen(false)}>
          <DialogTitle>Delete 3 leads</DialogTitle>
          <DialogDescription>They go to the bin.</DialogDescription>
          <DialogFooter>
            <DialogClose>
              <button type="button">Cancel</button>
            </DialogClose>
            <button type="button">Delete</button>
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it.each([false, true])(
    'alert=%s: named by its title, traps Tab, closes on Escape and returns focus',
    async (alert) => {
      render(<DialogHarness alert={alert} />);
      const opener = screen.getByRole('button', { name: 'Open' });
      opener.focus();
      fireEvent.click(opener);
      const dialog = await screen.findByRole(alert ? 'alertdialog' : 'dialog', { name: 'Delete 3 leads' });
      expect(dialog).toHaveProperty('textContent', expect.stringContaining('They go to the bin.'));
      const cancel = screen.getByRole('button', { name: 'Cancel' });
      const remove = screen.getByRole('button', { name: 'Delete' });
      // An alert dialog starts on Cancel (the safe choice); a plain one on its first control.
      expect(document.activeElement).toBe(cancel);
      // Tab from the last control wraps to the first, Shift+Tab from the first to the last: focus never leaves.
      remove.focus();
      fireEvent.keyDown(remove, { key: 'Tab' });
      expect(document.activeElement).toBe(cancel);
      fireEvent.keyDown(cancel, { key: 'Tab', shiftKey: true });
      expect(document.activeElement).toBe(remove);
      // Whatever is outside is hidden from assistive technology and cannot take focus.
      expect(screen.queryByRole('button', { name: 'Outside' })).toBeNull();
      act(() => screen.getByText('Outside').focus());
      expect(dialog.contains(document.activeElement)).toBe(true);

      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      expect(screen.queryByRole(alert ? 'alertdialog' : 'dialog')).toBeNull();
      // Radix gives focus back once the dialog has unmounted (a task later).
      await waitFor(() => expect(document.activeElement).toBe(opener));
    },
  );
});

function TabsHarness() {
  const [view, setView] = useState<'chart' | 'table' | 'triangle'>('chart');
  return (
    <Tabs
      label="Views"
      value={view}
      onValueChange={setView}
      tabs={[
        { value: 'chart', label: 'Chart' },
        { value: 'table', label: 'Table' },
        { value: 'triangle', label: 'Triangle' },
      ]}
    >
      <p>Showing {view}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('arrow keys move between tabs and select them; the panel is the selected tab’s', async () => {
    render(<TabsHarness />);
    expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy();
    const chart = screen.getByRole('tab', { name: 'Chart' });
    expect(chart.getAttribute('aria-selected')).toBe('true');
    act(() => chart.focus());
    // Radix moves focus a task after the key (then focus selects the tab).
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    const table = screen.getByRole('tab', { name: 'Table' });
    await waitFor(() => expect(document.activeElement).toBe(table));
    expect(table.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('Showing table');
    // Left from the first wraps to the last; Home jumps to the first.
    fireEvent.keyDown(table, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement).toBe(chart));
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Triangle' })));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(chart));
    expect(chart.getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the Tab order.
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  });
});

describe('Table', () => {
  it('is named by its caption, scopes its headers and right-aligns figures', () => {
    render(
      <Table caption="Leads per source" captionHidden>
        <TableHead>
          <tr>
            <Th>Source</Th>
            <Th numeric>Leads</Th>
          </tr>
        </TableHead>
        <TableBody>
          <tr>
            <Th scope="row">Web form</Th>
            <Td numeric>1,204</Td>
          </tr>
        </TableBody>
      </Table>,
    );
    const table = screen.getByRole('table', { name: 'Leads per source' });
    expect(table.querySelector('caption')?.className).toContain('sr-only');
    expect(screen.getAllByRole('columnheader').map((h) => h.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(screen.getByRole('rowheader', { name: 'Web form' }).getAttribute('scope')).toBe('row');
    const figure = screen.getByRole('cell', { name: '1,204' });
    expect(figure.className).toContain('text-right');
    expect(figure.className).toContain('tabular-nums');
  });
});

describe('Progress', () => {
  it('reports its value in percent and its count in words', () => {
    render(<Progress label="Import progress" value={250} max={1000} valueText="250 of 1,000 rows" />);
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('250 of 1,000 rows');
  });
});
