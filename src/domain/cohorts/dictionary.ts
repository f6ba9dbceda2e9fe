/** Dictionary encoding of a string column: each distinct value gets a small integer code. */

/** Codes above this collapse into one last bucket so a Uint16 column never overflows. */
export const MAX_CODES = 65_535;
export const OVERFLOW_VALUE = '…';

export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  constructor(preset: readonly string[] = []) {
    for (const v of preset) this.code(v);
  }

  /** The code of `value`, assigning the next one the first time it is seen. */
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      if (this.values.length >= MAX_CODES - 1) return this.code(OVERFLOW_VALUE);
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}
