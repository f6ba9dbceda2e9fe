/**
 * The screens' figures read off the engine's index, no lead read or judged for them: the
 * Overview's headline, the Compliance screen's queues and calendar, the retention dry run (only
 * a lead whose cached judgement does not reach the dry run's instant is judged, by key).
 */
import { catalogNames } from '../db/repos/catalog-repo';
import type { LeadsDb } from '../db/leads-db';
import { getSettings } from '../db/repos/settings-repo';
import type { ComplianceSummary } from '../domain/compliance/compliance-summary';
import type { PurgeMode, PurgePlan } from '../domain/compliance/retention-plan';
import { leadFigures } from '../domain/leads/index/lead-figures';
import { liveRows, retentionPlanFromColumns } from '../domain/leads/index/retention-from-columns';
import type { OverviewFigures } from '../domain/overview/overview-figures';
import { type GridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';
import { reasonBitsJudged } from './grid-due-rows';
import { measureSince } from './grid-timing';

const figuresAt = (idx: GridIndex, at: number, horizonDays?: number) =>
  leadFigures(idx.cols, { now: at, orgTimeZone: idx.orgTimeZone, outsideHours: outsideHoursAt(idx, at) }, horizonDays);

/** The Overview's headline figures at `at` (the sources' names and the presets from the tables). */
export async function overviewFigures(
  db: LeadsDb,
  idx: GridIndex,
  at: number,
): Promise<OverviewFigures & { ms: number }> {
  const t0 = performance.now();
  // The Overview shows no expiry calendar: none is worked out for it.
  const f = figuresAt(idx, at, 0);
  const [{ sources: names }, settings] = await Promise.all([catalogNames(db), getSettings(db)]);
  const bySource = f.bySource.map((s) => ({ ...s, name: names.get(s.sourceId) ?? s.sourceId }));
  measureSince('engine:overview', t0);
  return {
    at,
    total: f.total,
    callable: f.callable,
    queues: f.queues,
    acquiredThisMonth: f.acquiredThisMonth,
    bySource,
    presets: settings.policyPresets,
    ms: performance.now() - t0,
  };
}

/** The Compliance screen's queue counts, counts per reason and expiry calendar at `at`. */
export function complianceSummary(idx: GridIndex, at: number, horizonDays: number): ComplianceSummary & { ms: number } {
  const t0 = performance.now();
  const f = figuresAt(idx, at, horizonDays);
  measureSince('engine:compliance-summary', t0);
  return {
    at,
    total: f.total,
    callable: f.callable,
    queues: f.queues,
    byReason: f.byReason,
    calendar: f.calendar,
    horizonDays,
    ms: Math.round(performance.now() - t0),
  };
}

/** The retention dry run at `at`, every lead whose cached judgement does not reach `at` judged by key, however many. */
export async function retentionPlan(db: LeadsDb, idx: GridIndex, at: number, mode: PurgeMode): Promise<PurgePlan> {
  const rows = liveRows(idx.cols);
  const bits = (await reasonBitsJudged(db, idx, rows, at, Infinity))!;
  return retentionPlanFromColumns(idx.cols, rows, bits, idx.orgTimeZone, at, mode);
}
