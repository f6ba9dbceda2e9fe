// @vitest-environment jsdom
/**
 * The search box's text, live: the grid takes each keystroke at once, the URL takes the text after
 * a pause in typing, and a change of the URL's search from elsewhere replaces the text.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_TO_URL_MS, useLiveSearch } from './use-live-search';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The hook over a URL that takes what the hook writes, as the router does. */
function withUrl(initial: string) {
  const toUrl = vi.fn();
  const hook = renderHook(({ urlQ }) => useLiveSearch(urlQ, toUrl), { initialProps: { urlQ: initial } });
  toUrl.mockImplementation((q: string | undefined) => hook.rerender({ urlQ: q ?? '' }));
  return {
    hook,
    toUrl,
    text: () => hook.result.current[0],
    type: (q: string) => act(() => hook.result.current[1](q)),
    leave: () => act(() => hook.result.current[2]()),
  };
}

describe('useLiveSearch', () => {
  it('starts from the URL and writes nothing while the text equals it', () => {
    const { text, toUrl } = withUrl('smith');
    expect(text()).toBe('smith');
    act(() => vi.advanceTimersByTime(SEARCH_TO_URL_MS * 5));
    expect(toUrl).not.toHaveBeenCalled();
  });

  it('takes each keystroke at once and writes the URL once, after the pause, with the last text', () => {
    const { text, type, toUrl } = withUrl('');
    for (const q of ['g', 'ga', 'gar', 'garc']) {
      type(q);
      expect(text()).toBe(q);
      act(() => vi.advanceTimersByTime(SEARCH_TO_URL_MS - 50));
    }
    expect(toUrl).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(50));
    expect(toUrl).toHaveBeenCalledTimes(1);
    expect(toUrl).toHaveBeenCalledWith('garc');
    expect(text()).toBe('garc');
  });

  it('an emptied box takes the search out of the URL', () => {
    const { type, toUrl } = withUrl('jones');
    type('');
    act(() => vi.advanceTimersByTime(SEARCH_TO_URL_MS));
    expect(toUrl).toHaveBeenCalledWith(undefined);
  });

  it('a URL changed from elsewhere (back, a saved view, Clear filters) replaces the text and cancels the pending write', () => {
    const { hook, text, type, toUrl } = withUrl('smith');
    type('smithe');
    hook.rerender({ urlQ: 'garcia' });
    expect(text()).toBe('garcia');
    act(() => vi.advanceTimersByTime(SEARCH_TO_URL_MS * 5));
    expect(toUrl).not.toHaveBeenCalled();
  });

  it('leaving the box writes the URL at once (a click elsewhere then navigates after it), and once', () => {
    const { text, type, leave, toUrl } = withUrl('');
    type('smit');
    leave();
    expect(toUrl).toHaveBeenCalledTimes(1);
    expect(toUrl).toHaveBeenCalledWith('smit');
    act(() => vi.advanceTimersByTime(SEARCH_TO_URL_MS * 5));
    expect(toUrl).toHaveBeenCalledTimes(1);
    // Nothing waiting: leaving again writes nothing.
    leave();
    expect(toUrl).toHaveBeenCalledTimes(1);
    expect(text()).toBe('smit');
  });
});
