import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';

/**
 * Shipped migrations are frozen (after Actual Budget's schema guard). shipped-schema.json holds,
 * for every version that has landed, the stores it declares, the whole schema after it, and a
 * fingerprint of its file's code. A browser that opened the app at that version already ran it:
 * changing it would leave that browser's database different from a new one's. So the test fails
 * if any of that changes; the fix is a new vNNN file, never an edit.
 *
 * The fingerprint is over the code's tokens: comments, white space, quote style, semicolons and
 * trailing commas may change (a formatter's commit passes), nothing else.
 *
 * A new version: write vNNN-….ts, register it in index.ts, then record it once with
 *   SHIP_MIGRATIONS=1 npx vitest run src/db/migrations/shipped-schema.test.ts
 * which appends the versions the snapshot lacks and never rewrites one it has.
 */

const DIR = import.meta.dirname;
const SNAPSHOT = join(DIR, 'shipped-schema.json');
/** What a migration may import: Dexie's types and the pure domain. Not the repositories, which change with the app. */
const ALLOWED_IMPORT = /^(dexie|\.\.\/\.\.\/domain\/.+)$/;

type Stores = Record<string, string | null>;
interface Shipped {
  version: number;
  file: string;
  stores: Stores;
  schema: Record<string, string>;
  fingerprint: string;
}

/** The file's code as tokens, without trivia or punctuation a formatter may add or drop. */
function codeTokens(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SemicolonToken) continue;
    if (kind === ts.SyntaxKind.StringLiteral) tokens.push(JSON.stringify(scanner.getTokenValue()));
    else tokens.push(scanner.getTokenText());
  }
  return tokens.filter((t, i) => !(t === ',' && [')', ']', '}', '>'].includes(tokens[i + 1] ?? '')));
}

const fingerprint = (source: string) =>
  `sha256:${createHash('sha256').update(codeTokens(source).join(' ')).digest('hex')}`;

/** The schema as Dexie builds it: each version's stores replace a table's spec, null drops the table. */
function schemaUpTo(version: number): Record<string, string> {
  const schema: Record<string, string> = {};
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    for (const [table, spec] of Object.entries(m.stores)) {
      if (spec === null) delete schema[table];
      else schema[table] = spec;
    }
  }
  return Object.fromEntries(Object.entries(schema).sort(([a], [b]) => a.localeCompare(b)));
}

function current(): Shipped[] {
  const files = readdirSync(DIR).filter((f) => /^v\d{3}-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
  return MIGRATIONS.map((m) => {
    const file = files.find((f) => Number(f.slice(1, 4)) === m.version);
    if (!file) throw new Error(`no file for v${m.version}`);
    return {
      version: m.version,
      file,
      stores: { ...m.stores },
      schema: schemaUpTo(m.version),
      fingerprint: fingerprint(readFileSync(join(DIR, file), 'utf8')),
    };
  });
}

const readSnapshot = (): Shipped[] => JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Shipped[];

if (process.env.SHIP_MIGRATIONS === '1') {
  const shipped = readSnapshot();
  const added = current().filter((c) => !shipped.some((s) => s.version === c.version));
  writeFileSync(SNAPSHOT, `${JSON.stringify([...shipped, ...added], null, 2)}\n`);
}

describe('shipped migrations are frozen', () => {
  const shipped = readSnapshot();
  const now = current();

  it.each(shipped.map((s) => [s.version, s] as const))(
    'v%i: same file, same stores, same schema after it, same code',
    (version, was) => {
      const is = now.find((c) => c.version === version);
      expect(is, `v${version} has shipped and is gone`).toBeDefined();
      expect(is, `v${version} (${was.file}) has shipped: never edit it, add a new version`).toEqual(was);
    },
  );

  it('every migration is in the snapshot (record a new one with SHIP_MIGRATIONS=1)', () => {
    expect(now.map((c) => c.version)).toEqual(shipped.map((s) => s.version));
  });

  it('no migration imports live code (repositories, features, workers): only Dexie types and the pure domain', () => {
    const imports = now.flatMap((c) =>
      ts.preProcessFile(readFileSync(join(DIR, c.file), 'utf8')).importedFiles.map((i) => `${c.file}: ${i.fileName}`),
    );
    expect(imports.filter((i) => !ALLOWED_IMPORT.test(i.split(': ')[1]!))).toEqual([]);
  });
});

describe('the fingerprint', () => {
  const code =
    "import type { T } from 'dexie';\nexport const v = { version: 9, stores: { a: '++id, b' }, upgrade: (tx: T) => tx.table('a').clear() };\n";

  it('ignores what a formatter changes: comments, white space, quotes, semicolons, trailing commas', () => {
    const formatted =
      '/** A doc. */\nimport type { T } from "dexie"\nexport const v = {\n  version: 9, // nine\n  stores: { a: "++id, b", },\n  upgrade: (tx: T) => tx.table("a").clear(),\n}\n';
    expect(fingerprint(formatted)).toBe(fingerprint(code));
  });

  it('sees any change to the code: an index, a number, a call', () => {
    expect(fingerprint(code.replace("'++id, b'", "'++id, b, c'"))).not.toBe(fingerprint(code));
    expect(fingerprint(code.replace('version: 9', 'version: 10'))).not.toBe(fingerprint(code));
    expect(fingerprint(code.replace('clear()', 'count()'))).not.toBe(fingerprint(code));
  });
});
