/**
 * A key of what the judgement reads of a lead (JUDGED_FIELDS, the fields its type is made of).
 * Two writes of a lead with the same key and no change to its history (calls, consents, DNC
 * entries, lists, settings) leave its cached judgement as it was, so the engine's catch-up keeps
 * it instead of reading the lead's history again: a bulk edit of tags on 10k leads read 10k
 * histories. A different key only costs a judgement; the same key for different inputs would
 * keep a stale one, so the key is a 53-bit hash of every judged field, missing ones included.
 */
import type { Lead } from '../leads/lead';
import { JUDGED_FIELDS } from './judge';

/** cyrb53 (a public-domain 53-bit string hash): two 32-bit multiply-xor lanes, as one safe integer. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** One judged field's part of the keyed text: missing and present told apart; arrays (the DNC versions checked) by their items. */
export function judgedFieldText(value: unknown): string {
  return (value === undefined ? '\u0000' : Array.isArray(value) ? value.join(',') : String(value)) + '\u0001';
}

/** The key of the judged fields' texts, joined in JUDGED_FIELDS order (what verdictInputKey hashes). */
export const keyOfJudgedText = hash53;

/** The key of what the judgement reads of `lead`. */
export function verdictInputKey(lead: Pick<Lead, (typeof JUDGED_FIELDS)[number]>): number {
  let text = '';
  for (const field of JUDGED_FIELDS) text += judgedFieldText(lead[field]);
  return hash53(text);
}
