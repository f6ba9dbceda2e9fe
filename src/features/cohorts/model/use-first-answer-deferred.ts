import { useDeferredValue, useState } from 'react';

/**
 * The first answer of a screen drawn in a render React may interrupt, later answers at once.
 *
 * A query's answer reaches React as an urgent update, which React renders in one task. The cohort
 * chart's first mount (recharts: its store, its selectors, every bar) was one such task of 240–290
 * ms at 100k. Deferred, the answer is first rendered as "not yet" (the loading line the screen
 * already shows), then rendered again in a transition, which React does in slices of a few
 * milliseconds with the page answering input between them. After the first, answers are not
 * deferred: a control change keeps its chart on screen and swaps it in one render, as before.
 */
export function useFirstAnswerDeferred<T>(answer: T | undefined): T | undefined {
  const [drawn, setDrawn] = useState(false);
  // Once drawn, the deferred value stays put (after one last background render, on the next answer):
  // following each answer, it would queue a second, background render of the screen for every answer.
  const deferred = useDeferredValue(drawn ? undefined : answer);
  // Adjusted while rendering (react.dev, "adjusting some state when a prop changes"): the render
  // that first holds a deferred answer marks it drawn and is rendered again at once with it.
  if (deferred !== undefined && !drawn) setDrawn(true);
  return drawn ? answer : deferred;
}
