/**
 * Column arrays with room to grow: each is a view of its first `n` rows over a buffer a
 * thirty-second longer (at least 1,024 rows: 31,250 at 1M, room for several imports), so rows appended (an import's leads, caught up by the engine) are
 * written into the room left instead of copying every column of a million rows (130–250 ms at 1M
 * for 10k appended). A column's view is always exactly its rows: code that reads `length` or
 * slices sees no room.
 */
type Typed = Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array;
type TypedCtor<T extends Typed> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
};

/** Rows a buffer holds for `n` rows asked. */
export const roomFor = (n: number): number => n + Math.max(1_024, n >> 5);

/** A zeroed column of `n` rows with room to grow. */
export function withRoom<T extends Typed>(Ctor: TypedCtor<T>, n: number): T {
  return new Ctor(new ArrayBuffer(roomFor(n) * Ctor.BYTES_PER_ELEMENT), 0, n);
}

/**
 * `column` grown to `n` rows (n ≥ its length): a longer view of the same buffer when it has the
 * room (no copy; the added rows zeroed), else a copy into a new buffer with room.
 */
export function grown<T extends Typed>(column: T, n: number): T {
  const Ctor = column.constructor as TypedCtor<T>;
  if (column.byteOffset === 0 && column.buffer.byteLength >= n * Ctor.BYTES_PER_ELEMENT) {
    const view = new Ctor(column.buffer as ArrayBuffer, 0, n);
    view.fill(0, column.length, n);
    return view;
  }
  const out = withRoom(Ctor, n);
  out.set(column);
  return out;
}

/** `column`'s rows copied into a column of the wider type `Ctor`, with as many rows of room as it had. */
export function widenedWithRoom<T extends Typed>(column: Typed, Ctor: TypedCtor<T>): T {
  const rows = Math.max(column.length, column.buffer.byteLength / column.BYTES_PER_ELEMENT);
  const out = new Ctor(new ArrayBuffer(rows * Ctor.BYTES_PER_ELEMENT), 0, column.length);
  out.set(column);
  return out;
}
