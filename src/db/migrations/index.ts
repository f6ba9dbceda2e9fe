/** Every schema version in order. Append only: a landed migration is never edited. */
import type { Transaction } from 'dexie';
import { v001 } from './v001-initial';
import { v002 } from './v002-operation-journal';
import { v003 } from './v003-audit-details-hash';
import { v004 } from './v004-lean-indexes';
import { v005 } from './v005-engine-cache';
import { v006 } from './v006-consent-requests';
import { v007 } from './v007-team-sync';
import { v008 } from './v008-change-log-store';

export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [v001, v002, v003, v004, v005, v006, v007, v008];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
