/** Time zones offered in Settings: the runtime's full IANA list when it has one. */
const COMMON = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Australia/Sydney',
];

export function timeZoneOptions(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? COMMON;
  return all.includes('UTC') ? all : ['UTC', ...all];
}

export const REGIONS = ['US', 'CA', 'GB', 'CN', 'AU', 'DE', 'FR', 'IE', 'HK', 'SG', 'JP', 'IN'] as const;
