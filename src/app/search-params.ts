/**
 * How search params are read from and written to the URL. The router's default (and anything
 * built with its `parseSearchWith`, whose decoder turns `123` and `true` into a number and a
 * boolean before the parser sees them) made a hand-typed `/leads?q=2137337987` a number; the
 * string schema refused it and the search was silently ignored. Here text stays text: only JSON arrays and
 * objects (lists are written as JSON) and JSON-quoted strings are parsed; anything else is the
 * raw string, and a schema that wants a number or a boolean coerces it (`z.coerce.number()`,
 * `z.stringbool()`). Writing quotes exactly the strings that would otherwise be read back as
 * something else, so every string round-trips and plain values stay readable in the address bar.
 */
import { stringifySearchWith } from '@tanstack/react-router';

/** One param's text to its value: arrays, objects and quoted strings from JSON, everything else as given. */
export function readParam(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  return typeof value === 'string' || (typeof value === 'object' && value !== null) ? value : text;
}

/** `?a=1&b=x` to `{ a: '1', b: 'x' }`; a repeated key gives a list (`?tags=a&tags=b`). */
export function parseSearch(searchStr: string): Record<string, unknown> {
  // No prototype: a `__proto__` param is a key like any other.
  const search: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, text] of new URLSearchParams(searchStr)) {
    const value = readParam(text);
    const before = search[key];
    search[key] =
      before === undefined ? value : Array.isArray(before) ? [...(before as unknown[]), value] : [before, value];
  }
  return search;
}

export const stringifySearch = stringifySearchWith(JSON.stringify, (text: string) => {
  // The router quotes a string when this does not throw: only those `readParam` would change.
  if (readParam(text) === text) throw new Error('reads back as itself');
  return text;
});
