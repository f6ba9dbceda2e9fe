import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUDIT_ACTIONS, auditEntrySchema, type AuditEntry } from './audit-entry';
import {
  GENESIS_HASH,
  canonicalJson,
  detailsHashOf,
  entryHash,
  isRedacted,
  legacyEntryHash,
  redactDetails,
  sealEntry,
  sha256Hex,
  verifyChain,
  verifyChainAll,
} from './audit-hash';

type Draft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'detailsHash' | 'legacyHash'>;

/** Chain drafts the way the audit repository does: seq from 1, each linked to the one before. */
function chain(drafts: readonly Draft[]): AuditEntry[] {
  let prevHash = GENESIS_HASH;
  return drafts.map((d, i) => {
    const entry = sealEntry({ ...d, seq: i + 1, prevHash });
    prevHash = entry.hash;
    return entry;
  });
}

/** The same drafts chained in format 1 (hash over the details), as trails were before schema v003. */
function legacyChain(drafts: readonly Draft[]): AuditEntry[] {
  let prevHash = GENESIS_HASH;
  return drafts.map((d, i) => {
    const unhashed = { ...d, seq: i + 1, prevHash };
    prevHash = legacyEntryHash(unhashed);
    return { ...unhashed, hash: prevHash };
  });
}

/**
 * What "forget this person" does to a chain: redact the picked entries' details and append a
 * `forget` entry that names them (`after.redactedSeqs`), dated as their markers.
 */
function forgetting(
  entries: readonly AuditEntry[],
  pick: (e: AuditEntry, i: number) => boolean,
  at: number,
): AuditEntry[] {
  const redacted = entries.map((e, i) => (pick(e, i) ? redactDetails(e, at) : e));
  const last = redacted.at(-1);
  const forget = sealEntry({
    seq: (last?.seq ?? 0) + 1,
    at,
    actor: 'Data steward',
    action: 'forget',
    entity: 'lead',
    ids: [4],
    before: null,
    after: { suppression: 'hmac:ab', redactedSeqs: entries.filter(pick).map((e) => e.seq) },
    prevHash: last?.hash ?? GENESIS_HASH,
  });
  return [...redacted, forget];
}

const T = Date.UTC(2026, 10, 29, 12, 0);
const DRAFTS: Draft[] = [
  { at: T, actor: 'Data steward', action: 'seed', entity: 'database', ids: [], before: null, after: { leads: 3 } },
  {
    at: T + 1000,
    actor: 'Data steward',
    action: 'create',
    entity: 'lead',
    ids: [4],
    before: null,
    after: { name: 'Ada', phoneE164: '+12133734253' },
  },
  {
    at: T + 2000,
    actor: 'Data steward',
    action: 'edit',
    entity: 'lead',
    ids: [4],
    before: { acquiredAt: T - 5000 },
    after: { acquiredAt: T - 9000 },
    note: 'vendor sent the real date',
  },
  {
    at: T + 3000,
    actor: 'Dana',
    action: 'settings',
    entity: 'settings',
    ids: ['operatorName'],
    before: { operatorName: 'Data steward' },
    after: { operatorName: 'Dana' },
  },
  {
    at: T + 4000,
    actor: 'Dana',
    action: 'export',
    entity: 'lead',
    ids: [1, 2, 3, 4],
    before: null,
    after: { rows: 4 },
  },
];
const intact = chain(DRAFTS);

describe('canonicalJson: equal content, equal text', () => {
  it.each([
    { a: { b: 1, a: 2 }, b: { a: 2, b: 1 }, text: '{"a":2,"b":1}', why: 'key order does not matter' },
    {
      a: { z: { y: 1, x: [{ d: 1, c: 2 }] } },
      b: { z: { x: [{ c: 2, d: 1 }], y: 1 } },
      text: '{"z":{"x":[{"c":2,"d":1}],"y":1}}',
      why: 'at every depth, inside arrays too',
    },
    { a: { a: 1, gone: undefined }, b: { a: 1 }, text: '{"a":1}', why: 'undefined is left out, as JSON does' },
    { a: [3, 1, 2], b: [3, 1, 2], text: '[3,1,2]', why: 'array order is kept: it is content' },
    { a: null, b: null, text: 'null', why: 'null' },
  ])('$why', ({ a, b, text }) => {
    expect(canonicalJson(a)).toBe(text);
    expect(canonicalJson(b)).toBe(text);
  });

  it('keeps a key named __proto__ (data from a file may have one)', () => {
    expect(canonicalJson(JSON.parse('{"b":2,"__proto__":1}'))).toBe('{"__proto__":1,"b":2}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1}}'))).not.toBe(
      canonicalJson(JSON.parse('{"__proto__":{"x":2}}')),
    );
  });

  /** The same value with every object's keys inserted in reverse order. */
  const reversed = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reversed);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .reverse()
          .map(([k, x]) => [k, reversed(x)]),
      );
    return v;
  };

  it('does not depend on key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reversed(value))).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('entryHash', () => {
  it('format 2: SHA-256 of the canonical fields with the details hash in place of the details; a missing note hashes as null', () => {
    const { hash: _h, ...unhashed } = intact[1]!;
    expect(unhashed.detailsHash).toBe(
      sha256Hex(canonicalJson({ before: null, after: { name: 'Ada', phoneE164: '+12133734253' } })),
    );
    const { before: _b, after: _a, ...fields } = unhashed;
    expect(entryHash(unhashed)).toBe(sha256Hex(canonicalJson({ ...fields, format: 2, legacyHash: null, note: null })));
    expect(entryHash({ ...unhashed, note: undefined })).toBe(intact[1]!.hash);
  });

  it('format 1 (no details hash): SHA-256 of the canonical content, details included', () => {
    const { hash: _h, detailsHash: _d, ...unhashed } = intact[1]!;
    expect(entryHash(unhashed)).toBe(sha256Hex(canonicalJson({ ...unhashed, note: null })));
    expect(entryHash(unhashed)).toBe(legacyEntryHash(unhashed));
  });

  it('changes with any hashed field; the details count through their hash', () => {
    const { hash: _h, ...e } = intact[2]!;
    const variants = [
      { at: e.at + 1 },
      { actor: 'Eve' },
      { action: 'undo' as const },
      { entity: 'call' },
      { ids: [5] },
      { detailsHash: detailsHashOf(null, null) },
      { legacyHash: 'ab'.repeat(32) },
      { note: '' },
      { seq: 9 },
      { prevHash: GENESIS_HASH },
    ];
    for (const v of variants) expect(entryHash({ ...e, ...v }), JSON.stringify(v)).not.toBe(intact[2]!.hash);
    expect(detailsHashOf(e.before, { acquiredAt: T })).not.toBe(e.detailsHash);
  });
});

describe('redaction', () => {
  it('replaces both details with a marker and keeps every hashed field', () => {
    const redacted = redactDetails(intact[1]!, T + 9000);
    expect(redacted.before).toEqual({ redacted: true, at: T + 9000 });
    expect(redacted.after).toEqual({ redacted: true, at: T + 9000 });
    expect(isRedacted(redacted)).toBe(true);
    expect(isRedacted(intact[1]!)).toBe(false);
    const { before: _b, after: _a, ...kept } = redacted;
    const { before: _b2, after: _a2, ...was } = intact[1]!;
    expect(kept).toEqual(was);
  });

  it('refuses a format-1 entry (its hash covers the details)', () => {
    expect(() => redactDetails(legacyChain(DRAFTS)[1]!, T)).toThrow(/format 1/);
  });

  it('a marker-shaped value with other keys is not a redaction', () => {
    const fake = { ...intact[1]!, before: { redacted: true, at: T, name: 'Ada' }, after: { redacted: true, at: T } };
    expect(isRedacted(fake)).toBe(false);
  });
});

describe('verifyChain: finds and locates the first tampered entry', () => {
  const edit = (i: number, patch: Partial<AuditEntry>) => intact.map((e, j) => (j === i ? { ...e, ...patch } : e));
  const without = (i: number) => intact.filter((_, j) => j !== i);
  const swap = (i: number, j: number) => intact.map((e, k) => (k === i ? intact[j]! : k === j ? intact[i]! : e));
  /** An attacker who edits entry i and recomputes its own hash. */
  const rehashed = (i: number, patch: Partial<AuditEntry>) =>
    intact.map((e, j) => {
      if (j !== i) return e;
      const { hash: _h, detailsHash: _d, ...rest } = { ...e, ...patch };
      return sealEntry(rest);
    });

  it.each([
    { why: 'an intact chain', entries: intact, problem: null },
    { why: 'an empty chain', entries: [], problem: null },
    {
      why: 'an edited `after` (hash left as it was)',
      entries: edit(2, { after: { acquiredAt: T } }),
      problem: { seq: 3, index: 2, problem: 'details-mismatch' },
    },
    {
      why: 'an edited `after` with its details hash recomputed',
      entries: edit(2, { after: { acquiredAt: T }, detailsHash: detailsHashOf(intact[2]!.before, { acquiredAt: T }) }),
      problem: { seq: 3, index: 2, problem: 'hash-mismatch' },
    },
    {
      why: 'details redacted by an erasure whose forget entry names them',
      entries: forgetting(intact, (_, j) => j === 1 || j === 3, T + 9000),
      problem: null,
    },
    {
      why: 'a redacted entry whose actor was edited',
      entries: forgetting(intact, (_, j) => j === 1, T + 9000).map((e, j) => (j === 1 ? { ...e, actor: 'Eve' } : e)),
      problem: { seq: 2, index: 1, problem: 'hash-mismatch' },
    },
    {
      why: 'a redacted entry given other details',
      entries: forgetting(intact, (_, j) => j === 1, T + 9000).map((e, j) =>
        j === 1 ? { ...e, after: { name: 'Eve' } } : e,
      ),
      problem: { seq: 2, index: 1, problem: 'details-mismatch' },
    },
    {
      why: 'a fake redaction: the marker put on an entry no forget entry names',
      entries: intact.map((e, j) => (j === 2 ? redactDetails(e, T + 9000) : e)),
      problem: { seq: 3, index: 2, problem: 'unnamed-redaction' },
    },
    {
      why: 'a fake redaction beside a real erasure that names other entries',
      entries: forgetting(intact, (_, j) => j === 1, T + 9000).map((e, j) =>
        j === 3 ? redactDetails(e, T + 9000) : e,
      ),
      problem: { seq: 4, index: 3, problem: 'unnamed-redaction' },
    },
    {
      why: 'a fake redaction dated otherwise than the forget entry that names the entry',
      entries: forgetting(intact, (_, j) => j === 1, T + 9000).map((e, j) =>
        j === 1 ? redactDetails(intact[1]!, T + 5) : e,
      ),
      problem: { seq: 2, index: 1, problem: 'unnamed-redaction' },
    },
    { why: 'an intact format-1 trail (restored from an old backup)', entries: legacyChain(DRAFTS), problem: null },
    {
      why: 'a format-1 entry after format-2 ones (a downgrade)',
      entries: [...intact.slice(0, 2), { ...legacyChain(DRAFTS)[2]!, prevHash: intact[1]!.hash }],
      problem: { seq: 3, index: 2, problem: 'hash-mismatch' },
    },
    {
      why: 'an edited actor in the newest entry',
      entries: edit(4, { actor: 'Eve' }),
      problem: { seq: 5, index: 4, problem: 'hash-mismatch' },
    },
    {
      why: 'an edited entry whose hash was recomputed: the next link breaks',
      entries: rehashed(1, { ids: [5] }),
      problem: { seq: 3, index: 2, problem: 'broken-link' },
    },
    {
      why: 'a deleted entry in the middle',
      entries: without(2),
      problem: { seq: 4, index: 2, problem: 'sequence-gap' },
    },
    { why: 'the first entry deleted', entries: without(0), problem: { seq: 2, index: 0, problem: 'broken-link' } },
    { why: 'a swapped pair', entries: swap(1, 2), problem: { seq: 3, index: 1, problem: 'sequence-gap' } },
    {
      why: 'a swapped pair with their seq numbers swapped back',
      entries: swap(1, 2).map((e, i) => ({ ...e, seq: i + 1 })),
      problem: { seq: 2, index: 1, problem: 'broken-link' },
    },
  ])('$why', ({ entries, problem }) => {
    expect(verifyChain(entries)).toEqual(problem);
  });

  it('cannot see the newest entry removed or rewritten: that is what the chain head in every export is for', () => {
    const head = intact[4]!.hash;
    expect(verifyChain(without(4))).toBeNull();
    expect(without(4).at(-1)!.hash).not.toBe(head);
    const rewritten = rehashed(4, { after: { rows: 0 } });
    expect(verifyChain(rewritten)).toBeNull();
    expect(rewritten.at(-1)!.hash).not.toBe(head);
  });

  const draft: fc.Arbitrary<Draft> = fc.record({
    at: fc.integer({ min: T, max: T + 1e9 }),
    actor: fc.string(),
    action: fc.constantFrom(...AUDIT_ACTIONS),
    entity: fc.constantFrom('lead', 'settings', 'database', 'dnc'),
    ids: fc.array(fc.oneof(fc.nat(), fc.string()), { maxLength: 4 }),
    before: fc.jsonValue({ maxDepth: 2 }),
    after: fc.jsonValue({ maxDepth: 2 }),
    note: fc.option(fc.string(), { nil: undefined }),
  });
  const chains = fc.array(draft, { minLength: 2, maxLength: 10 }).map(chain);

  type Edit = (e: AuditEntry) => AuditEntry;
  const edits: fc.Arbitrary<Edit> = fc.constantFrom<Edit>(
    (e) => ({ ...e, at: e.at + 1 }),
    (e) => ({ ...e, actor: `${e.actor}!` }),
    (e) => ({ ...e, action: e.action === 'edit' ? 'create' : 'edit' }),
    (e) => ({ ...e, entity: `${e.entity}s` }),
    (e) => ({ ...e, ids: [...e.ids, 0] }),
    (e) => ({ ...e, before: { was: e.before } }),
    (e) => ({ ...e, after: { was: e.after } }),
    (e) => ({ ...e, note: `${e.note ?? ''}.` }),
    (e) => ({ ...e, seq: e.seq + 100 }),
    (e) => ({ ...e, prevHash: GENESIS_HASH.replace(/^0/, '1') }),
    (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
    (e) => ({ ...e, detailsHash: detailsHashOf({ was: e.before }, e.after) }),
    (e) => ({ ...e, legacyHash: GENESIS_HASH }),
    (e) => {
      const { detailsHash: _d, ...downgraded } = e;
      return downgraded;
    },
  );
  /** Edits of the fields a redaction keeps (everything but the details). */
  const keptFieldEdits: fc.Arbitrary<Edit> = edits.filter((edit) => {
    const sample = intact[2]!;
    const changed = edit(sample);
    return (
      canonicalJson(changed.before) === canonicalJson(sample.before) &&
      canonicalJson(changed.after) === canonicalJson(sample.after)
    );
  });

  it('detects any single edit, at the edited entry (property)', () => {
    fc.assert(
      fc.property(chains, fc.nat(), edits, (entries, k, change) => {
        const i = k % entries.length;
        expect(verifyChain(entries)).toBeNull();
        const tampered = entries.map((e, j) => (j === i ? change(e) : e));
        expect(verifyChain(tampered)).toMatchObject({ index: i });
      }),
    );
  });

  it('detects any single deletion but the newest, which changes the head (property)', () => {
    fc.assert(
      fc.property(chains, fc.nat(), (entries, k) => {
        const i = k % entries.length;
        const tampered = entries.filter((_, j) => j !== i);
        if (i === entries.length - 1) expect(tampered.at(-1)!.hash).not.toBe(entries.at(-1)!.hash);
        else expect(verifyChain(tampered)).toMatchObject({ index: i });
      }),
    );
  });

  it('detects any reordering (property)', () => {
    fc.assert(
      fc.property(
        chains.chain((entries) =>
          fc.tuple(
            fc.constant(entries),
            fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
          ),
        ),
        ([entries, shuffled]) => {
          fc.pre(shuffled.some((e, i) => e !== entries[i]));
          const first = shuffled.findIndex((e, i) => e !== entries[i]);
          expect(verifyChain(shuffled)).toMatchObject({ index: first });
        },
      ),
    );
  });

  it('does not report redaction as tampering, whichever entries are redacted (property)', () => {
    fc.assert(
      fc.property(
        chains,
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: T, max: T + 2e9 }),
        (entries, pick, at) => {
          expect(verifyChain(forgetting(entries, (_, i) => pick[i]!, at))).toBeNull();
        },
      ),
    );
  });

  it('detects any single edit of a redacted entry’s remaining fields, at that entry (property)', () => {
    fc.assert(
      fc.property(chains, fc.nat(), keptFieldEdits, (entries, k, change) => {
        const i = k % entries.length;
        const redacted = forgetting(entries, () => true, T + 1);
        const tampered = redacted.map((e, j) => (j === i ? change(e) : e));
        expect(verifyChain(tampered)).toMatchObject({ index: i });
      }),
    );
  });

  it('detects deletion and reordering among redacted entries too (property)', () => {
    fc.assert(
      fc.property(chains, fc.nat(), (entries, k) => {
        const redacted = forgetting(entries, () => true, T + 1);
        const i = k % (entries.length - 1);
        expect(verifyChain(redacted.filter((_, j) => j !== i))).toMatchObject({ index: i });
        const swapped = redacted.map((e, j) => (j === i ? redacted[i + 1]! : j === i + 1 ? redacted[i]! : e));
        expect(verifyChain(swapped)).toMatchObject({ index: i });
      }),
    );
  });

  it('finds any redaction no forget entry names, at that entry, whichever real erasures there are (property)', () => {
    fc.assert(
      fc.property(chains, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.nat(), (entries, pick, k) => {
        const erased = forgetting(entries, (_, i) => pick[i]!, T + 7);
        const i = k % entries.length;
        fc.pre(!pick[i]);
        const faked = erased.map((e, j) => (j === i ? redactDetails(e, T + 7) : e));
        expect(verifyChain(faked)).toEqual({ seq: i + 1, index: i, problem: 'unnamed-redaction' });
      }),
    );
  });
});

describe('verifyChainAll: whatever the table holds, every problem located, never a throw', () => {
  const at = (i: number, row: unknown) => intact.map((e, j) => (j === i ? row : e)) as unknown[];
  const drop = (e: AuditEntry, key: keyof AuditEntry) =>
    Object.fromEntries(Object.entries(e).filter(([k]) => k !== key));

  it.each([
    { why: 'a hash of 12345', row: { ...intact[2]!, hash: 12345 } },
    { why: 'a null hash', row: { ...intact[2]!, hash: null } },
    { why: 'no hash', row: drop(intact[2]!, 'hash') },
    { why: 'no prevHash', row: drop(intact[2]!, 'prevHash') },
    { why: 'no ids', row: drop(intact[2]!, 'ids') },
    { why: 'ids of null', row: { ...intact[2]!, ids: null } },
    { why: 'an unknown action', row: { ...intact[2]!, action: 'wipe' } },
    { why: 'a date that is not a number', row: { ...intact[2]!, at: 'yesterday' } },
    { why: 'an actor object', row: { ...intact[2]!, actor: { name: 'Eve' } } },
    { why: 'a string seq', row: { ...intact[2]!, seq: '3' } },
  ])('$why: reported as malformed at its place', ({ row }) => {
    const rows = at(2, row);
    expect(() => verifyChainAll(rows)).not.toThrow();
    expect(verifyChain(rows)).toEqual({ seq: 3, index: 2, problem: 'malformed' });
    expect(verifyChainAll(rows)).toEqual([{ seq: 3, index: 2, problem: 'malformed' }]);
  });

  it('reports every malformed entry, and a break after one, each at its place', () => {
    const rows = intact.map((e, j) =>
      j === 1 ? { ...e, hash: null } : j === 3 ? { ...e, hash: 12345 } : j === 4 ? { ...e, actor: 'Eve' } : e,
    ) as unknown[];
    expect(verifyChainAll(rows)).toEqual([
      { seq: 2, index: 1, problem: 'malformed' },
      { seq: 4, index: 3, problem: 'malformed' },
      { seq: 5, index: 4, problem: 'hash-mismatch' },
    ]);
  });

  it('rows that are not objects at all', () => {
    expect(verifyChainAll([intact[0], null, 7, 'x'])).toMatchObject([
      { index: 1, problem: 'malformed' },
      { index: 2, problem: 'malformed' },
      { index: 3, problem: 'malformed' },
    ]);
  });

  it('reports a malformed entry of any kind at its index (property)', () => {
    const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.nat()), fc.object());
    const fields = fc.constantFrom<keyof AuditEntry>(
      'seq',
      'at',
      'actor',
      'action',
      'entity',
      'ids',
      'prevHash',
      'hash',
    );
    fc.assert(
      fc.property(fc.nat(), fields, junk, (k, field, value) => {
        const i = k % intact.length;
        const row: Record<string, unknown> = { ...intact[i]!, [field]: value };
        fc.pre(!auditEntrySchema.safeParse(row).success);
        const problems = verifyChainAll(at(i, row));
        expect(problems[0]).toMatchObject({ index: i, problem: 'malformed' });
      }),
    );
  });
});
