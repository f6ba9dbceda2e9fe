// @vitest-environment jsdom
/**
 * The call list's stale-copy box: shown with the copies the preview found, or, when the export
 * worker refused a list over a copy the preview had not shown as stale, shown anyway so the
 * reason can be given; not shown otherwise.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../i18n/i18n';
import { noExclusions } from '../../../domain/import-export/call-list';
import { CallListPanel } from './call-list-panel';

vi.mock('@tanstack/react-router', () => ({ Link: (p: { children: unknown }) => p.children }));

beforeAll(() => initI18n());
afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 4, 12);
const panel = (
  refused: boolean,
  stale: { listId: string; publishedAt: number | null; ageDays: number | null; maxAgeDays: number }[],
) => {
  const onOverride = vi.fn();
  render(
    <CallListPanel
      at={NOW}
      now={NOW}
      onAt={() => undefined}
      preview={{ exclusions: noExclusions(), stale, at: NOW }}
      loading={false}
      filter={{}}
      override=""
      onOverride={onOverride}
      timeZone="UTC"
      refused={refused}
    />,
  );
  return onOverride;
};

describe('the call list panel', () => {
  it('asks for no reason while no copy is stale and nothing was refused', () => {
    panel(false, []);
    expect(screen.queryByLabelText(/Override with a written reason/)).toBeNull();
  });

  it('lists the stale copies the preview found and asks for the reason', () => {
    panel(false, [{ listId: 'uk-tps', publishedAt: NOW - 40 * 86_400_000, ageDays: 40, maxAgeDays: 28 }]);
    expect(screen.getByRole('alert').textContent).toContain('uk-tps');
    expect(screen.getByLabelText(/Override with a written reason/)).toBeTruthy();
  });

  it('asks for the reason after the worker refused the list, though the preview showed no stale copy', () => {
    const onOverride = panel(true, []);
    const box = screen.getByLabelText(/Override with a written reason/);
    fireEvent.change(box, { target: { value: 'Checked with the registry by phone today' } });
    expect(onOverride).toHaveBeenCalledWith('Checked with the registry by phone today');
  });
});
