import { isValidTimeZone } from '../time/calendar';

const knownZones = new Map<string, boolean>();
/** The zone to read calling hours in: the lead's, or the organisation's when the runtime does not know the lead's (it would make every local time NaN). Memoised: checking builds an Intl formatter. */
export function callZone(leadZone: string, orgZone: string): string {
  let ok = knownZones.get(leadZone);
  if (ok === undefined) knownZones.set(leadZone, (ok = isValidTimeZone(leadZone)));
  return ok ? leadZone : orgZone;
}
