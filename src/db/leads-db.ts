/**
 * LeadLedger's browser database (IndexedDB through Dexie). Everything the app knows lives
 * here, offline: leads, calls, consent events, DNC lists, imports, the audit trail and the
 * settings. Only `src/db` and `src/workers` touch it; screens go through the repositories.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Lead } from '../domain/leads/lead';
import type { Call } from '../domain/leads/call';
import type { ConsentEvent } from '../domain/compliance/consent-event';
import type { ConsentRequest } from '../domain/compliance/consent-request';
import type { DncEntry, DncList, DncListVersion } from '../domain/compliance/dnc-list';
import type { ScrubRecord } from '../domain/compliance/scrub-overlay';
import type { Source } from '../domain/catalog/source';
import type { Campaign } from '../domain/catalog/campaign';
import type { Acquisition, ImportBatch } from '../domain/import-export/import-batch';
import type { AuditEntry } from '../domain/audit/audit-entry';
import type { OperationRow } from '../domain/operations/operation';
import { MIGRATIONS, type Migration } from './migrations';
import { honourZoneDurability } from './durability';
import { dataVersionMiddleware } from './data-version';
import { scrubOverlayMiddleware } from './scrub-overlay-middleware';
import { outboxMiddleware } from './outbox-middleware';
import type { OutboxRow, SyncIdRow, SyncIssue } from '../domain/sync/sync-rows';

export const DB_NAME = 'leadledger';

export interface SettingRow {
  key: string;
  value: unknown;
}
export interface SavedView {
  id: number;
  name: string;
  search: Record<string, unknown>;
  createdAt: number;
}
/** A row of the engine's cache (v005: a piece of the grid's snapshot) or of `changes` (v008: the data version token, a change-log row). */
export interface EngineRow {
  key: string;
  [field: string]: unknown;
}
/** A scrub row: what the overlay lays over the leads (scrub-overlay.ts), with its counts. */
export interface DncScrub extends ScrubRecord {
  id: number;
  leadCount: number;
  listed: number;
}

export class LeadsDb extends Dexie {
  leads!: EntityTable<Lead, 'id'>;
  calls!: EntityTable<Call, 'id'>;
  consents!: EntityTable<ConsentEvent, 'id'>;
  /** Requests for consent renewal (v006): asked, not proof. See consent-request-repo.ts. */
  consentRequests!: EntityTable<ConsentRequest, 'id'>;
  acquisitions!: EntityTable<Acquisition, 'id'>;
  dncLists!: EntityTable<DncList, 'id'>;
  dncListVersions!: EntityTable<DncListVersion, 'id'>;
  dncEntries!: Table<DncEntry, [string, string]>;
  dncScrubs!: EntityTable<DncScrub, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  savedViews!: EntityTable<SavedView, 'id'>;
  /** The operation journal (v002): see operation-journal-repo.ts. */
  operations!: EntityTable<OperationRow, 'id'>;
  /** The engine's cache (v005): see engine-snapshot-repo.ts. */
  engine!: Table<EngineRow, string>;
  /** The data version and its change log (v008): see data-version.ts and change-log-repo.ts. */
  changes!: Table<EngineRow, string>;
  /** The team edition (v007): see outbox-middleware.ts and sync-state-repo.ts. */
  outbox!: EntityTable<OutboxRow, 'seq'>;
  syncIds!: Table<SyncIdRow, [string, number | string]>;
  syncState!: Table<SettingRow, string>;
  syncIssues!: EntityTable<SyncIssue, 'id'>;

  constructor(name = DB_NAME, migrations: readonly Migration[] = MIGRATIONS) {
    super(name);
    honourZoneDurability(this);
    this.use(dataVersionMiddleware);
    this.use(scrubOverlayMiddleware);
    this.use(outboxMiddleware);
    for (const m of migrations) {
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
    // A newer tab upgraded the schema: this tab's code no longer matches, so stop
    // writing in the old shape and ask the user to reload.
    this.on('versionchange', () => {
      this.close();
      globalThis.dispatchEvent?.(new Event('leadledger:db-outdated'));
      return false;
    });
  }
}

let instance: LeadsDb | null = null;

/** The app's database (one per page). */
export function getDb(): LeadsDb {
  instance ??= new LeadsDb();
  return instance;
}
