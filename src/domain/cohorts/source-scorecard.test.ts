import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../time/calendar';
import { aggregateCohorts } from './cohort-aggregate';
import { buildSnapshot, type SnapshotLead } from './snapshot-from-leads.test-helpers';
import { sourceScorecard } from './source-scorecard';

/** `n` contacted leads of a source in month `m` of 2025, `connected` of them reached and `converted` converted on day 1. */
function month(sourceId: string, m: number, n: number, connected: number, converted = 0): SnapshotLead[] {
  return Array.from({ length: n }, (_, i) => {
    const acquiredAt = Date.UTC(2025, m, 10) + i * 60_000;
    const reached = i < connected;
    return {
      id: 0,
      sourceId,
      region: 'US',
      entryMethod: 'api',
      acquiredAt,
      createdAt: acquiredAt,
      attempts: 1,
      firstContactAt: acquiredAt + MS_PER_DAY,
      dncStatus: 'clear',
      ...(reached ? { firstConnectedAt: acquiredAt + MS_PER_DAY } : {}),
      ...(i < converted ? { convertedAt: acquiredAt + MS_PER_DAY } : {}),
    };
  });
}

const build = (leads: SnapshotLead[]) =>
  buildSnapshot(
    leads.map((l, i) => ({ ...l, id: i + 1 })),
    [],
    { timeZone: 'UTC', campaigns: [], sources: [] },
  );
const NOW = Date.UTC(2026, 0, 15);

describe('sourceScorecard', () => {
  it('flags a source whose last three cohorts’ interval lies wholly below its history', () => {
    // "fading": 40 % connect for nine months, then 10 %. "steady": 40 % throughout.
    const leads = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].flatMap((m) => month('fading', m, 100, 40, 20)),
      ...[9, 10, 11].flatMap((m) => month('fading', m, 100, 10, 20)),
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((m) => month('steady', m, 100, 40, 20)),
    ];
    // On 15 February every month of 2025 has had its 30 days.
    const agg = aggregateCohorts(
      build(leads),
      { grain: 'month', split: 'source', windowDays: 30 },
      Date.UTC(2026, 1, 15),
    );
    const rows = sourceScorecard(agg);
    const fading = rows.find((r) => r.sourceId === 'fading')!;
    const steady = rows.find((r) => r.sourceId === 'steady')!;
    expect(fading.flags.map((f) => f.metric)).toEqual(['connectRate']);
    expect(fading.flags[0]!.recentCohorts).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(fading.flags[0]!.recent).toMatchObject({ numerator: 30, denominator: 300 });
    expect(fading.flags[0]!.history).toMatchObject({ numerator: 360, denominator: 900 });
    expect(steady.flags).toEqual([]);
    expect(fading.connect).toMatchObject({ numerator: 390, denominator: 1200 });
    expect(fading.sparkConnect).toHaveLength(12);
    expect(fading.sparkConnect[0]).toBeCloseTo(0.4);
    expect(fading.sparkConnect[11]).toBeCloseTo(0.1);
  });

  it('does not judge cohorts whose conversion window is still open', () => {
    // The last three months convert nothing yet, but with N = 90 days their windows are not complete.
    const leads = [
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].flatMap((m) => month('young', m, 100, 40, 30)),
      ...[9, 10, 11].flatMap((m) => month('young', m, 100, 40, 0)),
    ];
    const agg = aggregateCohorts(build(leads), { grain: 'month', split: 'source', windowDays: 90 }, NOW);
    expect(sourceScorecard(agg)[0]!.flags).toEqual([]);
    const agg30 = aggregateCohorts(build(leads), { grain: 'month', split: 'source', windowDays: 10 }, NOW);
    expect(sourceScorecard(agg30)[0]!.flags.map((f) => f.metric)).toEqual(['conversionWithinRate']);
  });

  it('needs more cohorts than the recent ones to compare with', () => {
    const agg = aggregateCohorts(
      build([0, 1, 2].flatMap((m) => month('new', m, 100, 40))),
      { grain: 'month', split: 'source', windowDays: 30 },
      NOW,
    );
    expect(sourceScorecard(agg)[0]!.flags).toEqual([]);
  });
});
