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
    // No render of the old answer in between: the new one is drawn in the urgent render itself.
    expect(seen).not.toContain('first');
    expect(seen[0]).toBe('second');
    expect(seen.at(-1)).toBe('second');
  });

  it('an answer there at the first render is drawn at once', () => {
    const { seen, Screen } = harness();
    render(<Screen answer="cached" />);
    expect(seen.at(-1)).toBe('cached');
  });
});
