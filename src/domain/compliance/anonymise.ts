/**
 * Anonymising a lead past retention (DESIGN.md §4, Retention): name, company, email, tags and
 * the raw phone go; the number is kept only as a keyed hash (HMAC-SHA256 with a key that never
 * leaves this database), so the same number arriving again can still be matched to the
 * purged lead and its "do not call me". Source, campaign, acquisition time, region, zone and
 * call facts stay, so every cohort figure reads exactly as before.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Lead } from '../leads/lead';

/** Prefix of a hashed phone: it can never be mistaken for (or collide with) an E.164 number. */
export const HASHED_PHONE_PREFIX = 'hmac:';

/** The keyed hash that replaces an anonymised lead's number. `keyHex` is the database's secret. */
export function keyedPhoneHash(phoneE164: string, keyHex: string): string {
  return HASHED_PHONE_PREFIX + bytesToHex(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(phoneE164)));
}

/** True when a stored phone is a keyed hash (the lead was anonymised). */
export function isHashedPhone(phone: string): boolean {
  return phone.startsWith(HASHED_PHONE_PREFIX);
}

/** The lead as kept after its purge at `at`. */
export function anonymiseLead(lead: Lead, keyHex: string, at: number): Lead {
  return {
    ...lead,
    phoneE164: isHashedPhone(lead.phoneE164) ? lead.phoneE164 : keyedPhoneHash(lead.phoneE164, keyHex),
    phoneRaw: '',
    name: '',
    company: '',
    email: '',
    tags: [],
    anonymizedAt: lead.anonymizedAt ?? at,
    updatedAt: at,
  };
}
