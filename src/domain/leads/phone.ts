/** Phone numbers to E.164 with libphonenumber-js (full metadata, so validity is checked, not only length). */
import {
  PhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type E164Number,
} from 'libphonenumber-js/max';
import { timeZoneForNumber } from './phone-time-zone';

export type PhoneProblem = 'empty' | 'scientific-notation' | 'not-a-number' | 'too-short' | 'too-long' | 'invalid';

export type NormalisedPhone =
  | { ok: true; e164: string; region: string; timeZone: string | null; national: string }
  | { ok: false; problem: PhoneProblem };

const SCIENTIFIC = /^\s*[+-]?\d+(\.\d+)?[eE][+-]?\d+\s*$/;

/**
 * Normalise a phone number as typed or imported. `defaultRegion` applies to numbers
 * without a country code. Excel's scientific notation (`5.55E+09`) is rejected: the
 * digits it dropped cannot be recovered, so guessing would invent a number.
 */
export function normalisePhone(raw: string, defaultRegion: string): NormalisedPhone {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (SCIENTIFIC.test(text)) return { ok: false, problem: 'scientific-notation' };
  const digits = text.replace(/\D/g, '');
  if (digits.length === 0) return { ok: false, problem: 'not-a-number' };
  if (digits.length < 6) return { ok: false, problem: 'too-short' };
  if (digits.length > 17) return { ok: false, problem: 'too-long' };
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultRegion as CountryCode, extract: false });
  if (!parsed) return { ok: false, problem: 'invalid' };
  if (!parsed.isValid()) {
    // Judged against the number plan of the country, not a fixed digit count: 8 digits are too short in the US.
    const length = validatePhoneNumberLength(text, defaultRegion as CountryCode);
    return {
      ok: false,
      problem: length === 'TOO_SHORT' ? 'too-short' : length === 'TOO_LONG' ? 'too-long' : 'invalid',
    };
  }
  const region = parsed.country ?? 'ZZ';
  return {
    ok: true,
    e164: parsed.number,
    region,
    timeZone: timeZoneForNumber(parsed.number, region),
    national: parsed.formatNational(),
  };
}

/** Display forms already worked out: formatting against the metadata was most of a grid block's formatting. */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 50_000;

const E164 = /^\+[1-9]\d{5,16}$/;

/** Parsed, then formatted: the oracle of formatPhone's fast path (phone.test.ts), and its fallback. */
export function formatPhoneParsed(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/**
 * The international display form of an E.164 number (`+1 213 373 4253`); the input when it cannot be parsed.
 * A stored number is E.164 already, so it is split at its calling code and formatted by that code's
 * plan, without parsing it again: parsing also works out the country, which for +1 tries each of the
 * North American plans' patterns in turn (4× the time in Node; in a grid worker's first blocks, code
 * not yet optimised, 40–50% of the block's formatting). International formats are chosen by the calling
 * code alone, so for a number in canonical E.164 (all that normalisePhone stores) the text is the
 * parser's (phone.test.ts). A non-canonical one, as `+1` then a national prefix, shows its digits as stored.
 */
export function formatPhone(e164: string): string {
  let shown = formatted.get(e164);
  if (shown === undefined) {
    shown = E164.test(e164) ? formatByCallingCode(e164) : formatPhoneParsed(e164);
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(e164, shown);
  }
  return shown;
}

function formatByCallingCode(e164: string): string {
  try {
    return new PhoneNumber(e164 as E164Number).formatInternational();
  } catch {
    return formatPhoneParsed(e164);
  }
}
