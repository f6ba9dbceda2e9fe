import { describe, expect, it } from 'vitest';
import { grown, roomFor, withRoom } from './room-to-grow';

describe('columns with room to grow', () => {
  it('is a view of exactly its rows over a longer buffer', () => {
    const col = withRoom(Float64Array, 100_000);
    expect(col.length).toBe(100_000);
    expect(col.buffer.byteLength).toBe(roomFor(100_000) * 8);
    expect(roomFor(100_000)).toBe(103_125);
    expect(roomFor(10)).toBe(1_034);
  });

  it('grows in place while the room lasts (same buffer, rows kept, added rows zero), then copies into a new room', () => {
    const col = withRoom(Uint32Array, 1_000);
    col.fill(7);
    const more = grown(col, 1_500);
    expect(more.buffer).toBe(col.buffer);
    expect([...more.subarray(995, 1_005)]).toEqual([7, 7, 7, 7, 7, 0, 0, 0, 0, 0]);
    // Rows written past the old view are not seen by it.
    more[1_200] = 9;
    expect(col.length).toBe(1_000);
    const beyond = grown(more, 2_100);
    expect(beyond.buffer).not.toBe(col.buffer);
    expect(beyond[1_200]).toBe(9);
    expect(beyond[999]).toBe(7);
    expect(beyond.buffer.byteLength).toBe(roomFor(2_100) * 4);
  });

  it('zeroes rows a longer view once wrote before handing them out again', () => {
    const col = withRoom(Uint8Array, 10);
    grown(col, 20).fill(5);
    expect([...grown(col, 20).subarray(10)]).toEqual(new Array(10).fill(0));
  });

  it('copies a column that is a plain array of its rows (a snapshot part, a test’s columns)', () => {
    const plain = Int32Array.of(1, 2, 3);
    const out = grown(plain, 5);
    expect([...out]).toEqual([1, 2, 3, 0, 0]);
    expect(out.buffer).not.toBe(plain.buffer);
  });
});
