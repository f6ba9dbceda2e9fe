/**
 * A verdict as the engine caches it: one bit per reason code (bit i = REASON_CODES[i]). What an
 * export or a call list needs of a verdict — may this lead be called, and which reasons — read
 * back from the bits, so the engine's cached judgements can answer for a million leads without a
 * verdict object each.
 */
import { BLOCKING_REASONS, REASON_CODES, type ReasonCode, type Verdict } from './verdict-types';

const BLOCKING: ReadonlySet<ReasonCode> = new Set(BLOCKING_REASONS);

/** Bit of one reason code. */
export const reasonBit = (code: ReasonCode): number => 1 << REASON_CODES.indexOf(code);

/** The bits of a set of reason codes. */
export function reasonBitsOf(codes: readonly ReasonCode[]): number {
  let bits = 0;
  for (const code of codes) bits |= reasonBit(code);
  return bits;
}

/** The verdict of `bits`: its reasons in REASON_CODES order, callable when none blocks. */
export function verdictFromBits(bits: number): Verdict {
  const reasons = REASON_CODES.filter((_, i) => bits & (1 << i)).map((code) => ({
    code,
    severity: BLOCKING.has(code) ? ('block' as const) : ('warn' as const),
  }));
  return { callable: reasons.every((r) => r.severity !== 'block'), reasons };
}
