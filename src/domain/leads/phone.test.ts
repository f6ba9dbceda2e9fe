import { describe, expect, it } from 'vitest';
import { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import fc from 'fast-check';
import { formatPhone, formatPhoneParsed, normalisePhone } from './phone';
import { timeZoneForNumber } from './phone-time-zone';

describe('normalisePhone: numbers as people type them, to E.164', () => {
  it.each([
    // United States: every common spelling of one number
    {
      raw: '(213) 373-4253',
      region: 'US',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'US national format',
    },
    {
      raw: '+1 213-373-4253',
      region: 'US',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'international format',
    },
    {
      raw: '+1 213-373-4253',
      region: 'CN',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'a country code overrides the default region',
    },
    {
      raw: '213.373.4253',
      region: 'US',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'dots',
    },
    {
      raw: '2133734253',
      region: 'US',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'bare digits',
    },
    {
      raw: '1-213-373-4253',
      region: 'US',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'with the trunk prefix 1',
    },
    {
      raw: '  (213) 373-4253  ',
      region: 'US',
      e164: '+12133734253',
      country: 'US',
      zone: 'America/Los_Angeles',
      why: 'surrounding spaces',
    },
    {
      raw: '011 44 20 7946 0958',
      region: 'US',
      e164: '+442079460958',
      country: 'GB',
      zone: 'Europe/London',
      why: 'dialled from the US with its exit code 011',
    },
    {
      raw: '212 736 5000',
      region: 'US',
      e164: '+12127365000',
      country: 'US',
      zone: 'America/New_York',
      why: 'a Manhattan number rings in New York time',
    },
    {
      raw: '+1 (416) 363-1234',
      region: 'US',
      e164: '+14163631234',
      country: 'CA',
      zone: 'America/Toronto',
      why: 'Canada shares +1; the area code tells them apart',
    },
    // China
    {
      raw: '+86 138 0013 8000',
      region: 'US',
      e164: '+8613800138000',
      country: 'CN',
      zone: 'Asia/Shanghai',
      why: 'a Chinese mobile, international',
    },
    {
      raw: '13800138000',
      region: 'CN',
      e164: '+8613800138000',
      country: 'CN',
      zone: 'Asia/Shanghai',
      why: 'a Chinese mobile as dialled in China',
    },
    {
      raw: '0086 138 0013 8000',
      region: 'CN',
      e164: '+8613800138000',
      country: 'CN',
      zone: 'Asia/Shanghai',
      why: 'with the 00 exit code',
    },
    {
      raw: '010 1234 5678',
      region: 'CN',
      e164: '+861012345678',
      country: 'CN',
      zone: 'Asia/Shanghai',
      why: 'a Beijing landline with its trunk 0',
    },
    {
      raw: '+86 10 6552 9988',
      region: 'US',
      e164: '+861065529988',
      country: 'CN',
      zone: 'Asia/Shanghai',
      why: 'a Beijing landline, international',
    },
    // United Kingdom and elsewhere
    {
      raw: '020 7946 0958',
      region: 'GB',
      e164: '+442079460958',
      country: 'GB',
      zone: 'Europe/London',
      why: 'a London landline',
    },
    {
      raw: '07400 123456',
      region: 'GB',
      e164: '+447400123456',
      country: 'GB',
      zone: 'Europe/London',
      why: 'a UK mobile',
    },
    {
      raw: '+44 7781 123456',
      region: 'US',
      e164: '+447781123456',
      country: 'GG',
      zone: 'Europe/Guernsey',
      why: 'a Guernsey mobile shares +44 but not the region',
    },
    {
      raw: '030 901820',
      region: 'DE',
      e164: '+4930901820',
      country: 'DE',
      zone: 'Europe/Berlin',
      why: 'a Berlin number',
    },
    {
      raw: '02 8901 2345',
      region: 'IT',
      e164: '+390289012345',
      country: 'IT',
      zone: 'Europe/Rome',
      why: 'Italy keeps the leading zero after +39',
    },
  ])('$why: $raw ($region)', ({ raw, region, e164, country, zone }) => {
    const result = normalisePhone(raw, region);
    expect(result).toMatchObject({ ok: true, e164, region: country, timeZone: zone });
  });

  it('gives the national display form too', () => {
    expect(normalisePhone('+1 213-373-4253', 'US')).toMatchObject({ national: '(213) 373-4253' });
    expect(normalisePhone('13800138000', 'CN')).toMatchObject({ national: '138 0013 8000' });
  });

  it.each([
    { raw: '', region: 'US', problem: 'empty', why: 'nothing typed' },
    { raw: '   ', region: 'US', problem: 'empty', why: 'only spaces' },
    { raw: 'call me', region: 'US', problem: 'not-a-number', why: 'no digits' },
    { raw: '5.55E+09', region: 'US', problem: 'scientific-notation', why: 'Excel scientific notation lost digits' },
    { raw: '5.55e9', region: 'US', problem: 'scientific-notation', why: 'lower-case scientific notation' },
    { raw: '1.38001E+10', region: 'CN', problem: 'scientific-notation', why: 'a Chinese mobile mangled by Excel' },
    { raw: '12345', region: 'US', problem: 'too-short', why: 'five digits' },
    { raw: '213 373', region: 'US', problem: 'too-short', why: 'six digits' },
    { raw: '213 373 42', region: 'US', problem: 'too-short', why: 'eight digits are too few for the US' },
    { raw: '+1 213 373 42531', region: 'US', problem: 'too-long', why: 'eleven digits after +1' },
    { raw: '1234567890123456789', region: 'US', problem: 'too-long', why: 'nineteen digits' },
    { raw: '(213) 111-1111', region: 'US', problem: 'invalid', why: 'an exchange that cannot start with 1' },
    { raw: '+1 999 373 4253', region: 'US', problem: 'invalid', why: 'an area code that does not exist' },
    { raw: '138 0013 800', region: 'CN', problem: 'invalid', why: 'a Chinese mobile missing a digit' },
  ])('refuses $raw: $why ($problem)', ({ raw, region, problem }) => {
    expect(normalisePhone(raw, region)).toEqual({ ok: false, problem });
  });
});

describe('formatPhone: the international display form', () => {
  it.each([
    { e164: '+12133734253', shown: '+1 213 373 4253' },
    { e164: '+8613800138000', shown: '+86 138 0013 8000' },
    { e164: '+442079460958', shown: '+44 20 7946 0958' },
    { e164: 'not a number', shown: 'not a number' },
    { e164: '+999123456789', shown: '+999123456789' },
    { e164: '+77012345678', shown: '+7 701 234 5678' },
  ])('$e164 → $shown', ({ e164, shown }) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it("formats every country's example number as the parser does (the calling code picks the format)", () => {
    const numbers = getCountries().flatMap((c: CountryCode) => getExampleNumber(c, examples)?.number ?? []);
    expect(numbers.length).toBeGreaterThan(200);
    for (const e164 of numbers) expect(formatPhone(e164), e164).toBe(formatPhoneParsed(e164));
  });

  it('formats numbers normalised from any digits of any country as the parser does', () => {
    const countries = getCountries();
    let checked = 0;
    fc.assert(
      fc.property(fc.constantFrom(...countries), fc.stringMatching(/^[0-9]{6,12}$/), (country, digits) => {
        const n = normalisePhone(digits, country);
        if (!n.ok) return;
        checked++;
        expect(formatPhone(n.e164)).toBe(formatPhoneParsed(n.e164));
      }),
      { numRuns: 3000 },
    );
    // Guard against a vacuous run: enough valid numbers were made to compare.
    expect(checked).toBeGreaterThan(100);
  });
});

describe('timeZoneForNumber: where the number rings', () => {
  it.each([
    { e164: '+12133734253', region: 'US', zone: 'America/Los_Angeles', why: 'area code 213: Los Angeles' },
    { e164: '+12127365000', region: 'US', zone: 'America/New_York', why: 'area code 212: New York' },
    { e164: '+13125550100', region: 'US', zone: 'America/Chicago', why: 'area code 312: Chicago' },
    { e164: '+16025550100', region: 'US', zone: 'America/Phoenix', why: 'area code 602: Arizona, no DST' },
    { e164: '+18085550100', region: 'US', zone: 'Pacific/Honolulu', why: 'area code 808: Hawaii' },
    { e164: '+14165550100', region: 'CA', zone: 'America/Toronto', why: 'area code 416: Toronto' },
    {
      e164: '+17095550100',
      region: 'CA',
      zone: 'America/St_Johns',
      why: 'area code 709: Newfoundland, half an hour off',
    },
    { e164: '+18005550100', region: 'US', zone: null, why: 'toll-free 800 rings anywhere: unknown' },
    { e164: '+8613800138000', region: 'CN', zone: 'Asia/Shanghai', why: 'China has one zone' },
    { e164: '+442079460958', region: 'GB', zone: 'Europe/London', why: 'the UK' },
    { e164: '+5511912345678', region: 'BR', zone: null, why: 'Brazil spans zones: unknown' },
  ])('$why', ({ e164, region, zone }) => {
    expect(timeZoneForNumber(e164, region)).toBe(zone);
  });
});
