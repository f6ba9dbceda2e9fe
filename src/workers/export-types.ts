/** What an export asks of the export worker and what it answers (export-build.ts builds it). */
import type { CsvOptions } from '../domain/import-export/csv-write';
import type { ExportColumn, ExportLead, ExportTimeFormat } from '../domain/import-export/export-columns';
import type { Exclusions } from '../domain/import-export/call-list';

export interface ExportRequest {
  ids: Int32Array;
  kind: 'leads' | 'call-list';
  format: 'csv' | 'xlsx';
  columns: ExportColumn[];
  /** The header row as the reader sees it (export-header.ts); the column keys when absent. */
  header?: string[];
  time: ExportTimeFormat;
  csv: CsvOptions;
  /** The instant call-list verdicts are judged at (moved to now when earlier: see callListInstant). */
  at: number;
  fileName: string;
  /** The grid filter the ids came from, for the audit entry. */
  filter: Record<string, unknown>;
  override?: string;
  /** The engine's verdicts of `ids` at `judged.at` as reason bits (same order), when it could give them: then no lead is judged here. */
  judged?: EngineVerdicts;
}

/** Verdicts the grid engine answered: reason bits per lead, in the order of the ids, at one instant. */
export interface EngineVerdicts {
  at: number;
  bits: Uint16Array;
  /** The data version the engine had applied when it answered. */
  dataVersion: string | null;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  sha256: string;
  rows: number;
  exclusions: Exclusions | null;
  dncVersionIds: number[];
  /** The instant the leads were judged at. */
  at: number;
  ms: number;
  /** How many of the leads were read off the engine's columns (the rest from the table). */
  leadsFromEngine: number;
  auditSeq: number;
  chainHead: string;
}

export type ExportProgress = (done: number) => void;

/**
 * The engine's columns read as export leads (export-lead-from-columns.ts): the leads of `ids`
 * (ascending) as of `dataVersion`, or null when the engine holds another version or cannot answer
 * exactly (the tables are read instead).
 */
export type EngineLeads = (ids: Int32Array, dataVersion: string) => Promise<ExportLead[] | null>;

export interface BuildOptions {
  /** The instant the build starts at (tests pass one; the clock then stands still at it). */
  now?: number;
  /** The clock a build read again after a write landed under it reads (tests pass one). */
  clock?: () => number;
  /** Leads judged per chunk. */
  chunk?: number;
  /** Where the engine's answer carries a data version, its leads are read off its columns through this. */
  engineLeads?: EngineLeads;
}
