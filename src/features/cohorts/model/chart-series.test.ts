import { describe, expect, it } from 'vitest';
import { aggregateCohorts } from '../../../domain/cohorts/cohort-aggregate';
import { buildSnapshot, type SnapshotLead } from '../../../domain/cohorts/snapshot-from-leads.test-helpers';
import { OTHER_COLOR, seriesColor } from '../../../domain/cohorts/chart-palette';
import { OTHER_SERIES } from '../../../domain/cohorts/top-series';
import { buildChartSeries, MIN_COHORT_SIZE } from './chart-series';
import { chartTable } from './display-table';
import { toCsv } from './csv';
import { sortRows } from './sort-rows';
import { makeFormatters } from './format';

const DAY = 86_400_000;
/** `n` leads in month `m` of 2026 from `source`, half contacted and a quarter of those connected. */
const month = (m: number, n: number, source: string): SnapshotLead[] =>
  Array.from({ length: n }, (_, i) => {
    const acquiredAt = Date.UTC(2026, m, 5) + i * 60_000;
    const contacted = i % 2 === 0;
    return {
      id: 0,
      sourceId: source,
      region: 'US',
      entryMethod: 'api',
      acquiredAt,
      createdAt: acquiredAt,
      attempts: contacted ? 1 : 0,
      dncStatus: 'clear',
      ...(contacted ? { firstContactAt: acquiredAt + DAY } : {}),
      ...(contacted && i % 8 === 0 ? { firstConnectedAt: acquiredAt + DAY, convertedAt: acquiredAt + 2 * DAY } : {}),
    };
  });
const leads = [...month(0, 100, 'web'), ...month(1, 100, 'web'), ...month(2, 100, 'web'), ...month(2, 10, 'expo')].map(
  (l, i) => ({ ...l, id: i + 1 }),
);
const agg = aggregateCohorts(
  buildSnapshot(leads, [], { timeZone: 'UTC', campaigns: [], sources: [] }),
  { grain: 'month', split: 'source', windowDays: 30 },
  Date.UTC(2026, 3, 15),
);
const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}${JSON.stringify(o)}` : key);

describe('buildChartSeries: the typed series the chart draws', () => {
  it('gives each rate its numerator, denominator, interval, marks and drill-down', () => {
    const cs = buildChartSeries(agg, 'connectRate');
    expect(cs.series.map((s) => [s.key, s.id])).toEqual([
      ['s0', 'web'],
      ['s1', 'expo'],
    ]);
    expect(cs.rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    const web = cs.rows[0]!.points.s0!;
    expect(web).toMatchObject({
      numerator: 13,
      denominator: 50,
      small: false,
      young: false,
      drill: { cohort: '2026-01', source: ['web'], contacted: 'yes' },
      drillNumerator: { cohort: '2026-01', source: ['web'], connected: 'yes' },
    });
    expect(web.value).toBeCloseTo(13 / 50);
    expect(cs.rows[2]!.points.s1).toMatchObject({ denominator: 5, small: true });
    expect(5).toBeLessThan(MIN_COHORT_SIZE);
  });

  it('marks cohorts whose N-day window is still open on conversion metrics only', () => {
    // 15 April: March ended 1 April, + 30 days = 1 May: March is young.
    expect(buildChartSeries(agg, 'conversionWithinRate').rows.map((r) => r.points.s0!.young)).toEqual([
      false,
      false,
      true,
    ]);
    expect(buildChartSeries(agg, 'connectRate').rows.map((r) => r.points.s0!.young)).toEqual([false, false, false]);
  });

  it('pages the periods from the newest end, and says which it shows', () => {
    expect(buildChartSeries(agg, 'leads', { pageSize: 2 })).toMatchObject({
      periods: 3,
      page: { first: 1, end: 3, page: 0, pages: 2 },
      rows: [{ key: '2026-02' }, { key: '2026-03' }],
    });
    expect(buildChartSeries(agg, 'leads', { pageSize: 2, page: 1 }).rows.map((r) => r.key)).toEqual(['2026-01']);
  });

  it('puts periods without leads on the axis as gaps with no value (a break, not 0)', () => {
    const sparse = [...month(0, 40, 'web'), ...month(3, 40, 'web')].map((l, i) => ({ ...l, id: i + 1 }));
    const a = aggregateCohorts(
      buildSnapshot(sparse, [], { timeZone: 'UTC', campaigns: [], sources: [] }),
      { grain: 'month', split: 'none', windowDays: 30 },
      Date.UTC(2026, 5, 1),
    );
    const cs = buildChartSeries(a, 'connectRate', { gaps: true });
    expect(cs.rows.map((r) => [r.key, r.gap])).toEqual([
      ['2026-01', false],
      ['2026-02', true],
      ['2026-03', true],
      ['2026-04', false],
    ]);
    expect(cs.rows[1]!.points).toEqual({});
    expect(buildChartSeries(a, 'connectRate').rows.map((r) => r.key)).toEqual(['2026-01', '2026-04']);
  });

  it('names the top series in palette colours and drills "other" into all of its split values', () => {
    const many = ['a', 'b', 'c', 'd']
      .flatMap((src, i) => month(0, 40 - 5 * i, src))
      .map((l, i) => ({ ...l, id: i + 1 }));
    const a = aggregateCohorts(
      buildSnapshot(many, [], { timeZone: 'UTC', campaigns: [], sources: [] }),
      { grain: 'month', split: 'source', windowDays: 30 },
      Date.UTC(2026, 5, 1),
    );
    const cs = buildChartSeries(a, 'leads', { top: 2 });
    expect(cs.series.map((s) => [s.id, s.color])).toEqual([
      ['a', seriesColor(0)],
      ['b', seriesColor(1)],
      [OTHER_SERIES, OTHER_COLOR],
    ]);
    expect(cs).toMatchObject({ other: ['c', 'd'], otherLeads: 30 + 25 });
    expect(cs.rows[0]!.points.s2).toMatchObject({ value: 55, drill: { cohort: '2026-01', source: ['c', 'd'] } });
    // The colours of the named series do not depend on how many are named.
    expect(
      buildChartSeries(a, 'leads')
        .series.slice(0, 2)
        .map((s) => s.color),
    ).toEqual([seriesColor(0), seriesColor(1)]);
  });
});

describe('chartTable and its CSV: the same strings', () => {
  it('writes every shown cell, and the CSV carries them unchanged', () => {
    const f = makeFormatters('en', 'UTC', t);
    const cs = buildChartSeries(agg, 'connectRate');
    const table = chartTable(cs, 'month', f, t, (id) => id.toUpperCase(), true);
    // The rate's parts say what they count: connected of contacted.
    expect(table.header).toEqual([
      'cohorts.col.cohort',
      'cohorts.col.series',
      'cohorts.col.leads',
      'cohorts.count.connected{"n":30}',
      'cohorts.count.contacted{"n":30}',
      'cohorts.metric.connectRate',
      'cohorts.col.interval',
      'cohorts.col.notes',
    ]);
    expect(table.rows[0]!.cells).toEqual(['Jan 2026', 'WEB', '100', '13', '50', '26.0%', '15.9% – 39.6%', '']);
    expect(table.rows[table.rows.length - 1]!.cells.slice(0, 2)).toEqual(['Mar 2026', 'EXPO']);
    expect(table.rows[table.rows.length - 1]!.cells[7]).toBe('cohorts.note.small');
    const csv = toCsv(
      table.header,
      table.rows.map((r) => r.cells),
    ).split('\r\n');
    expect(csv[1]).toBe('Jan 2026,WEB,100,13,50,26.0%,15.9% – 39.6%,');
  });

  it('does not repeat a denominator that is the cohort’s leads', () => {
    const f = makeFormatters('en', 'UTC', t);
    const table = chartTable(buildChartSeries(agg, 'conversionWithinRate'), 'month', f, t, (id) => id, true);
    expect(table.columns).toEqual(['cohort', 'series', 'leads', 'numerator', 'value', 'interval', 'notes']);
    expect(table.header[3]).toBe('cohorts.count.convertedWithin{"n":30}');
  });

  it('holds every cohort, and sorts by the raw figure of any column', () => {
    const f = makeFormatters('en', 'UTC', t);
    const table = chartTable(buildChartSeries(agg, 'connectRate'), 'month', f, t, (id) => id, true);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Mar 2026']);
    const byLeads = sortRows(table.rows, table.columns.indexOf('leads'), 'asc');
    expect(byLeads.map((r) => r.id)).toEqual(['2026-03|expo', '2026-01|web', '2026-02|web', '2026-03|web']);
    const byCohort = sortRows(table.rows, 0, 'desc');
    expect(byCohort.map((r) => r.id)).toEqual(['2026-03|web', '2026-03|expo', '2026-02|web', '2026-01|web']);
  });

  it('formats cohort labels and numbers in Chinese', () => {
    const zh = makeFormatters('zh-CN', 'UTC', (k, o) =>
      k === 'cohorts.weekLabel'
        ? `${o!.year}年第${o!.week}周`
        : k === 'cohorts.quarterLabel'
          ? `${o!.year}年第${o!.quarter}季度`
          : k,
    );
    expect(zh.cohort('2026-03', Date.UTC(2026, 2, 1), 'month')).toBe('2026年3月');
    expect(zh.cohort('2026-W11', Date.UTC(2026, 2, 9), 'week')).toBe('2026年第11周');
    expect(zh.cohort('2026-Q1', Date.UTC(2026, 0, 1), 'quarter')).toBe('2026年第1季度');
    expect(zh.cohort('2026-03-14', Date.UTC(2026, 2, 14), 'day')).toBe('2026年3月14日');
  });
});
