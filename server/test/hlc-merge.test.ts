/** Per-field merge by hybrid logical clock: pure properties, then through push. */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, tickHlc } from '../../src/domain/sync/hlc';
import { keepDncBlock, mergeLead, type LeadState } from '../../src/domain/sync/lead-merge';
import type { Stamped } from '../src/protocol/mutations';
import {
  hlc,
  leadPut,
  makeOrg,
  newLeadFields,
  openTestDb,
  pullAll,
  pushAs,
  testApp,
  tokenFor,
  type TestDb,
} from './helpers';

const EMPTY: LeadState = { fields: {}, clocks: {} };
const stamp = fc
  .record({
    wall: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_100 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom('a', 'b', 'c'),
  })
  .map(formatHlc);
const edit = fc.dictionary(
  fc.constantFrom('name', 'company', 'tags', 'dncStatus'),
  fc.record({ value: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)), hlc: stamp }),
  { maxKeys: 4 },
);
/** Two edits with the same stamp on one field would be one node writing two values at one tick: impossible. */
const edits = fc.array(edit, { maxLength: 6 }).map(uniqueStamps);

function uniqueStamps(list: Record<string, Stamped>[]): Record<string, Stamped>[] {
  const seen = new Set<string>();
  return list.map((e) =>
    Object.fromEntries(
      Object.entries(e).filter(([field, s]) => {
        const key = `${field}@${s.hlc}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    ),
  );
}

const fold = (list: Record<string, Stamped>[]): LeadState =>
  list.reduce<LeadState>((state, e) => {
    const { fields, clocks } = mergeLead(state, e);
    return { fields, clocks };
  }, EMPTY);

describe('HLC stamps', () => {
  it('sort as strings in clock order, and tick forward', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.nat({ max: 2 ** 40 }), (a, b) => {
        const sa = formatHlc({ wall: a, counter: 0, node: 'n' });
        const sb = formatHlc({ wall: b, counter: 0, node: 'n' });
        expect(Math.sign(compareHlc(sa, sb))).toBe(Math.sign(a - b));
      }),
    );
    const first = tickHlc(undefined, 1000, 'n');
    const second = tickHlc(first, 999, 'n');
    expect(compareHlc(second, first)).toBeGreaterThan(0);
  });
});

describe('mergeLead', () => {
  it('converges whatever the order and however often an edit is applied', () => {
    fc.assert(
      fc.property(edits, fc.integer({ min: 0, max: 1000 }), (list, seed) => {
        const shuffled = [...list].sort(() => (seed++ % 3) - 1);
        const doubled = [...list, ...list.slice(0, seed % (list.length + 1))];
        expect(fold(shuffled)).toEqual(fold(list));
        expect(fold(doubled)).toEqual(fold(list));
      }),
    );
  });

  it('keeps per field the value with the greatest stamp, and reports the loser', () => {
    const a = mergeLead(EMPTY, { name: { value: 'A', hlc: hlc(10, 'a') }, company: { value: 'X', hlc: hlc(10, 'a') } });
    const b = mergeLead(a, { name: { value: 'B', hlc: hlc(5, 'b') }, company: { value: 'Y', hlc: hlc(20, 'b') } });
    expect(b.fields).toEqual({ name: 'A', company: 'Y' });
    expect(b.superseded).toEqual([{ field: 'name', yours: 'B', kept: 'A', keptHlc: hlc(10, 'a') }]);
  });

  it('keepDncBlock always ends listed, stamped no lower than before', () => {
    fc.assert(
      fc.property(edits, stamp, (list, server) => {
        const kept = keepDncBlock(fold(list), server).state;
        expect(kept.fields.dncStatus).toBe('listed');
        const before = fold(list).clocks.dncStatus;
        if (before) expect(compareHlc(kept.clocks.dncStatus!, before)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('merge through push', () => {
  let db: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = openTestDb();
    app = await testApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('two devices edit different and same fields offline: the server keeps each field’s latest stamp', async () => {
    const org = await makeOrg(db);
    const team = org.teams[0]!;
    const token = tokenFor(app, org.steward);
    const t = Date.now() - 60_000;
    const phone = '+15550155555';
    await pushAs(app, token, [leadPut('lead-m0000001', team, newLeadFields('Start'), hlc(t, 'dev-a'), phone)]);
    const fromB = leadPut('lead-m0000001', team, { name: 'B name', company: 'B co' }, hlc(t + 20, 'dev-b'), phone);
    const fromA = leadPut('lead-m0000001', team, { name: 'A name', email: 'a@x.test' }, hlc(t + 10, 'dev-a'), phone);
    await pushAs(app, token, [fromB], 'dev-b');
    const [resA] = await pushAs(app, token, [fromA], 'dev-a');
    expect(resA!.superseded).toEqual([
      { field: 'name', yours: 'A name', kept: 'B name', keptHlc: hlc(t + 20, 'dev-b') },
    ]);
    const lead = (await pullAll(app, token)).find((c) => c.kind === 'lead')!;
    expect(lead.data.fields).toMatchObject({ name: 'B name', company: 'B co', email: 'a@x.test', sourceId: 'web' });
    expect((lead.data.clocks as Record<string, string>).name).toBe(hlc(t + 20, 'dev-b'));
  });

  it('a replayed lead edit does not move the lead in the pull stream', async () => {
    const org = await makeOrg(db);
    const token = tokenFor(app, org.steward);
    const put = leadPut('lead-m0000002', org.teams[0]!, newLeadFields('Once'), hlc(Date.now()), '+15550155556');
    await pushAs(app, token, [put]);
    const before = await pullAll(app, token);
    await pushAs(app, token, [{ ...put, id: crypto.randomUUID() }]);
    expect(await pullAll(app, token)).toEqual(before);
  });
});
