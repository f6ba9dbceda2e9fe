/**
 * The benchmark's results: one row per scenario and dataset size, summarised from the samples
 * of the measured runs (median and max), written as `bench-results.json` and printed as a table.
 * A scenario whose feature is not built yet is a row with `status: "not-built"` and no figures:
 * never a guess.
 */
import { z } from 'zod';

const ms = z.number().finite().nonnegative();

export const scenarioResultSchema = z.object({
  scenario: z.string().min(1),
  size: z.number().int().positive(),
  median_ms: ms.nullable(),
  max_ms: ms.nullable(),
  /** Measured runs behind median and max (a warm-up run comes first and is not counted). */
  runs: z.number().int().nonnegative(),
  rows_per_s: z.number().positive().optional(),
  ratio_to_raw: z.number().positive().optional(),
  /** The worker's own time for the same operation (median), where the app reports it. */
  worker_ms: ms.optional(),
  longest_task_ms: ms.nullable().optional(),
  inp_ms: ms.nullable().optional(),
  heap_bytes_per_lead: z.number().nonnegative().optional(),
  heap_bytes: z.number().int().nonnegative().optional(),
  p95_frame_ms: ms.optional(),
  /** The peak used JS heap (page and every worker; and the worker doing the work) while it ran, in MB (the highest of the runs). */
  peak_heap_mb: z.number().nonnegative().optional(),
  peak_worker_heap_mb: z.number().nonnegative().optional(),
  last_row_reachable: z.boolean().optional(),
  /** Per measured run, what the grid engine did (its counters, its worker-side step timings): see engine-report.ts. */
  detail: z.array(z.record(z.string(), z.unknown())).optional(),
  goal: z.string().optional(),
  status: z.enum(['ok', 'not-built', 'failed']),
  note: z.string().optional(),
});
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;

export const benchReportSchema = z.object({
  generatedAt: z.string(),
  chromium: z.string(),
  cores: z.number().int().positive(),
  cpu: z.string(),
  node: z.string(),
  seed: z.number().int(),
  sizes: z.array(z.number().int().positive()),
  durationS: z.number().nonnegative(),
  results: z.array(scenarioResultSchema),
});
export type BenchReport = z.infer<typeof benchReportSchema>;

/** Middle value (mean of the two middle ones for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile `p` (0–100); null when empty. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One measured run of one scenario. */
export interface Sample {
  /** Null for scenarios that measure something other than time (the heap). */
  ms: number | null;
  workerMs?: number;
  longestTaskMs?: number | null;
  /** The longest input-to-paint of the scenario's interaction (Event Timing; INP-style). */
  inpMs?: number | null;
  heapBytes?: number;
  /** The peak used heap of the page and every worker while the scenario ran, and of the worker doing the work. */
  peakHeapBytes?: number;
  peakWorkerHeapBytes?: number;
  p95FrameMs?: number;
  lastRowReachable?: boolean;
  /** What the engine did meanwhile (counters, worker step timings), kept per run in the JSON. */
  detail?: Record<string, unknown>;
}

/** Summarise the measured samples of a scenario into its row (rates per lead of `size`). */
export function summarise(
  scenario: string,
  size: number,
  samples: readonly Sample[],
  opts: { goal?: string; rows?: number; raw?: number | null; note?: string } = {},
): ScenarioResult {
  const times = samples.map((s) => s.ms).filter((t): t is number => t !== null);
  const med = median(times);
  const pick = <K extends keyof Sample>(k: K) =>
    samples.map((s) => s[k]).filter((v): v is NonNullable<Sample[K]> => v !== undefined && v !== null);
  const row: ScenarioResult = {
    scenario,
    size,
    median_ms: med === null ? null : round(med),
    max_ms: times.length ? round(Math.max(...times)) : null,
    runs: samples.length,
    status: 'ok',
  };
  if (opts.rows && med) row.rows_per_s = Math.round(opts.rows / (med / 1000));
  if (opts.raw && med) row.ratio_to_raw = round(med / opts.raw, 2);
  const worker = median(pick('workerMs') as number[]);
  if (worker !== null) row.worker_ms = round(worker);
  if (samples.some((s) => s.longestTaskMs !== undefined)) {
    const tasks = pick('longestTaskMs') as number[];
    row.longest_task_ms = tasks.length ? round(Math.max(...tasks)) : null;
  }
  if (samples.some((s) => s.inpMs !== undefined)) {
    const inp = pick('inpMs') as number[];
    row.inp_ms = inp.length ? round(Math.max(...inp)) : null;
  }
  const heap = median(pick('heapBytes') as number[]);
  if (heap !== null) {
    row.heap_bytes = Math.round(heap);
    row.heap_bytes_per_lead = round(heap / size);
  }
  const peak = pick('peakHeapBytes') as number[];
  if (peak.length) row.peak_heap_mb = round(Math.max(...peak) / 1e6);
  const peakWorker = pick('peakWorkerHeapBytes') as number[];
  if (peakWorker.length) row.peak_worker_heap_mb = round(Math.max(...peakWorker) / 1e6);
  const p95 = median(pick('p95FrameMs') as number[]);
  if (p95 !== null) row.p95_frame_ms = round(p95);
  const reached = pick('lastRowReachable') as boolean[];
  if (reached.length) row.last_row_reachable = reached.every(Boolean);
  const detail = samples.flatMap((s) => (s.detail ? [s.detail] : []));
  if (detail.length) row.detail = detail;
  if (opts.goal) row.goal = opts.goal;
  if (opts.note) row.note = opts.note;
  return row;
}

/** The row of a scenario whose feature is not in the app yet. */
export function notBuilt(scenario: string, size: number, goal: string | undefined, note: string): ScenarioResult {
  return {
    scenario,
    size,
    median_ms: null,
    max_ms: null,
    runs: 0,
    status: 'not-built',
    ...(goal ? { goal } : {}),
    note,
  };
}

/** The row of a scenario that broke (the run goes on; the message says what happened). */
export function failed(scenario: string, size: number, goal: string | undefined, error: unknown): ScenarioResult {
  return {
    scenario,
    size,
    median_ms: null,
    max_ms: null,
    runs: 0,
    status: 'failed',
    ...(goal ? { goal } : {}),
    note: error instanceof Error ? error.message.split('\n')[0]! : String(error),
  };
}

const fmtMs = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const fmtSize = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/** The human table (one line per row), for stdout. */
export function formatTable(report: BenchReport): string {
  const head = [
    'scenario',
    'size',
    'median',
    'max',
    'rows/s',
    '×raw',
    'worker',
    'long task',
    'heap B/lead',
    'other',
    'goal (DESIGN §6)',
  ];
  const lines = report.results.map((r) => [
    r.scenario,
    fmtSize(r.size),
    r.status === 'ok' ? fmtMs(r.median_ms) : r.status,
    fmtMs(r.max_ms),
    r.rows_per_s ? r.rows_per_s.toLocaleString('en-US') : '',
    r.ratio_to_raw ? `${r.ratio_to_raw}×` : '',
    r.worker_ms !== undefined ? fmtMs(r.worker_ms) : '',
    r.longest_task_ms !== undefined ? fmtMs(r.longest_task_ms) : '',
    r.heap_bytes_per_lead !== undefined ? String(Math.round(r.heap_bytes_per_lead)) : '',
    [
      r.p95_frame_ms !== undefined ? `p95 frame ${r.p95_frame_ms} ms` : '',
      r.peak_heap_mb !== undefined ? `peak heap ${r.peak_heap_mb} MB (worker ${r.peak_worker_heap_mb ?? '—'} MB)` : '',
      r.last_row_reachable !== undefined ? `last row ${r.last_row_reachable ? 'reached' : 'NOT reached'}` : '',
      r.status === 'ok' ? '' : (r.note ?? ''),
    ]
      .filter(Boolean)
      .join(', '),
    r.goal ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 8 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `LeadLedger benchmark — ${report.chromium}, ${report.cores} cores (${report.cpu}), Node ${report.node}, seed ${report.seed}, ${Math.round(report.durationS)} s`,
    fmt(head),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...lines.map(fmt),
  ].join('\n');
}
