/** The expiry calendar's grid: whole weeks (Monday first) covering the next N days, in the organisation's zone. */
import { addDays, cohortKey, localClock } from '../time/calendar';

export interface CalendarCell {
  /** `yyyy-MM-dd` in the zone. */
  day: string;
  /** Day of the month, for the cell's label. */
  dayOfMonth: number;
  /** Inside [today, today + days). */
  inRange: boolean;
  isToday: boolean;
}

/** Weeks of seven cells from the Monday of `at`'s week to the Sunday after the last day in range. */
export function calendarWeeks(at: number, days: number, timeZone: string): CalendarCell[][] {
  const today = cohortKey(at, 'day', timeZone);
  const last = cohortKey(addDays(at, days - 1, timeZone), 'day', timeZone);
  const back = (localClock(at, timeZone).weekday + 6) % 7;
  const weeks: CalendarCell[][] = [];
  for (let offset = -back; ; offset += 7) {
    const week: CalendarCell[] = [];
    for (let d = 0; d < 7; d++) {
      const day = cohortKey(addDays(at, offset + d, timeZone), 'day', timeZone);
      week.push({
        day,
        dayOfMonth: Number(day.slice(8)),
        inRange: day >= today && day <= last,
        isToday: day === today,
      });
    }
    weeks.push(week);
    if (week[6]!.day >= last) return weeks;
  }
}
