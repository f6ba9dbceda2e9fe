import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { auditHead } from '../../../db/repos/audit-repo';

/**
 * A number that changes whenever the data does: every write appends an audit entry, so the
 * chain head moves with it (in any tab or worker). Work done in the worker keys on it.
 */
export function useDataVersion(): number | undefined {
  return useLiveQuery(async () => (await auditHead(getDb())).seq, []);
}

/** The current minute, ticking: "callable now" changes as calling hours open and close. */
export function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 15_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}
