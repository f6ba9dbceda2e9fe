/**
 * Dictionary encoding of a string column: each distinct value gets the next integer code and
 * `values[code]` gives it back. Both column engines use it: the grid's lead columns and the
 * cohort snapshot keep codes 16 bits a row, widened to 32 when a code passes 0xffff
 * (code-column.ts). A code is never reused, merged or wrapped: past `limit`
 * distinct values it throws, so a column too narrow for its codes is an error, not a wrong answer.
 */

/** The most codes a Uint32Array column holds (and about the longest array JavaScript allows). */
export const MAX_CODES = 2 ** 32 - 1;

export class DictionaryFullError extends Error {
  constructor(readonly limit: number) {
    super(`Dictionary full: more than ${limit} distinct values for one column`);
    this.name = 'DictionaryFullError';
  }
}

export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  /** `preset` takes codes 0, 1, … in order (the grid presets '' as code 0, "none"). */
  constructor(
    preset: readonly string[] = [],
    private readonly limit = MAX_CODES,
  ) {
    for (const v of preset) this.code(v);
  }

  /** The code of `value`, assigning the next one the first time it is seen. */
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      if (this.values.length >= this.limit) throw new DictionaryFullError(this.limit);
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of an optional value: a missing one is coded as '' (code 0 when '' is preset). */
  encode(value: string | undefined): number {
    return this.code(value ?? '');
  }

  /** The code of `value`, or -1 when no row has it. */
  lookup(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  /**
   * Forget the value of `code` (no row holds it any more: its leads were erased or purged): its
   * place keeps a marker no value can equal, unique to the code, so every other code stays as it
   * is (also across a store and a load); the value, if seen again, gets a new code.
   */
  retire(code: number): void {
    const value = this.values[code];
    if (value === undefined || isRetired(value) || code === 0) return;
    this.codes.delete(value);
    this.values[code] = `${RETIRED}${code}`;
    this.codes.set(this.values[code], code);
  }
}

/** The start of a retired code's marker (a NUL: no value read from a file or typed holds one). */
const RETIRED = '\u0000retired:';
/** Whether a dictionary value is a retired code's marker (left out of every list shown). */
export const isRetired = (value: string): boolean => value.startsWith(RETIRED);
