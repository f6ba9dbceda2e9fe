/**
 * A Chromium performance trace around one timed action, asked for with `BENCH_TRACE=<dir>`: the
 * trace is written there (open it in DevTools' Performance panel) and summed up on the console,
 * per thread, as the busy time of the events that hold it (script, style, layout, paint, GC), so
 * the time between input and paint can be told apart from the time the worker took. Not part of
 * a figure: tracing slows what it watches.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  'v8',
].join(',');

/** Events that are the work itself (their own time, not their children's). */
const WORK = new Set([
  'FunctionCall',
  'EvaluateScript',
  'V8.GC_SCAVENGER',
  'MajorGC',
  'MinorGC',
  'V8.GCFinalizeMC',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'ParseHTML',
  'RunMicrotasks',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'HitTest',
  'v8.run',
]);

/** Start a trace of `page` (and its workers); the returned function stops it, writes it as `name` and prints its sum. */
export async function startTrace(context: BrowserContext, page: Page, dir: string, name: string) {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // BENCH_TRACE_WORKERS=1: every thread's sampled profile too (workers' included), as ProfileChunk events in the trace.
  const categories = process.env.BENCH_TRACE_WORKERS ? `${CATEGORIES},disabled-by-default-v8.cpu_profiler` : CATEGORIES;
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async (): Promise<void> => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
    await writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.error(`      trace ${name}: ${summary(events)}`);
    console.error(`      page's script by own time: ${ownTime(profile)}`);
  };
}

/** Per busy thread, its longest task and the events that took its time (ms, their durations summed by name). */
function summary(events: readonly TraceEvent[]): string {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map<string, { tasks: number[]; work: Map<string, number> }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const name = threads.get(key) ?? key;
    if (!/CrRendererMain|DedicatedWorker/.test(name)) continue;
    const t = byThread.get(key) ?? { tasks: [] as number[], work: new Map<string, number>() };
    byThread.set(key, t);
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') t.tasks.push(e.dur / 1000);
    if (WORK.has(e.name)) t.work.set(e.name, (t.work.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...byThread]
    .map(([key, t]) => {
      const busy = t.tasks.reduce((a, b) => a + b, 0);
      const top = [...t.work]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
        .join(', ');
      return `${threads.get(key)} busy ${busy.toFixed(1)} ms (longest ${Math.max(0, ...t.tasks).toFixed(1)}): ${top}`;
    })
    .join(' | ');
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The page's functions that took the most of its own sampled time (ms), idle and the program left out. */
function ownTime(profile: CpuProfile): string {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const own = new Map<string, number>();
  (profile.samples ?? []).forEach((id, k) => {
    const f = frames.get(id)!;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    own.set(key, (own.get(key) ?? 0) + (profile.timeDeltas?.[k] ?? 0) / 1000);
  });
  return [...own]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
    .join('; ');
}
