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

/** The two lanes of the key being worked out (verdictInputKey runs to its end in one go). */
let lane1 = 0;
let lane2 = 0;

/** `text` fed into the lanes, as hash53 takes it character by character. */
function feed(text: string): void {
  let h1 = lane1;
  let h2 = lane2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  lane1 = h1;
  lane2 = h2;
}

/**
 * The key of what the judgement reads of `lead`: hash53 of its judged fields' texts joined in
 * JUDGED_FIELDS order (judgedFieldText), fed field by field instead of joined first (a catch-up
 * keys every lead it patches: the joined text was a third of a patch's time at 1M).
 */
export function verdictInputKey(lead: Pick<Lead, (typeof JUDGED_FIELDS)[number]>): number {
  lane1 = 0xdeadbeef;
  lane2 = 0x41c6ce57;
  for (const field of JUDGED_FIELDS) {
    const value = lead[field];
    feed(value === undefined ? '\u0000' : Array.isArray(value) ? value.join(',') : String(value));
    feed('\u0001');
  }
  let h1 = lane1;
  let h2 = lane2;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
