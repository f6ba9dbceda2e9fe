/** Fixed durations in milliseconds (calendar periods are not multiples of these: see calendar.ts). */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
