import { describe, expect, it } from 'vitest';
import { aggregateCohorts } from '../../../domain/cohorts/cohort-aggregate';
import { buildSnapshot, type SnapshotLead } from '../../../domain/cohorts/columnar-snapshot';
import { buildChartSeries, MIN_COHORT_SIZE } from './chart-series';
import { chartTable } from './display-table';
import { toCsv } from './csv';
import { makeFormatters } from './format';

const DAY = 86_400_000;
/** `n` leads in month `m` of 2026 from `source`, half contacted and a quarter of those connected. */
const month = (m: number, n: number, source: string): SnapshotLead[] =>
  Array.from({ length: n }, (_, i) => {
    const acquiredAt = Date.UTC(2026, m, 5) + i * 60_000;
    const contacted = i % 2 === 0;
    return { id: 0, sourceId: source, region: 'US', entryMethod: 'api', acquiredAt, createdAt: acquiredAt, attempts: contacted ? 1 : 0, dncStatus: 'clear', ...(contacted ? { firstContactAt: acquiredAt + DAY } : {}), ...(contacted && i % 8 === 0 ? { firstConnectedAt: acquiredAt + DAY, convertedAt: acquiredAt + 2 * DAY } : {}) };
  });
const leads = [...month(0, 100, 'web'), ...month(1, 100, 'web'), ...month(2, 100, 'web'), ...month(2, 10, 'expo')].map((l, i) => ({ ...l, id: i + 1 }));
const agg = aggregateCohorts(buildSnapshot(leads, [], { timeZone: 'UTC', campaigns: [], sources: [] }), { grain: 'month', split: 'source', windowDays: 30 }, Date.UTC(2026, 3, 15));
const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}${JSON.stringify(o)}` : key);

describe('buildChartSeries: the typed series the chart draws', () => {
  it('gives each rate its numerator, denominator, interval, marks and drill-down', () => {
    const cs = buildChartSeries(agg, 'connectRate');
    expect(cs.series.map((s) => [s.key, s.id])).toEqual([['s0', 'web'], ['s1', 'expo']]);
    expect(cs.rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    const web = cs.rows[0]!.points.s0!;
    expect(web).toMatchObject({ numerator: 13, denominator: 50, small: false, young: false, drill: { cohort: '2026-01', source: ['web'], contacted: 'yes' }, drillNumerator: { cohort: '2026-01', source: ['web'], connected: 'yes' } });
    expect(web.value).toBeCloseTo(13 / 50);
    expect(cs.rows[2]!.points.s1).toMatchObject({ denominator: 5, small: true });
    expect(5).toBeLessThan(MIN_COHORT_SIZE);
  });

  it('marks cohorts whose N-day window is still open on conversion metrics only', () => {
    // 15 April: March ended 1 April, + 30 days = 1 May: March is young.
    expect(buildChartSeries(agg, 'conversionWithinRate').rows.map((r) => r.points.s0!.young)).toEqual([false, false, true]);
    expect(buildChartSeries(agg, 'connectRate').rows.map((r) => r.points.s0!.young)).toEqual([false, false, false]);
  });

  it('keeps the newest cohorts within the cohort cap and the point budget', () => {
    expect(buildChartSeries(agg, 'leads', 2)).toMatchObject({ omitted: 1, rows: [{ key: '2026-02' }, { key: '2026-03' }] });
    expect(buildChartSeries(agg, 'leads', Infinity, 2).rows.map((r) => r.key)).toEqual(['2026-03']);
  });
});

describe('chartTable and its CSV: the same strings', () => {
  it('writes every shown cell, and the CSV carries them unchanged', () => {
    const f = makeFormatters('en', 'UTC', t);
    const cs = buildChartSeries(agg, 'connectRate');
    const table = chartTable(cs, 'month', f, t, (id) => id.toUpperCase(), true);
    expect(table.header).toEqual(['cohorts.col.cohort', 'cohorts.col.series', 'cohorts.col.leads', 'cohorts.col.numerator', 'cohorts.col.denominator', 'cohorts.metric.connectRate', 'cohorts.col.interval', 'cohorts.col.notes']);
    expect(table.rows[0]!.cells).toEqual(['Jan 2026', 'WEB', '100', '13', '50', '26.0%', '15.9% – 39.6%', '']);
    expect(table.rows[table.rows.length - 1]!.cells.slice(0, 2)).toEqual(['Mar 2026', 'EXPO']);
    expect(table.rows[table.rows.length - 1]!.cells[7]).toBe('cohorts.note.small');
    const csv = toCsv(table.header, table.rows.map((r) => r.cells)).split('\r\n');
    expect(csv[1]).toBe('Jan 2026,WEB,100,13,50,26.0%,15.9% – 39.6%,');
  });

  it('formats cohort labels and numbers in Chinese', () => {
    const zh = makeFormatters('zh-CN', 'UTC', (k, o) => (k === 'cohorts.weekLabel' ? `${o!.year}年第${o!.week}周` : k === 'cohorts.quarterLabel' ? `${o!.year}年第${o!.quarter}季度` : k));
    expect(zh.cohort('2026-03', Date.UTC(2026, 2, 1), 'month')).toBe('2026年3月');
    expect(zh.cohort('2026-W11', Date.UTC(2026, 2, 9), 'week')).toBe('2026年第11周');
    expect(zh.cohort('2026-Q1', Date.UTC(2026, 0, 1), 'quarter')).toBe('2026年第1季度');
    expect(zh.cohort('2026-03-14', Date.UTC(2026, 2, 14), 'day')).toBe('2026年3月14日');
  });
});
