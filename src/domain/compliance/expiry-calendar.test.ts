import { describe, expect, it } from 'vitest';
import { parseLocal } from '../time/calendar';
import { calendarWeeks } from './expiry-calendar';

describe('calendarWeeks', () => {
  it('covers the next 90 days in whole Monday-first weeks, in the zone given', () => {
    // Wednesday 2026-03-04 23:30 in New York is already Thursday in Shanghai.
    const at = parseLocal('2026-03-04 23:30', 'yyyy-MM-dd HH:mm', 'America/New_York')!;
    const weeks = calendarWeeks(at, 90, 'America/New_York');
    expect(weeks[0]!.map((c) => c.day)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(weeks[0]!.filter((c) => c.inRange).map((c) => c.day)[0]).toBe('2026-03-04');
    expect(weeks.flat().filter((c) => c.inRange)).toHaveLength(90);
    expect(weeks.flat().find((c) => c.isToday)?.day).toBe('2026-03-04');
    expect(weeks.at(-1)!.at(-1)!.day >= '2026-06-01').toBe(true);
    expect(
      calendarWeeks(at, 90, 'Asia/Shanghai')
        .flat()
        .find((c) => c.isToday)?.day,
    ).toBe('2026-03-05');
  });
});
