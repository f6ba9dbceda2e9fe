/**
 * What schema v003 promises to do to a database's rows, spelled out from first principles
 * (canonical JSON and SHA-256, not the app's own sealing code) for the migration tests: every
 * audit entry gains `detailsHash` and keeps its old hash as `legacyHash`, the trail is
 * re-chained from the genesis hash, one `upgrade` entry closes it, and the settings table gains
 * the `auditChainUpgrade` row with the previous and the new head. Nothing else changes.
 */
import { GENESIS_HASH, canonicalJson, sha256Hex, verifyChain } from '../../domain/audit/audit-hash';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { TableRows } from './migration-harness';

const hashOf = (e: Omit<AuditEntry, 'hash' | 'before' | 'after'> & { detailsHash: string }) =>
  sha256Hex(
    canonicalJson({
      format: 2,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      ids: e.ids,
      detailsHash: e.detailsHash,
      legacyHash: e.legacyHash ?? null,
      note: e.note ?? null,
      prevHash: e.prevHash,
    }),
  );

/** The rows v003 must leave, from the rows before it, for an upgrade run at `now` by `actor`. */
export function auditFormat2Rows(before: TableRows, now: number, actor: string): TableRows {
  const old = (before.audit ?? []) as AuditEntry[];
  if (old.length === 0) return before;
  const problem = verifyChain(old);
  let prevHash = GENESIS_HASH;
  const audit: AuditEntry[] = old.map((e) => {
    const detailsHash = sha256Hex(canonicalJson({ before: e.before ?? null, after: e.after ?? null }));
    const next = { ...e, detailsHash, legacyHash: e.hash, prevHash };
    prevHash = hashOf(next);
    return { ...next, hash: prevHash };
  });
  const previousHead = { seq: old.at(-1)!.seq, hash: old.at(-1)!.hash };
  const newHead = { seq: previousHead.seq, hash: prevHash };
  const previousTrail = problem
    ? { intact: false, brokenAtSeq: problem.seq, problem: problem.problem }
    : { intact: true };
  const before2 = { format: 1, head: previousHead, previousTrail };
  const after2 = { format: 2, head: newHead };
  const record = {
    seq: newHead.seq + 1,
    at: now,
    actor,
    action: 'upgrade' as const,
    entity: 'audit',
    ids: [],
    before: before2,
    after: after2,
    note: 'Audit trail rewritten in format 2 (schema v003); entries keep their old hash as legacyHash.',
    detailsHash: sha256Hex(canonicalJson({ before: before2, after: after2 })),
    prevHash: newHead.hash,
  };
  audit.push({ ...record, hash: hashOf(record) });
  const upgradeRow = {
    key: 'auditChainUpgrade',
    value: { at: now, schemaVersion: 3, previousHead, newHead, previousTrail, upgradeSeq: record.seq },
  };
  return { ...before, audit, settings: [...(before.settings ?? []), upgradeRow] };
}
