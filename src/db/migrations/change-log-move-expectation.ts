/**
 * What schema v008 promises to do to a database's rows, for the migration tests: the data version
 * token (`dataVersion`) and every change-log row (`log:…`) leave the `engine` table for `changes`,
 * as they are; the engine's own rows (the grid's snapshot, the DNC matches) stay. Nothing else
 * changes. Also the rows a v007 database's engine table may hold, to fill one with.
 */
import type { TableRows } from './migration-harness';

type Keyed = { key: string };

const moves = (row: Keyed) => row.key === 'dataVersion' || row.key.startsWith('log:');

export function changeLogMoved(rows: TableRows): TableRows {
  const engine = (rows.engine ?? []) as Keyed[];
  return {
    ...rows,
    engine: engine.filter((r) => !moves(r)),
    changes: [...((rows.changes ?? []) as Keyed[]), ...engine.filter(moves)],
  };
}

/** A v007 engine table: the token, two log rows of one write, the snapshot's head and a part, the DNC matches. */
export const V007_ENGINE_ROWS: Keyed[] = [
  { key: 'dataVersion', value: 'token-b' } as Keyed,
  { key: 'log:token-b:000000', prev: 'token-a', token: 'token-b', at: 1, leadIds: [1, 2], full: false } as Keyed,
  { key: 'log:token-b:000001', prev: 'token-a', token: 'token-b', at: 1, leadIds: [], full: true } as Keyed,
  { key: 'grid:head', dataVersion: 'token-b', checksums: ['abc'] } as Keyed,
  { key: 'grid:chunk:00000:numbers:abc', part: { arrays: { ids: new Int32Array([1, 2]) } } } as Keyed,
  { key: 'dnc-matches', dataVersion: 'token-b', entries: [] } as Keyed,
];
