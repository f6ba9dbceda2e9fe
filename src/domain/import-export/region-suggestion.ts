/**
 * Which country to read numbers without a country code in, suggested from the file itself: the
 * share of its numbers that are valid phone numbers of each candidate country (read by the same
 * libphonenumber-js rule the check uses, never by hand), and the file's language (a GB18030 file
 * or Chinese headers point to CN). The steward sees the shares and decides; the screen only
 * pre-selects a country when it is clearly better than the current one.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Encoding } from './encoding';
import { normalisePhone } from '../leads/phone';

export interface RegionShare {
  region: string;
  /** Numbers without a country code that are valid in this country. */
  valid: number;
}

export interface RegionSuggestion {
  /** Numbers of the sample that carry no country code (the ones the choice applies to). */
  sampled: number;
  /** Every candidate's share, best first (ties: the language's country, then the current choice). */
  shares: RegionShare[];
  /** The best country, or null when no number needs one. */
  best: string | null;
  /** The country the file's language or encoding points to, if any. */
  languageRegion: string | null;
  /** True when `best` is clearly better than `current`: the screen may pre-select it. */
  clear: boolean;
}

/** The countries every file's numbers are tried in (besides the current one and the language's). */
export const CANDIDATE_REGIONS = [
  'US',
  'CA',
  'GB',
  'IE',
  'CN',
  'HK',
  'TW',
  'SG',
  'AU',
  'NZ',
  'IN',
  'JP',
  'KR',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'MX',
  'BR',
] as const;

/** A sample this small cannot be clear about anything. */
const MIN_SAMPLE = 5;
/** `best` must reach this share… */
const CLEAR_SHARE = 0.8;
/** …and beat the current country's share by this much. */
const CLEAR_MARGIN = 0.2;

/** The country a file's encoding or header script points to (GB18030 or Han → CN; kana → JP; Hangul → KR). */
export function languageRegion(encoding: Encoding, texts: readonly string[]): string | null {
  const all = texts.join(' ');
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(all)) return 'JP';
  if (/\p{Script=Hangul}/u.test(all)) return 'KR';
  if (encoding === 'gb18030' || /\p{Script=Han}/u.test(all)) return 'CN';
  return null;
}

/** True when the text is a number in international form (its country is in it). */
function hasCountryCode(raw: string): boolean {
  return parsePhoneNumberFromString(raw.trim())?.isValid() === true;
}

/** Share of `s` among `n` numbers, 0 for none. */
export const shareOf = (s: RegionShare | undefined, n: number) => (n === 0 || !s ? 0 : s.valid / n);

/**
 * The suggestion for `raws` (phone cells as written) among `candidates`, against `current` (the
 * country the check would use now). Empty cells are skipped.
 */
export function suggestRegion(
  raws: readonly string[],
  candidates: readonly string[],
  current: string,
  language: string | null,
): RegionSuggestion {
  const regions = [...new Set([current, ...(language ? [language] : []), ...candidates])];
  const local = raws.filter((r) => r.trim() !== '' && !hasCountryCode(r));
  const shares = regions.map((region) => ({ region, valid: local.filter((r) => normalisePhone(r, region).ok).length }));
  const rank = (r: string) => (r === language ? 0 : r === current ? 1 : 2);
  shares.sort((a, b) => b.valid - a.valid || rank(a.region) - rank(b.region));
  const n = local.length;
  const top = shares[0];
  const best = n === 0 || !top || top.valid === 0 ? null : top.region;
  const now = shareOf(
    shares.find((s) => s.region === current),
    n,
  );
  const bestShare = shareOf(top, n);
  const clear =
    best !== null && best !== current && n >= MIN_SAMPLE && bestShare >= CLEAR_SHARE && bestShare - now >= CLEAR_MARGIN;
  return { sampled: n, shares, best, languageRegion: language, clear };
}
