import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { changeSignal } from './grid-change-signal';

const PAUSE = 80;
/** A write to the leads table, as Dexie signals it (in this thread or from another over its BroadcastChannel). */
const leadsWritten = () => Dexie.on('storagemutated').fire({ 'idb://leadledger/leads/': true });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the engine’s change signal', () => {
  it('follows a burst once after its pause, and a question has a waiting write followed first', async () => {
    let follows = 0;
    const signal = changeSignal(() => follows++, PAUSE);
    leadsWritten();
    leadsWritten();
    await sleep(PAUSE * 2);
    expect(follows).toBe(1);
    expect(signal.count).toBe(2);

    // A question with nothing waiting follows nothing.
    await signal.flush();
    expect(follows).toBe(1);

    // A write, then a question a pause after the last follow: followed at once. (The follow above
    // may have come late on a busy machine, just before the sleep ended: a pause from it first.)
    await sleep(PAUSE * 2);
    leadsWritten();
    void signal.flush();
    expect(follows).toBe(2);

    // Right after that follow, another write and a question: not followed at once (a screen asking
    // after each catch-up cannot make a burst followed write by write), but before the answer.
    leadsWritten();
    const asked = signal.flush();
    expect(follows).toBe(2);
    await asked;
    expect(follows).toBe(3);
    await sleep(PAUSE * 2);
    expect(follows).toBe(3);
  });

  it('tells a write to the catalogue apart, and ignores tables it does not read', async () => {
    let follows = 0;
    const signal = changeSignal(() => follows++, PAUSE);
    Dexie.on('storagemutated').fire({ 'idb://leadledger/audit/': true });
    await sleep(PAUSE * 2);
    expect([follows, signal.count, signal.takeCatalogueMoved()]).toEqual([0, 0, false]);
    Dexie.on('storagemutated').fire({ 'idb://leadledger/campaigns/': true });
    await sleep(PAUSE * 2);
    expect([follows, signal.count, signal.takeCatalogueMoved(), signal.takeCatalogueMoved()]).toEqual([
      1,
      1,
      true,
      false,
    ]);
  });
});
