import { useEffect, useState } from 'react';
import { getDb } from '../../../db/leads-db';
import { seedDemoIfEmpty } from '../../../db/repos/demo-repo';

let seeding: Promise<unknown> | null = null;

/** Seed the demo data on first start (once per page, however often React runs the effect). */
export function useDemoSeed(): 'seeding' | 'ready' {
  const [state, setState] = useState<'seeding' | 'ready'>('seeding');
  useEffect(() => {
    let alive = true;
    seeding ??= seedDemoIfEmpty(getDb()).catch((e: unknown) => console.error('Demo seeding failed', e));
    void seeding.then(() => alive && setState('ready'));
    return () => {
      alive = false;
    };
  }, []);
  return state;
}
