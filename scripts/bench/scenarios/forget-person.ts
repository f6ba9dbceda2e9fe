/**
 * "Forget this person" on the stored dataset, as a steward answers an erasure request (issue 14:
 * every write caught up by the engine, no full rebuild): the first row's lead opened, "Forget this
 * person…", confirmed; timed from the confirm click to the grid painted without the lead (its
 * count one less), with the grid worker's steps since the click (any rebuild named). Until
 * decision 063 an erasure dropped the engine's change log, and every engine rebuilt from the
 * tables. It runs in a browser of its own after the runs: each run erases one lead.
 */
import { probe } from '../browser';
import { formatSteps, workerNow, workerSteps } from '../engine-report';
import type { Scenario } from './types';

export const forgetPerson: Scenario = {
  id: 'forget-person',
  ownSession: true,
  rows: [
    {
      name: 'forget-person',
      goal: 'issue 14: a write caught up by the engine, no full rebuild',
      note: '"Forget this person" confirmed to the grid painted without the lead (its count one less)',
    },
  ],
  async measure(ctx) {
    const { page, timeoutMs } = ctx;
    await page.goto('/leads');
    const { state } = await probe(page, 'waitGrid', { timeoutMs });
    const before = state.count!;
    await page.locator('[data-testid="lead-row"]').first().getByRole('gridcell').nth(1).getByRole('button').click();
    await page.getByRole('button', { name: 'Forget this person…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Forget this person?' });
    await confirm.getByTestId('forget-removed').waitFor({ timeout: timeoutMs });
    const since = await workerNow(page);
    const gone = probe(page, 'waitGrid', { countIs: before - 1, timeoutMs: timeoutMs * 4 });
    gone.catch(() => undefined);
    await confirm.getByRole('button', { name: 'Forget this person', exact: true }).click();
    const { paintedAt } = await gone;
    const start = await probe(page, 'lastInput');
    const steps = await workerSteps(page, since);
    const rebuilt = Object.keys(steps).filter(
      (k) => k.startsWith('engine:catch-up:rebuild') || k.startsWith('engine:build'),
    );
    console.error(`      ${before} → ${before - 1} leads; worker: ${formatSteps(steps)}`);
    return {
      'forget-person': {
        ms: paintedAt - start,
        longestTaskMs: await probe(page, 'longestTask', start, paintedAt),
        detail: { rebuilt, steps },
      },
    };
  },
};
