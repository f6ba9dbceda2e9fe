/**
 * The written leads' hand-over (db/written-leads.ts, grid-written-leads.ts): a catch-up takes the
 * leads a write stored from the writer instead of reading them back, and takes only what the
 * table holds — the last of several writes, with the latest scrub laid over it, never a write
 * that did not commit or that the hand-over could not follow whole.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { scrubAllLeads } from '../db/repos/dnc-scrub-repo';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { getSettings, SETTINGS_KEY } from '../db/repos/settings-read-repo';
import {
  HANDED_PER_TRANSACTION,
  handOverLeads,
  writtenLeadsChannelName,
  type WrittenLeadsMessage,
} from '../db/written-leads';
import type { Lead } from '../domain/leads/lead';
import { namesOf } from '../domain/leads/index/lead-columns';
import { rowOfId } from '../domain/leads/index/row-of-id';
import { gridAnswers } from './grid-answers-test-fixture';
import { apply, rowFacts } from './grid-catch-up-test-fixture';
import { catchUp } from './grid-catch-up';
import { buildGridIndex, openGridIndex } from './grid-index';
import { listenForWrittenLeads, writtenLeads } from './grid-written-leads';

afterAll(closeAll);

/** Until the hand-over's messages of the last write have arrived (a BroadcastChannel delivers in a task of its own). */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Every message posted on database `name`'s channel from now on. */
function overhear(name: string): { messages: WrittenLeadsMessage[]; close: () => void } {
  const channel = new BroadcastChannel(writtenLeadsChannelName(name));
  const messages: WrittenLeadsMessage[] = [];
  channel.onmessage = (e: MessageEvent<WrittenLeadsMessage>) => messages.push(e.data);
  return { messages, close: () => channel.close() };
}

describe('the written leads handed to the engine', () => {
  it('an import’s new leads are taken as stored, none read back, and the index equals a fresh build', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const written = listenForWrittenLeads(db.name)!;
    await apply(db, { kind: 'add', pick: 3, count: 40, withHistory: false, shareNumber: true });
    await delivered();
    const reads = vi.spyOn(db.leads, 'where');
    const gets = vi.spyOn(db.leads, 'bulkGet');
    expect(await catchUp(db, live, NOW, null, written)).toBe('patched');
    expect(live.counters.rowsHanded).toBe(40);
    expect(reads).not.toHaveBeenCalled();
    expect(gets).not.toHaveBeenCalled();
    const fresh = await buildGridIndex(db, NOW);
    expect(rowFacts(live)).toEqual(rowFacts(fresh));
    expect(gridAnswers(live, NOW)).toEqual(gridAnswers(fresh, NOW));
    // Passed by the catch-up: let go.
    expect(written.held).toBe(0);
    written.close();
  });

  it('takes the last of two writes to a lead, and lays the latest scrub over a lead written before it', async () => {
    const db = await dbWith(demoSlice(150));
    const live = await openGridIndex(db, NOW);
    const written = listenForWrittenLeads(db.name)!;
    const [first, second] = (await db.leads.limit(2).primaryKeys()) as number[];
    await db.leads.update(first!, { name: 'First write' });
    await db.leads.update(first!, { name: 'Second write' });
    // Stored before the scrub, so not as a read after it gives it: the scrub must be laid over it.
    await db.leads.update(second!, { name: 'Before the scrub', dncCheckedAt: NOW - 3_600_000 });
    await scrubAllLeads(db, NOW - 60_000);
    await delivered();
    expect(await catchUp(db, live, NOW, null, written)).toBe('patched');
    expect(live.counters.rowsHanded).toBe(2);
    const names = namesOf(live.cols);
    expect(names[rowOfId(live.cols, first!)]).toBe('Second write');
    const fresh = await buildGridIndex(db, NOW);
    expect(rowFacts(live).get(second!)).toEqual(rowFacts(fresh).get(second!));
    expect(rowFacts(live).get(second!)![0]).toBe(NOW - 60_000);
    expect(rowFacts(live)).toEqual(rowFacts(fresh));
    written.close();
  });

  it('a write that did not commit hands over nothing the engine takes; one it could not follow whole is read', async () => {
    const db = await dbWith(demoSlice(150));
    const heard = overhear(db.name);
    const [id] = (await db.leads.limit(1).primaryKeys()) as number[];
    const before = await readDataVersion(db);
    await expect(
      db.transaction('rw', db.leads, async () => {
        await db.leads.update(id!, { name: 'Never stored' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await delivered();
    expect(await readDataVersion(db)).toBe(before);
    const posted = heard.messages.filter((m) => 'leads' in m);
    expect(posted).toHaveLength(1);
    expect(heard.messages.some((m) => 'committed' in m)).toBe(false);
    const engine = writtenLeads();
    for (const m of heard.messages) engine.receive(m);
    expect(engine.lead(posted[0]!.token, id!)).toBeUndefined();
    // A range deleted cannot be followed lead by lead: the transaction is marked, nothing of it taken.
    heard.messages.length = 0;
    await db.transaction('rw', db.leads, async () => {
      await db.leads.update(id!, { name: 'Kept' });
      await db.leads.where(':id').between(100_000, 100_010).delete();
    });
    await delivered();
    expect(heard.messages.map((m) => Object.keys(m).filter((k) => k !== 'token')[0])).toEqual(['leads', 'unusable']);
    for (const m of heard.messages) engine.receive(m);
    expect(engine.lead(heard.messages[0]!.token, id!)).toBeUndefined();
    heard.close();
  });

  it('a write that sends the engine to a rebuild (the organisation’s settings) hands over none of its leads', async () => {
    const db = await dbWith(demoSlice(20));
    const heard = overhear(db.name);
    const [id] = (await db.leads.limit(1).primaryKeys()) as number[];
    const settings = { key: SETTINGS_KEY, value: await getSettings(db) };
    // Leads first: marked unusable once the settings are written; settings first: nothing posted.
    await db.transaction('rw', db.leads, db.settings, async () => {
      await db.leads.update(id!, { name: 'Before the settings' });
      await db.settings.put(settings);
      await db.leads.update(id!, { name: 'After the settings' });
    });
    await delivered();
    expect(heard.messages.map((m) => Object.keys(m).filter((k) => k !== 'token')[0])).toEqual(['leads', 'unusable']);
    heard.messages.length = 0;
    await db.transaction('rw', db.leads, db.settings, async () => {
      await db.settings.put(settings);
      await db.leads.update(id!, { name: 'Not handed over' });
    });
    await delivered();
    expect(heard.messages).toEqual([]);
    heard.close();
  });

  it('a request that failed part way and was caught stops the transaction’s hand-over', async () => {
    const db = await dbWith(demoSlice(20));
    const heard = overhear(db.name);
    const [x, y] = (await db.leads.limit(2).toArray()) as Lead[];
    await db.transaction('rw', db.leads, async () => {
      await db.leads.update(x!.id, { name: 'Handed over first' });
      // The first value stored, the second refused (no valid key): the request rejects, the caller goes on.
      await db.leads
        .bulkPut([
          { ...x!, name: 'Stored by the failed request' },
          { ...y!, id: NaN },
        ])
        .catch(() => undefined);
    });
    await delivered();
    expect((await db.leads.get(x!.id))?.name).toBe('Stored by the failed request');
    const engine = writtenLeads();
    for (const m of heard.messages) engine.receive(m);
    expect(heard.messages.some((m) => 'unusable' in m)).toBe(true);
    expect(engine.lead(heard.messages[0]!.token, x!.id)).toBeUndefined();
    heard.close();
  });

  it('waits a moment for a transaction’s last message; a message it does not know makes the transaction unusable', async () => {
    let now = 0;
    const engine = writtenLeads(() => now);
    const lead = { id: 1 } as unknown as Lead;
    engine.receive({ token: 'a', leads: [lead] });
    const waited = engine.settled(['a', 'never-heard-of'], 1_000);
    engine.receive({ token: 'a', committed: true });
    await waited;
    expect(engine.lead('a', 1)).toEqual(lead);
    // Not committed within the time given: settles anyway.
    engine.receive({ token: 'b', leads: [lead] });
    const late = engine.settled(['b'], 50);
    now = 60;
    await late;
    expect(engine.lead('b', 1)).toBeUndefined();
    engine.receive({ token: 'c', leads: [lead] });
    engine.receive({ token: 'c', something: 'new' } as unknown as WrittenLeadsMessage);
    engine.receive({ token: 'c', committed: true });
    expect(engine.lead('c', 1)).toBeUndefined();
  });

  it('hands over at most a transaction’s worth of values; a value with no id stops it', async () => {
    const heard = overhear('hand-over-cap');
    const lead = (id: number) => ({ id, name: `Lead ${id}` }) as unknown as Lead;
    const trans = new EventTarget();
    const state = { token: 't1', handed: HANDED_PER_TRANSACTION - 10, stopped: false };
    handOverLeads('hand-over-cap', trans, state, { type: 'put', values: [lead(1)], keys: [1] });
    handOverLeads('hand-over-cap', trans, state, {
      type: 'put',
      values: Array.from({ length: 10 }, (_, i) => lead(i + 2)),
      keys: Array.from({ length: 10 }, (_, i) => i + 2),
    });
    handOverLeads('hand-over-cap', trans, state, { type: 'put', values: [lead(99)], keys: [99] });
    trans.dispatchEvent(new Event('complete'));
    const other = new EventTarget();
    const second = { token: 't2', handed: 0, stopped: false };
    handOverLeads('hand-over-cap', other, second, { type: 'add', values: [{ name: 'no id' }], keys: [undefined] });
    other.dispatchEvent(new Event('complete'));
    await delivered();
    // The first request only; then "unusable" and nothing more, not even "committed".
    expect(heard.messages).toEqual([
      { token: 't1', leads: [lead(1)] },
      { token: 't1', unusable: true },
      { token: 't2', unusable: true },
    ]);
    heard.close();
  });

  it('keeps a bounded number of values, the oldest dropped first, and none past their time', () => {
    let now = 0;
    const engine = writtenLeads(() => now, 5);
    const lead = (id: number) => ({ id }) as unknown as Lead;
    engine.receive({ token: 'a', leads: [lead(1), lead(2), lead(3)] });
    engine.receive({ token: 'a', committed: true });
    engine.receive({ token: 'b', leads: [lead(4), lead(5)] });
    engine.receive({ token: 'b', committed: true });
    expect(engine.lead('a', 1)).toEqual(lead(1));
    // A write to a lead again in the same transaction keeps the later value, counted once.
    engine.receive({ token: 'b', leads: [{ ...lead(5), name: 'later' } as unknown as Lead] });
    expect(engine.held).toBe(5);
    expect(engine.lead('b', 5)).toMatchObject({ name: 'later' });
    engine.receive({ token: 'c', leads: [lead(6)] });
    engine.receive({ token: 'c', committed: true });
    expect(engine.lead('a', 1)).toBeUndefined();
    expect(engine.lead('b', 4)).toEqual(lead(4));
    now = 121_000;
    engine.receive({ token: 'd', leads: [lead(7)] });
    expect(engine.lead('b', 4)).toBeUndefined();
    expect(engine.lead('c', 6)).toBeUndefined();
    // Not committed yet: not given out.
    expect(engine.lead('d', 7)).toBeUndefined();
    engine.forget(['d']);
    expect(engine.held).toBe(0);
  });
});
