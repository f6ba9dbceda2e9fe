/**
 * Calling hours in the called party's own time zone. Windows are wall-clock minutes, read with
 * `localClock`, so a 23- or 25-hour DST day needs no special case: 08:00 is 08:00 on either side
 * of the change. Openings are turned back into instants with `atLocalMinute`.
 */
import { atLocalMinute, localClock, type LocalClock } from '../time/calendar';
import type { EffectiveRules } from './policies';
import type { DayWindow } from './policy-presets';

export type CallingHours = EffectiveRules['callingHours'];

export interface CallingHoursState {
  open: boolean;
  /** The wall clock at `at` where the lead is. */
  local: LocalClock;
  /** Today's window there. */
  window: DayWindow;
  /** Closed: when the window last closed, if it opened in the past week. */
  since?: number;
  /** Closed: when it next opens (none when every day is closed). Open: when it closes. */
  until?: number;
}

const isOpenDay = (w: DayWindow) => w.to > w.from;

/** True when `at` falls inside the allowed window of its local weekday in `timeZone`. */
export function isWithinCallingHours(at: number, timeZone: string, hours: CallingHours): boolean {
  return isOpenAt(localClock(at, timeZone), hours);
}

function isOpenAt({ weekday, minuteOfDay }: LocalClock, hours: CallingHours): boolean {
  const w = hours[weekday]!.value;
  return minuteOfDay >= w.from && minuteOfDay < w.to;
}

/** The first instant at or after `at` inside the calling window, or undefined when no day allows calls. */
export function nextOpenAt(at: number, timeZone: string, hours: CallingHours): number | undefined {
  if (isWithinCallingHours(at, timeZone, hours)) return at;
  const { weekday } = localClock(at, timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const w = hours[(weekday + offset) % 7]!.value;
    if (!isOpenDay(w)) continue;
    const opening = atLocalMinute(at, offset, w.from, timeZone);
    // The check guards against an opening that falls in a skipped DST hour and lands elsewhere.
    if (opening > at && isWithinCallingHours(opening, timeZone, hours)) return opening;
  }
  return undefined;
}

/** When the window last closed before `at` (looking back a week), for a closed `at`. */
function lastClosedAt(at: number, timeZone: string, hours: CallingHours): number | undefined {
  const { weekday } = localClock(at, timeZone);
  for (let offset = 0; offset >= -7; offset--) {
    const w = hours[(((weekday + offset) % 7) + 7) % 7]!.value;
    if (!isOpenDay(w)) continue;
    const closing = atLocalMinute(at, offset, w.to, timeZone);
    if (closing <= at) return closing;
  }
  return undefined;
}

/** The calling-hours picture at `at` for a lead in `timeZone`. */
export function callingHoursAt(at: number, timeZone: string, hours: CallingHours): CallingHoursState {
  const local = localClock(at, timeZone);
  const window = hours[local.weekday]!.value;
  if (isOpenAt(local, hours)) {
    return { open: true, local, window, until: atLocalMinute(at, 0, window.to, timeZone) };
  }
  const state: CallingHoursState = { open: false, local, window };
  const since = lastClosedAt(at, timeZone, hours);
  const until = nextOpenAt(at, timeZone, hours);
  if (since !== undefined) state.since = since;
  if (until !== undefined) state.until = until;
  return state;
}
