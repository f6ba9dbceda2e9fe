/**
 * Suppressions: numbers of people who were forgotten (GDPR erasure), kept only as a keyed
 * hash (HMAC-SHA256 with the database's own key, `flag:anonymisationKey` in the settings
 * table) on the internal do-not-call list. A plain or salted SHA-256 of a phone number can be
 * reversed by trying every number; an HMAC cannot without the key.
 *
 * The verdict, the grid and every export read the internal list by plain number, so the
 * write paths that bring a number in (manual entry, lead imports) call `honourSuppressions`
 * in their own transaction: a number whose keyed hash is suppressed goes onto the internal
 * list again, as listed since the person was forgotten, before anything can call it.
 */
import Dexie from 'dexie';
import { HASHED_PHONE_PREFIX, keyedPhoneHash } from '../../domain/compliance/anonymise';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { LeadsDb } from '../leads-db';
import { addInternalDncInTransaction } from './dnc-repo';
import { INTERNAL_LIST_ID, ensureInternalList } from './internal-dnc';
import { getFlag } from './settings-repo';

/** The settings flag `anonymisationKey` in retention-repo creates: the database's HMAC key. */
const KEY_FLAG = 'anonymisationKey';
/** Keys a restore kept from before it (see `hmacKeys`). */
const FORMER_KEYS_FLAG = 'anonymisationFormerKeys';

/**
 * The keys a suppression may have been hashed with: the database's key, then the former keys a
 * restore kept (a backup made with another key replaced it; decision 012).
 */
async function hmacKeys(db: LeadsDb): Promise<string[]> {
  const key = await getFlag<string>(db, KEY_FLAG);
  const former = (await getFlag<string[]>(db, FORMER_KEYS_FLAG)) ?? [];
  return [...(key ? [key] : []), ...former.filter((k) => k !== key)];
}

/** The tables `honourSuppressions` writes: include them in the caller's transaction. */
export function suppressionTables(db: LeadsDb) {
  return [db.leads, db.dncLists, db.dncListVersions, db.dncEntries, db.settings];
}

/** Every suppression (hashed internal-list entry), by hash. */
export async function suppressions(db: LeadsDb): Promise<Map<string, DncEntry>> {
  const rows = await db.dncEntries
    .where('[listId+phoneE164]')
    .between([INTERNAL_LIST_ID, HASHED_PHONE_PREFIX], [INTERNAL_LIST_ID, `${HASHED_PHONE_PREFIX}\uffff`], true, true)
    .toArray();
  return new Map(rows.filter((r) => r.removedVersionId === undefined).map((r) => [r.phoneE164, r]));
}

/** Suppress a number (inside a transaction over dncLists, dncListVersions, dncEntries); listed from `since`. Returns its keyed hash. */
export async function suppressNumber(
  db: LeadsDb,
  phoneE164: string,
  key: string,
  since: number,
  now: number,
): Promise<string> {
  const hash = phoneE164.startsWith(HASHED_PHONE_PREFIX) ? phoneE164 : keyedPhoneHash(phoneE164, key);
  const versionId = await ensureInternalList(db, now);
  const existing = await db.dncEntries.get([INTERNAL_LIST_ID, hash]);
  const addedAt =
    existing?.addedAt !== undefined && existing.removedVersionId === undefined
      ? Math.min(existing.addedAt, since)
      : since;
  await db.dncEntries.put({ listId: INTERNAL_LIST_ID, phoneE164: hash, addedVersionId: versionId, addedAt });
  return hash;
}

/**
 * Of these (plain E.164) numbers, those whose person was forgotten, with the suppression's
 * hash and start. Read-only; cheap when nothing is suppressed (no hashing at all).
 */
export async function suppressedAmong(db: LeadsDb, phones: readonly string[]): Promise<Map<string, DncEntry>> {
  const out = new Map<string, DncEntry>();
  if (phones.length === 0) return out;
  const byHash = await suppressions(db);
  if (byHash.size === 0) return out;
  const keys = await hmacKeys(db);
  if (keys.length === 0) return out;
  for (const phone of phones) {
    for (const key of keys) {
      const hit = byHash.get(keyedPhoneHash(phone, key));
      if (hit) {
        out.set(phone, hit);
        break;
      }
    }
  }
  return out;
}

/**
 * Put every suppressed number among `phones` back on the internal list as plain numbers, listed
 * since the suppression began. Call inside the write's transaction (see `suppressionTables`),
 * after its leads are stored. Returns the numbers listed, with the suppression hashes.
 */
export async function honourSuppressions(
  db: LeadsDb,
  phones: readonly string[],
): Promise<{ phoneE164: string; suppression: string }[]> {
  if (!Dexie.currentTransaction) throw new Error('honourSuppressions must run inside the write’s own transaction');
  return listSuppressed(db, await suppressedAmong(db, phones));
}

/** The numbers `suppressedAmong` found, put back on the internal list (inside the write's transaction). */
export async function listSuppressed(
  db: LeadsDb,
  hits: ReadonlyMap<string, DncEntry>,
): Promise<{ phoneE164: string; suppression: string }[]> {
  const out: { phoneE164: string; suppression: string }[] = [];
  for (const [phoneE164, entry] of hits) {
    await addInternalDncInTransaction(db, phoneE164, entry.addedAt ?? 0);
    out.push({ phoneE164, suppression: entry.phoneE164 });
  }
  return out;
}
