/**
 * A sentence that names several series ("… added up as one grey “Other”: A, B and C. …"),
 * cut into parts so each name can be drawn in its own bidi-isolated element (<bdi>). Names
 * are imported text: one holding a right-to-left override (U+202E) would otherwise reverse
 * every name and word after it in the same paragraph.
 */
export type NamePart = { name: true; text: string } | { name: false; text: string };

/** The placeholder passed for the list; no series name holds NUL. */
export const LIST_SLOT = '\u0000';

/**
 * `sentence` (translated with `LIST_SLOT` where the list goes) with the slot replaced by
 * `names` as a list in `lang` ("A, B, C" in English, "A、B、C" in Chinese), names as parts of their own.
 */
export function sentenceWithNames(sentence: string, names: readonly string[], lang: string): NamePart[] {
  const [before = '', after = ''] = sentence.split(LIST_SLOT);
  const list: NamePart[] = new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' })
    .formatToParts(names)
    .map((p) => (p.type === 'element' ? { name: true, text: p.value } : { name: false, text: p.value }));
  return [{ name: false as const, text: before }, ...list, { name: false as const, text: after }].filter(
    (p) => p.name || p.text !== '',
  );
}
