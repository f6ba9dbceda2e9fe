import { describe, expect, it } from 'vitest';
import { heavyRuns, parseArgs, parseSize, todayUtc } from './cli';
import { routeStates } from './routes';
import {
  benchReportSchema,
  failed,
  formatTable,
  median,
  notBuilt,
  percentile,
  summarise,
  type BenchReport,
} from './report';

describe('bench statistics', () => {
  it('takes the median and the nearest-rank percentile', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(
      percentile(
        [...Array(100).keys()].map((i) => i + 1),
        95,
      ),
    ).toBe(95);
    expect(percentile([16.6, 16.7, 50], 95)).toBe(50);
  });
});

describe('bench report rows', () => {
  it('summarises measured runs: median, max, rate, ratio to the raw floor, worst long task', () => {
    const row = summarise(
      'csv-import',
      100_000,
      [
        { ms: 8000, longestTaskMs: 30 },
        { ms: 10_000, longestTaskMs: 45 },
        { ms: 9000, longestTaskMs: 20 },
      ],
      { rows: 100_000, raw: 7500, goal: 'P1' },
    );
    expect(row).toEqual({
      scenario: 'csv-import',
      size: 100_000,
      median_ms: 9000,
      max_ms: 10_000,
      runs: 3,
      rows_per_s: 11_111,
      ratio_to_raw: 1.2,
      longest_task_ms: 45,
      goal: 'P1',
      status: 'ok',
    });
  });

  it('reports heap per lead, frame p95 and reachability when measured', () => {
    const row = summarise('scroll', 1_000_000, [
      { ms: 5000, p95FrameMs: 17, lastRowReachable: true, heapBytes: 100_000_000 },
      { ms: 5200, p95FrameMs: 19, lastRowReachable: false, heapBytes: 120_000_000 },
    ]);
    expect(row).toMatchObject({
      p95_frame_ms: 18,
      last_row_reachable: false,
      heap_bytes: 110_000_000,
      heap_bytes_per_lead: 110,
    });
  });

  it('says "not-built" or "failed" with no figures, never a guess', () => {
    expect(notBuilt('dnc-scrub', 100_000, 'goal', '/compliance is a placeholder')).toMatchObject({
      status: 'not-built',
      median_ms: null,
      max_ms: null,
      runs: 0,
    });
    expect(failed('scroll', 1000, undefined, new Error('timed out\nstack'))).toMatchObject({
      status: 'failed',
      note: 'timed out',
    });
  });

  it('validates the JSON shape and prints one table line per row', () => {
    const report: BenchReport = {
      generatedAt: '2026-11-29T15:00:00.000Z',
      chromium: 'Chromium 156',
      cores: 2,
      cpu: 'test',
      node: 'v20',
      seed: 1,
      sizes: [100_000],
      durationS: 60,
      results: [
        summarise('raw-put', 100_000, [{ ms: 7000 }, { ms: 7100 }, { ms: 6900 }], { rows: 100_000 }),
        notBuilt('csv-import', 100_000, 'P1', 'no /import screen'),
      ],
    };
    expect(benchReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(() => benchReportSchema.parse({ ...report, results: [{ scenario: 'x' }] })).toThrow();
    const table = formatTable(report).split('\n');
    expect(table).toHaveLength(5);
    expect(table[3]).toMatch(/^raw-put\s+100k\s+7\.00 s/);
    expect(table[4]).toContain('not-built');
  });
});

describe('bench command line', () => {
  it('reads sizes, the JSON path and runs, with defaults for both sizes', () => {
    expect(parseSize('100k')).toBe(100_000);
    expect(parseSize('1M')).toBe(1_000_000);
    expect(() => parseSize('lots')).toThrow();
    expect(parseArgs([])).toMatchObject({ sizes: [100_000, 1_000_000], json: 'bench-results.json', runs: 3 });
    expect(parseArgs(['--size', '100k', '--json=out/b.json', '--runs', '5'])).toMatchObject({
      sizes: [100_000],
      json: 'out/b.json',
      runs: 5,
    });
    expect(parseArgs(['--only', 'export, dnc-scrub'])).toMatchObject({ only: ['export', 'dnc-scrub'] });
    expect(parseArgs([])).toMatchObject({ only: [] });
    expect(() => parseArgs(['--runs', '2'])).toThrow();
    expect(() => parseArgs(['--bogus'])).toThrow();
    expect(parseArgs(['--dnc-numbers', '50k'])).toMatchObject({ dncNumbers: 50_000, full: false });
  });

  it('takes the dataset day from --day (an earlier day reuses its cached profile), today by default', () => {
    expect(parseArgs([]).day).toBe(todayUtc());
    expect(parseArgs(['--day', '2026-12-04']).day).toBe(Date.UTC(2026, 11, 4));
    expect(() => parseArgs(['--day', '2026-02-30'])).toThrow(/not a day/);
    expect(() => parseArgs(['--day', '04/12/2026'])).toThrow(/not a day/);
    expect(() => parseArgs(['--day', '2999-01-01'])).toThrow(/future/);
  });

  it('measures heavy scenarios once at a million leads unless --full', () => {
    expect(heavyRuns(parseArgs([]), 100_000)).toBe(3);
    expect(heavyRuns(parseArgs([]), 1_000_000)).toBe(1);
    expect(heavyRuns(parseArgs(['--full']), 1_000_000)).toBe(3);
  });
});

describe('bench: which screens exist', () => {
  it('tells built routes from placeholders and missing ones', () => {
    const src = "const a = createRoute({ path: '/import', component }); placeholder('/cohorts', 'cohorts');";
    expect(routeStates(src, ['/import', '/cohorts', '/export'])).toEqual({
      '/import': 'built',
      '/cohorts': 'placeholder',
      '/export': 'missing',
    });
  });
});

describe('bench Markdown table', async () => {
  const { cell, formatMarkdown } = await import('./markdown');
  const report: BenchReport = {
    generatedAt: '2026-11-29T19:00:00.000Z',
    chromium: 'Chromium 142',
    cores: 2,
    cpu: 'Test CPU',
    node: 'v20',
    seed: 1,
    sizes: [100_000, 1_000_000],
    durationS: 600,
    results: [
      summarise('raw-put-dnc-numbers', 1, [{ ms: 90_000 }], { rows: 2_000_000, note: 'setup, once' }),
      summarise('csv-import', 100_000, [{ ms: 8000, longestTaskMs: 30 }], {
        rows: 100_000,
        raw: 6400,
        goal: 'P1 | import',
      }),
      summarise('csv-import', 1_000_000, [{ ms: 80_000, longestTaskMs: 45 }], {
        rows: 1_000_000,
        raw: 64_000,
        goal: 'P1 | import',
      }),
      { ...summarise('heap-total', 100_000, [{ ms: null, heapBytes: 12_800_000 }]), median_ms: null, max_ms: null },
      notBuilt('cohort-aggregate', 1_000_000, 'P3', 'not wired'),
    ],
  };

  it('puts each scenario on one line with one column per size and the goal, escaping pipes', () => {
    const md = formatMarkdown(report);
    expect(md).toContain('| scenario | 100k | 1M | goal (DESIGN §6) |');
    expect(md).toContain(
      '| csv-import | 8.0 s, 12,500 rows/s, 1.25× raw, longest task 30 ms | 80.0 s, 12,500 rows/s, 1.25× raw, longest task 45 ms | P1 \\| import |',
    );
    expect(md).toContain('| cohort-aggregate | — | not-built | P3 |');
    expect(md).toContain('the whole run took 10 min');
    expect(md).toContain('Setup: raw-put-dnc-numbers 90.0 s');
  });

  it('shows heap per lead where no time was measured', () => {
    expect(cell(report.results[3])).toBe('128 B/lead');
    expect(cell(undefined)).toBe('—');
  });
});
