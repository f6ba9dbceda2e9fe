import { downloadBlob } from '../../../shared/download-blob';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../../db/leads-db';
import { applyBulkEdit } from '../../../db/repos/bulk-edit-repo';
import { listCampaigns, listSources } from '../../../db/repos/catalog-repo';
import { awaitingRenewal } from '../../../db/repos/consent-request-repo';
import { recordExport } from '../../../db/repos/export-repo';
import { getSettings } from '../../../db/repos/settings-repo';
import { rethrowStorageError } from '../../../db/storage-errors';
import type { RenewalChannel } from '../../../domain/compliance/consent-request';
import { RENEWAL_LIST_COLUMNS, renewalListCells } from '../../../domain/compliance/renewal-list';
import { sha256Hex } from '../../../domain/audit/audit-hash';
import { toCsv } from '../../../domain/import-export/csv-write';
import { formatInZone } from '../../../domain/time/calendar';
import { useWriteMutation } from '../../../shared/storage/use-write-mutation';
import { useMinute } from './use-data-version';

/** Leads awaiting consent renewal now, each with its newest request; live. */
export function useAwaitingRenewal() {
  const minute = useMinute();
  return useLiveQuery(() => awaitingRenewal(getDb(), Date.now()), [minute]);
}

/** Ask one lead for consent renewal: the same audited, undoable operation as the bulk action. */
export function useRequestRenewal() {
  return useWriteMutation({
    mutationFn: ({ leadId, channel, note }: { leadId: number; channel: RenewalChannel; note?: string }) =>
      applyBulkEdit(getDb(), [leadId], { kind: 'request-consent-renewal', channel, ...(note ? { note } : {}) }).catch(
        rethrowStorageError,
      ),
  });
}

function download(text: string, fileName: string) {
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** The list of leads awaiting renewal as CSV (headers in the user's language), recorded in the audit trail, then downloaded. */
export function useExportRenewals() {
  return useWriteMutation({
    mutationFn: async ({ header }: { header: (column: string, timeZone: string) => string }) => {
      const db = getDb();
      const at = Date.now();
      const [rows, sources, campaigns, settings] = await Promise.all([
        awaitingRenewal(db, at),
        listSources(db),
        listCampaigns(db),
        getSettings(db),
      ]);
      const zone = settings.orgTimeZone;
      const sourceNames = new Map(sources.map((s) => [s.id, s.name]));
      const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
      const cells = renewalListCells(
        rows,
        { source: (id) => sourceNames.get(id) ?? id, campaign: (id) => campaignNames.get(id) ?? id },
        zone,
      );
      const csv = toCsv(
        RENEWAL_LIST_COLUMNS.map((c) => header(c, zone)),
        cells,
        { delimiter: ',', bom: true },
      );
      const fileName = `awaiting-renewal-${formatInZone(at, 'yyyy-MM-dd-HHmm', zone)}.csv`;
      await recordExport(
        db,
        {
          kind: 'awaiting-renewal',
          format: 'csv',
          fileName,
          filter: {},
          columns: [...RENEWAL_LIST_COLUMNS],
          rows: rows.length,
          sha256: sha256Hex(csv),
          dncVersionIds: [],
          at,
          exclusions: null,
        },
        at,
      ).catch(rethrowStorageError);
      download(csv, fileName);
      return { rows: rows.length, fileName };
    },
  });
}
