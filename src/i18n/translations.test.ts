import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from './i18n';

/**
 * English and Chinese say the same things: the same keys (plural forms as each language needs
 * them), the same placeholders, every key the code asks for exists, and no key is kept that
 * nothing asks for.
 *
 * Plural keys: i18next appends the CLDR category of the count (`_one`, `_other`…), and the
 * categories differ by language: English needs `_one` and `_other`, Chinese only `_other`.
 * So parity is over key bases (the key without its plural suffix); a plural base must carry
 * exactly `Intl.PluralRules(lang)`'s categories in each language.
 */

const DIR = import.meta.dirname;
const SRC = join(DIR, '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else throw new Error(`${prefix}: a translation is a string or an object`);
  return out;
}

function jsonFiles(lang: string): Map<string, Record<string, unknown>> {
  const dir = join(DIR, lang);
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>]),
  );
}

/** The language's keys as i18next sees them: its files merged at the top level (see i18n.ts). */
function keysOf(lang: string): Flat {
  const out: Flat = new Map();
  for (const content of jsonFiles(lang).values()) flatten(content, '', out);
  return out;
}

const baseOf = (key: string) => key.replace(PLURAL, '');
const suffixOf = (key: string) => PLURAL.exec(key)?.[1];
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!);

/** Base → its plural suffixes (empty for a plain key) and the placeholders of all its forms. */
function byBase(keys: Flat): Map<string, { forms: Set<string>; vars: Set<string> }> {
  const out = new Map<string, { forms: Set<string>; vars: Set<string> }>();
  for (const [key, text] of keys) {
    const entry = out.get(baseOf(key)) ?? { forms: new Set<string>(), vars: new Set<string>() };
    const suffix = suffixOf(key);
    if (suffix) entry.forms.add(suffix);
    for (const v of placeholders(text)) entry.vars.add(v);
    out.set(baseOf(key), entry);
  }
  return out;
}

/** Production source: every .ts/.tsx under src but tests. */
function sources(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('testing/'))
    .map((f) => readFileSync(join(SRC, f), 'utf8'));
}

const LANGS = SUPPORTED_LANGUAGES;
const keys = Object.fromEntries(LANGS.map((l) => [l, byBase(keysOf(l))])) as Record<
  (typeof LANGS)[number],
  ReturnType<typeof byBase>
>;
const bases = new Set(LANGS.flatMap((l) => [...keys[l].keys()]));
/** Bases every language defines (a missing one is reported once, by the parity test). */
const shared = [...bases].filter((b) => LANGS.every((l) => keys[l].has(b)));
const code = sources();
/** Keys written literally as the first argument of t() (or i18nKey). */
const literalKeys = new Set(
  code.flatMap((s) => [...s.matchAll(/(?:\bt\(\s*|i18nKey=)(['"])([\w.-]+)\1/g)].map((m) => m[2]!)),
);
/** Every quoted word-and-dot string: keys also travel in variables and tables before reaching t(). */
const strings = new Set(code.flatMap((s) => [...s.matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1]!)));
/** `prefix.${x}`: every key under the prefix may be asked for. */
const templatePrefixes = new Set(
  code.flatMap((s) => [...s.matchAll(/`([\w-]+(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]!)),
);

/** A key the code may ask for: itself, a subtree (returnObjects), or with a context suffix. */
function defines(key: string): boolean {
  if (bases.has(key)) return true;
  for (const b of bases) if (b.startsWith(`${key}.`) || b.startsWith(`${key}_`)) return true;
  return false;
}

/** Reached by the code: named in a string, under a template prefix, a parent named (returnObjects), or a context of a named key. */
function reached(base: string): boolean {
  if (strings.has(base)) return true;
  for (const p of templatePrefixes) if (base.startsWith(p)) return true;
  const parts = base.split('.');
  for (let i = 2; i < parts.length; i++) if (strings.has(parts.slice(0, i).join('.'))) return true;
  const last = parts.at(-1)!;
  const underscore = last.lastIndexOf('_');
  return underscore > 0 && strings.has([...parts.slice(0, -1), last.slice(0, underscore)].join('.'));
}

describe('translations', () => {
  it('English and Chinese have the same files, and no two files of a language share a top-level key (they are merged shallowly)', () => {
    const files = LANGS.map((l) => [...jsonFiles(l).keys()].sort());
    for (const f of files) expect(f).toEqual(files[0]);
    for (const lang of LANGS) {
      const owner = new Map<string, string>();
      for (const [file, content] of jsonFiles(lang)) {
        for (const top of Object.keys(content)) {
          expect(owner.get(top), `${lang}/${file}: top-level "${top}" also in ${owner.get(top)}`).toBeUndefined();
          owner.set(top, file);
        }
      }
    }
  });

  it('English and Chinese define the same keys', () => {
    for (const lang of LANGS)
      expect(
        [...bases].filter((b) => !keys[lang].has(b)),
        `missing in ${lang}`,
      ).toEqual([]);
  });

  it('a plural key carries exactly the plural forms its language has (en: one, other; zh: other)', () => {
    const plural = shared.filter((b) => LANGS.some((l) => keys[l].get(b)!.forms.size > 0));
    expect(plural.length).toBeGreaterThan(10);
    for (const lang of LANGS) {
      const needed = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      const wrong = plural.filter((b) => [...keys[lang].get(b)!.forms].sort().join() !== needed.join());
      expect(
        wrong.map((b) => `${b}: ${[...keys[lang].get(b)!.forms].join(',') || 'no plural forms'}`),
        `${lang} needs ${needed.join(', ')}`,
      ).toEqual([]);
    }
  });

  it('both languages use the same placeholders in a key', () => {
    const differ = shared.filter((b) => new Set(LANGS.map((l) => [...keys[l].get(b)!.vars].sort().join())).size > 1);
    expect(differ).toEqual([]);
  });

  it('every key written in the code exists, and every `prefix.${x}` prefix has keys', () => {
    expect(literalKeys.size).toBeGreaterThan(500);
    expect([...literalKeys].filter((k) => !defines(k))).toEqual([]);
    const tops = new Set([...bases].map((b) => b.split('.')[0]));
    const keyLike = [...templatePrefixes].filter((p) => tops.has(p.split('.')[0]!));
    expect(keyLike.length).toBeGreaterThan(20);
    expect(keyLike.filter((p) => ![...bases].some((b) => b.startsWith(p)))).toEqual([]);
  });

  it('every key defined is asked for somewhere in the code', () => {
    expect([...bases].filter((b) => !reached(b)).sort()).toEqual([]);
  });
});
