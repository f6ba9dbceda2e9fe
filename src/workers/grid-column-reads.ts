/**
 * What the engine answers straight off its latest columns, without waiting on its queue (no
 * rebuild or catch-up is waited for): each answer holds only for the data version the columns
 * reflect, and a moved version answers null, so the caller reads the tables instead.
 */
import * as Comlink from 'comlink';
import type { LeadsDb } from '../db/leads-db';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { leadRowsWrittenSince, logLeads } from '../db/repos/change-log-repo';
import { packExportLeads, type PackedExportLeads } from '../domain/import-export/packed-export-leads';
import type { BulkOp } from '../domain/leads/bulk-edit';
import type { BulkPreview } from '../domain/leads/bulk-preview';
import { previewFromColumns } from '../domain/leads/index/bulk-preview-from-columns';
import { stopWarmingPreview, warmPreview } from './grid-warm-preview';
import { exportLeadsFromColumns } from '../domain/leads/index/export-lead-from-columns';
import { leadPhonesFromColumns, type PackedLeadPhones } from '../domain/leads/index/lead-phones-from-columns';
import type { GridIndex } from './grid-index';
import { measureSince } from './grid-timing';

/** `latestCurrent`: whether the latest columns are known to hold the data as they are (no write signalled since they read the version). */
export function columnReads(db: LeadsDb, latest: () => GridIndex | null, latestCurrent: () => boolean) {
  return {
    /**
     * The leads of `ids` (ascending) as an export writes them, read off the columns (no table
     * read), when the index holds `dataVersion` (the version its verdicts were given at); else
     * null, and the export reads the table (its own check after the file redoes it). Packed: they
     * cross to the export worker as a few arrays, not as objects (packed-export-leads.ts).
     */
    async exportLeads(ids: Int32Array, dataVersion: string): Promise<PackedExportLeads | null> {
      const idx = latest();
      const leads = idx && idx.dataVersion === dataVersion ? exportLeadsFromColumns(idx.cols, ids) : null;
      return leads && packExportLeads(leads);
    },
    /**
     * Every stored lead's id and number, for a DNC scrub that started at `dataVersion`, when the
     * columns hold the leads as they were then or later (as a walk of the phone index would read
     * them): the same version, one the change log leads to from it, or an earlier one the log
     * leads from through writes to no lead's row (a call, a list version, the scrub's journal);
     * else null, and the scrub walks the phone index.
     */
    async leadPhones(dataVersion: string): Promise<PackedLeadPhones | null> {
      const idx = latest();
      if (!idx?.dataVersion) return null;
      // Packed in this task, while the columns are those of `held` (a catch-up patches them and moves the version in one task).
      const held = idx.dataVersion;
      const t0 = performance.now();
      const packed = leadPhonesFromColumns(idx.cols);
      measureSince('engine:lead-phones', t0);
      const usable =
        held === dataVersion ||
        (await logLeads(db, dataVersion, held)) ||
        (await leadRowsWrittenSince(db, held)) === 'none';
      return usable ? Comlink.transfer(packed, [packed.ids.buffer]) : null;
    },
    /** A bulk edit dialog opened over `ids`: run the Preview's code once now, if not yet (grid-warm-preview.ts). */
    async warmBulkPreview(ids: Int32Array, now: number): Promise<void> {
      const idx = latest();
      if (!idx) return;
      const t0 = performance.now();
      if (await warmPreview(idx.cols, now, ids)) measureSince('engine:warm-preview', t0);
    },
    /**
     * A bulk edit's Preview of `op` over `ids`, read off the columns (bulk-preview-from-columns.ts)
     * when they hold the data version as it is now; else null, and the bulk-edit worker previews
     * from the table. The version is read only when a write was signalled since the columns read
     * it (the read would wait behind the selection's own read, which starts as the dialog opens);
     * the columns are read in the same task as the version is compared (a catch-up patches them
     * and moves the version in one task).
     */
    async previewBulkEdit(ids: Int32Array, op: BulkOp, now: number): Promise<BulkPreview | null> {
      stopWarmingPreview();
      const token = latestCurrent() ? latest()?.dataVersion : await readDataVersion(db);
      const idx = latest();
      if (!idx || token == null || idx.dataVersion !== token) return null;
      const t0 = performance.now();
      const preview = previewFromColumns(idx.cols, ids, op, now);
      measureSince('engine:bulk-preview', t0);
      return preview;
    },
  };
}
