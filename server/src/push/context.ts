/** What every mutation handler gets: the request's transaction, its session and the server's clock. */
import type pg from 'pg';
import type { SessionClaims } from '../db/session';
import type { MutationResult } from '../protocol/mutations';

export interface ApplyContext {
  client: pg.PoolClient;
  claims: SessionClaims;
  deviceId: string;
  /** The server's HLC stamp for its own writes in this push (the DNC block). */
  serverHlc: string;
  now: number;
}

/** A handler's verdict; `quarantined` and `deferred` come with a reason. */
export type Outcome = Omit<MutationResult, 'id' | 'duplicate'>;

/** A rejection the client can read: the mutation is quarantined with this reason. */
export class Rejection extends Error {
  constructor(
    readonly reason: string,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}
