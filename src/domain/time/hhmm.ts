/** Minutes after local midnight as `HH:mm` (a calling-hours bound, a local time of day). */
export const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
