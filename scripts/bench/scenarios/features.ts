/**
 * Scenarios of the screens beside the grid: cohorts (P3), call-list and filtered export (P7)
 * and the DNC scrub against 2M listed numbers. Each drives its screen through the app's own
 * navigation (no reload) and times from the user's input to the painted result; where the
 * screen reports the worker's own time, that is read too.
 */
import { probe } from '../browser';
import { formatSteps, workerNow, workerSteps } from '../engine-report';
import { watchHeapPeak } from '../heap';
import { startTrace } from '../trace';
import type { Sample } from '../report';
import type { RunContext, Scenario } from './types';

/**
 * Click, then wait (from before the click) until `selector`'s text changes — or, with
 * `present`, until `selector` is there at all; time from the click to the painted frame.
 */
export async function clickUntil(
  ctx: RunContext,
  click: () => Promise<void>,
  selector: string,
  present = false,
): Promise<{ sample: Sample; text: string }> {
  const waiting = present
    ? probe(ctx.page, 'waitSelector', selector, true, ctx.timeoutMs)
    : probe(ctx.page, 'waitText', selector, await probe(ctx.page, 'textOf', selector), ctx.timeoutMs);
  waiting.catch(() => undefined);
  await click();
  const { paintedAt } = await waiting;
  const start = await probe(ctx.page, 'lastInput');
  return {
    sample: { ms: paintedAt - start, longestTaskMs: await probe(ctx.page, 'longestTask', start, paintedAt) },
    text: (await probe(ctx.page, 'textOf', selector)) ?? '',
  };
}

const msIn = (text: string, re: RegExp) => {
  const m = re.exec(text.replace(/,/g, ''));
  return m ? Number(m[1]) : undefined;
};

export const cohorts: Scenario = {
  id: 'cohorts',
  route: '/cohorts',
  heavy: true,
  rows: [
    {
      name: 'cohort-open',
      note: 'nav click to the first chart (includes the worker’s snapshot of every lead and call)',
    },
    {
      name: 'cohort-aggregate',
      goal: 'P3 (1M): ≤ 30 ms in the worker',
      note: 'the worker’s own time for one aggregate, as the screen reports it',
    },
    {
      name: 'cohort-control-to-chart',
      goal: 'P3 (1M): filter change to drawn chart ≤ 100 ms',
      note: '"Split by" changed (region, campaign, entry method), to the painted chart',
    },
  ],
  async measure(ctx) {
    const computed = '[data-testid="cohorts-computed"]';
    const sinceOpen = await workerNow(ctx.page);
    const traces = process.env.BENCH_TRACE;
    const stopTrace = traces
      ? await startTrace(ctx.context, ctx.page, traces, `cohort-open-${ctx.spec.size}-${ctx.run}`)
      : null;
    const open = await clickUntil(
      ctx,
      () => ctx.page.getByRole('navigation').getByRole('link', { name: 'Cohorts' }).click(),
      computed,
    );
    await stopTrace?.();
    console.error(`      cohorts open: worker: ${formatSteps(await workerSteps(ctx.page, sinceOpen))}`);
    // Each split is a new aggregate (the worker caches the snapshot, not the answers): three independent samples.
    const aggregate: Sample[] = [];
    const toChart: Sample[] = [];
    for (const split of ['region', 'campaign', 'entry']) {
      // The note names the split of the answer it shows once that answer is current: the same
      // figures as the previous answer (it happens: "computed in 1.4 ms" twice) are no new answer.
      const change = await clickUntil(
        ctx,
        () =>
          ctx.page
            .getByLabel('Split by')
            .selectOption(split)
            .then(() => undefined),
        `${computed}[data-split="${split}"]`,
        true,
      );
      const workerMs = msIn(change.text, /computed in ([\d.]+) ms/);
      if (workerMs !== undefined) aggregate.push({ ms: workerMs });
      toChart.push({ ...change.sample, ...(workerMs !== undefined ? { workerMs } : {}) });
    }
    return { 'cohort-open': open.sample, 'cohort-aggregate': aggregate, 'cohort-control-to-chart': toChart };
  },
};

/**
 * Export from /export with `search` as `format`, overriding a stale-DNC refusal if the screen
 * asks for it; the peak heap of the tab and of the export worker is watched meanwhile.
 */
async function exportOnce(
  ctx: RunContext,
  search: Record<string, unknown>,
  ready: string,
  format: 'csv' | 'xlsx' = 'csv',
): Promise<Sample> {
  await probe(ctx.page, 'navigate', '/export', search);
  await ctx.page.locator(ready).first().waitFor({ timeout: ctx.timeoutMs });
  const override = ctx.page.getByLabel(/Override with a written reason/);
  if (await override.count()) await override.fill('Benchmark run: measuring the export only');
  if (format === 'xlsx') await ctx.page.getByLabel('Format', { exact: true }).selectOption('xlsx');
  const button = ctx.page.getByRole('button', { name: format === 'xlsx' ? 'Export XLSX' : 'Export CSV' });
  await button.and(ctx.page.locator(':enabled')).waitFor({ timeout: ctx.timeoutMs });
  const download = ctx.page.waitForEvent('download', { timeout: ctx.timeoutMs });
  // If the export fails first (at 1M the tab ran out of memory once), its error is the one to report.
  download.catch(() => undefined);
  const heap = await watchHeapPeak(ctx.context, ctx.page, 'export');
  const { sample, text } = await clickUntil(ctx, () => button.click(), '[data-testid="export-done"]');
  const peak = await heap.stop();
  const shares = Object.entries(peak.atPeak).map(([k, v]) => `${k} ${Math.round(v / 1e6)} MB`);
  console.error(`      peak heap ${Math.round(peak.totalBytes / 1e6)} MB: ${shares.join(', ')}`);
  await (await download).delete();
  const workerMs = msIn(text, / in ([\d.]+) ms/);
  return {
    ...sample,
    ...(workerMs !== undefined ? { workerMs } : {}),
    peakHeapBytes: peak.totalBytes,
    peakWorkerHeapBytes: peak.workerBytes,
    detail: { heapAtPeak: peak.atPeak },
  };
}

export const callListExport: Scenario = {
  id: 'export',
  route: '/export',
  heavy: true,
  rows: [
    {
      name: 'call-list-export',
      goal: 'P7: off the main thread (100k filtered rows ≤ 400 ms)',
      rows: (n) => n,
      note: 'call list of every lead: Export CSV click to "rows written" painted',
    },
    {
      name: 'call-list-export-xlsx',
      goal: 'issue 14: a call list of every lead completes as XLSX, export peak heap ≤ 300 MB',
      rows: (n) => n,
      note: 'call list of every lead as XLSX: Export XLSX click to "rows written" painted',
    },
    {
      name: 'export-filtered',
      goal: 'P7: 100k filtered rows to CSV ≤ 400 ms, off the main thread',
      note: 'leads of region GB (~10%: 100k at 1M)',
    },
  ],
  async measure(ctx) {
    const callList = await exportOnce(ctx, { kind: 'call-list' }, '[data-testid="call-list-preview"]');
    const xlsx = await exportOnce(ctx, { kind: 'call-list' }, '[data-testid="call-list-preview"]', 'xlsx');
    const filtered = await exportOnce(ctx, { kind: 'leads', region: ['GB'] }, '[data-testid="export-count"]');
    return { 'call-list-export': callList, 'call-list-export-xlsx': xlsx, 'export-filtered': filtered };
  },
};

export const dncScrub: Scenario = {
  id: 'dnc-scrub',
  route: '/compliance',
  heavy: true,
  ownSession: true,
  rows: [
    {
      name: 'dnc-scrub',
      goal: 'issue 14 (1M against 2M listed numbers): ≤ 30 s',
      rows: (n) => n,
      note: '"Scrub all leads now" to "Scrub complete" painted',
    },
    {
      name: 'dnc-scrub-recheck',
      goal: 'issue 14: the engine caught up with a write (a scrub moves every lead checked)',
      note: '"Scrub complete" painted to the re-check count painted again (the engine answering after the scrub)',
    },
  ],
  async measure(ctx) {
    await ctx.page.goto('/compliance/dnc');
    const button = ctx.page.getByRole('button', { name: 'Scrub all leads now' });
    await button.waitFor({ timeout: ctx.timeoutMs });
    const count = ctx.page.getByTestId('recheck-count');
    // The queue as it stands (best effort: the scrub is measured whether or not the figure is in yet).
    await probe(ctx.page, 'waitMatch', '[data-testid="recheck-count"][aria-busy="false"]', '^[\\d,]+$', 60_000).catch(
      () => undefined,
    );
    const recheckBefore = await count.textContent();
    const waiting = probe(ctx.page, 'waitMatch', '[role="status"]', 'Scrub complete', ctx.timeoutMs * 4);
    waiting.catch(() => undefined);
    await button.click();
    const { paintedAt } = await waiting;
    const start = await probe(ctx.page, 'lastInput');
    const recheck = await probe(
      ctx.page,
      'waitMatch',
      '[data-testid="recheck-count"][aria-busy="false"]',
      '^[\\d,]+$',
      ctx.timeoutMs * 4,
    );
    // The compliance worker's own steps (scrub:lists, scrub:leads and their reads): where the time went.
    const steps = await workerSteps(ctx.page, 0, /compliance[.-]worker/);
    return {
      'dnc-scrub': {
        ms: paintedAt - start,
        longestTaskMs: await probe(ctx.page, 'longestTask', start, paintedAt),
        detail: { steps },
      },
      'dnc-scrub-recheck': {
        ms: recheck.paintedAt - paintedAt,
        // The re-check queue before and after (every lead checked by the scrub leaves it), and the engine's catch-up steps.
        detail: {
          recheckBefore,
          recheckAfter: await count.textContent(),
          engine: Object.fromEntries(
            Object.entries(await workerSteps(ctx.page)).filter(([name]) => name.startsWith('engine:catch-up')),
          ),
        },
      },
    };
  },
};
