// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useFirstAnswerDeferred } from './use-first-answer-deferred';

afterEach(cleanup);

/** Renders what the hook returns for each answer given, in order. */
function harness() {
  const seen: (string | undefined)[] = [];
  function Screen({ answer }: { answer: string | undefined }) {
    seen.push(useFirstAnswerDeferred(answer));
    return null;
  }
  return { seen, Screen };
}

describe('useFirstAnswerDeferred', () => {
  it('renders the first answer as "not yet" first, then with it; later answers at once', async () => {
    const { seen, Screen } = harness();
    const { rerender } = render(<Screen answer={undefined} />);
    expect(seen).toEqual([undefined]);

    seen.length = 0;
    await act(async () => rerender(<Screen answer="first" />));
    // The urgent render still says "not yet"; the deferred one draws the answer.
    expect(seen[0]).toBeUndefined();
    expect(seen.at(-1)).toBe('first');

    seen.length = 0;
    await act(async () => rerender(<Screen answer="second" />));
    // The new one is drawn in the urgent render itself: no render shows the old one.
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['second']));

    // From then on the deferred value stays put, so an answer costs one render, not a second one in the background.
    seen.length = 0;
    await act(async () => rerender(<Screen answer="third" />));
    expect(seen).toEqual(['third']);
  });

  it('an answer there at the first render is drawn at once', () => {
    const { seen, Screen } = harness();
    render(<Screen answer="cached" />);
    expect(seen.at(-1)).toBe('cached');
  });
});
