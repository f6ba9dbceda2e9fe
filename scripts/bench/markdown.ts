/**
 * The report as the Markdown table of the README's "Performance" section: one line per scenario,
 * one column per size (median, and the figure that matters for it), the goal beside it.
 */
import type { BenchReport, ScenarioResult } from './report';

const fmtSize = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
const ms = (v: number) =>
  v >= 1000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;

/** One cell: the median (or heap per lead), then what qualifies it. */
export function cell(r: ScenarioResult | undefined): string {
  if (!r) return '—';
  if (r.status !== 'ok') return r.status;
  if (r.heap_bytes_per_lead !== undefined && r.median_ms === null) return `${Math.round(r.heap_bytes_per_lead)} B/lead`;
  const parts = [r.median_ms === null ? '' : ms(r.median_ms)];
  if (r.rows_per_s) parts.push(`${r.rows_per_s.toLocaleString('en-US')} rows/s`);
  if (r.ratio_to_raw) parts.push(`${r.ratio_to_raw}× raw`);
  if (r.worker_ms !== undefined) parts.push(`worker ${ms(r.worker_ms)}`);
  if (r.p95_frame_ms !== undefined) parts.push(`p95 frame ${r.p95_frame_ms} ms`);
  if (r.peak_heap_mb !== undefined)
    parts.push(`peak heap ${r.peak_heap_mb} MB (export worker ${r.peak_worker_heap_mb ?? '—'} MB)`);
  if (r.last_row_reachable !== undefined)
    parts.push(r.last_row_reachable ? 'last row reached' : 'last row NOT reached');
  if (r.longest_task_ms !== undefined && r.longest_task_ms !== null)
    parts.push(`longest task ${Math.round(r.longest_task_ms)} ms`);
  if (r.inp_ms !== undefined && r.inp_ms !== null) parts.push(`INP-style ${Math.round(r.inp_ms)} ms`);
  if (r.runs > 1 && r.max_ms !== null) parts.push(`max ${ms(r.max_ms)}`);
  return parts.filter(Boolean).join(', ');
}

export function formatMarkdown(report: BenchReport): string {
  const sizes = [...new Set(report.results.map((r) => r.size))].sort((a, b) => a - b).filter((s) => s > 1);
  const names = [...new Set(report.results.filter((r) => r.size > 1).map((r) => r.scenario))];
  const find = (name: string, size: number) => report.results.find((r) => r.scenario === name && r.size === size);
  const goalOf = (name: string) => report.results.find((r) => r.scenario === name && r.goal)?.goal ?? '';
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `| scenario | ${sizes.map(fmtSize).join(' | ')} | goal (DESIGN §6) |`,
    `|---|${sizes.map(() => '---').join('|')}|---|`,
    ...names.map((n) => `| ${n} | ${sizes.map((s) => esc(cell(find(n, s)))).join(' | ')} | ${esc(goalOf(n))} |`),
  ];
  const setup = report.results.filter((r) => r.size === 1 || r.scenario === 'raw-put-dnc-numbers');
  const head = `Measured ${report.generatedAt.slice(0, 10)} with ${report.chromium}, ${report.cores} cores (${report.cpu}), Node ${report.node}, seed ${report.seed}; the whole run took ${Math.round(report.durationS / 60)} min.`;
  return [
    head,
    '',
    ...lines,
    ...(setup.length
      ? ['', ...setup.map((r) => `Setup: ${r.scenario} ${cell(r)}${r.note ? ` (${r.note})` : ''}.`)]
      : []),
  ].join('\n');
}
