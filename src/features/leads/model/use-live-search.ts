import { useCallback, useEffect, useState } from 'react';

/** How long the URL waits after the last keystroke before it takes the search (replacing the entry: typing adds no history). */
export const SEARCH_TO_URL_MS = 200;

/**
 * The search box's text, live: the grid asks the engine for it as it is typed, and the URL (which
 * keeps the screen shareable) follows after a pause. When the URL's search changes from elsewhere
 * (back, a saved view, a link, Clear filters) the text takes it, adjusted during render
 * (react.dev "adjusting some state when a prop changes"), not in an effect. Until session 31 the
 * grid followed the URL, so every search waited the pause before the engine was even asked.
 */
export function useLiveSearch(
  urlQ: string,
  toUrl: (q: string | undefined) => void,
): [q: string, setQ: (q: string) => void, flush: () => void] {
  const [q, setQ] = useState(urlQ);
  const [seenUrlQ, setSeenUrlQ] = useState(urlQ);
  if (seenUrlQ !== urlQ) {
    setSeenUrlQ(urlQ);
    setQ(urlQ);
  }
  useEffect(() => {
    if (q === urlQ) return;
    const h = setTimeout(() => toUrl(q || undefined), SEARCH_TO_URL_MS);
    return () => clearTimeout(h);
  }, [q, urlQ, toUrl]);
  // The box left (a click elsewhere: a link, a header, a button): the URL takes the text now, so
  // a navigation that click starts comes after it, not before a write still waiting for its pause.
  const flush = useCallback(() => {
    if (q !== urlQ) toUrl(q || undefined);
  }, [q, urlQ, toUrl]);
  return [q, setQ, flush];
}
