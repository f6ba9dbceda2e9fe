/** The zone calling hours are read in: the lead's when the runtime knows it, else the organisation's. */
import { describe, expect, it } from 'vitest';
import { callZone } from './call-zone';
import { isValidTimeZone } from '../time/calendar';

describe('callZone', () => {
  it('takes the lead’s zone when the runtime knows it', () => {
    expect(callZone('Asia/Shanghai', 'America/New_York')).toBe('Asia/Shanghai');
  });

  it('takes the organisation’s for a zone the runtime does not know, an empty one, or none at all', () => {
    // A lead pulled from an older client may carry no zone: Intl would read that as the browser's own.
    for (const zone of ['Mars/Olympus_Mons', '', undefined, null])
      expect(callZone(zone as unknown as string, 'America/New_York')).toBe('America/New_York');
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
    expect(isValidTimeZone('Europe/London')).toBe(true);
  });
});
