/**
 * A column of dictionary codes (dictionary.ts): 16 bits a row while its dictionary holds at most
 * 65,536 values, as nearly every catalogue does, and widened to 32 bits the moment a code passes
 * 0xffff, so a code is never wrapped onto another's. Both column engines store their codes so:
 * the grid's lead columns and the cohort snapshot.
 */
import { widenedWithRoom, withRoom } from './room-to-grow';

export type CodeColumn = Uint16Array | Uint32Array;

/** The largest code a 16-bit column holds. */
export const MAX_CODE_16 = 0xffff;

/** A zeroed column of `n` rows with room to grow, 32 bits a row when `wide`, else 16. */
export const codeColumnOf = (wide: boolean, n: number): CodeColumn =>
  wide ? withRoom(Uint32Array, n) : withRoom(Uint16Array, n);

/** A zeroed column of `n` rows with room to grow, wide enough for a dictionary of `size` values. */
export const codeColumn = (size: number, n: number): CodeColumn => codeColumnOf(size - 1 > MAX_CODE_16, n);

/**
 * `code` written at row `i` of `column`: the same column, or when the code does not fit in 16 bits
 * a 32-bit copy (same rows, same room) holding it. The caller keeps the column returned.
 */
export function withCode(column: CodeColumn, i: number, code: number): CodeColumn {
  const out = code > MAX_CODE_16 && column instanceof Uint16Array ? widenedWithRoom(column, Uint32Array) : column;
  out[i] = code;
  return out;
}
