/**
 * The Overview and the Compliance queues right after the cold start (issue 14: "Overview and
 * every queue count: ≤ 200 ms after that"): each screen's navigation link clicked, timed to its
 * figures painted, the Overview's lead total checked to be the dataset's; then back to the grid
 * for the scenarios after it.
 */
import { probe } from '../browser';
import { formatSteps, workerNow, workerSteps } from '../engine-report';
import { clickUntil } from './features';
import type { Scenario } from './types';

const GOAL = 'issue 14: ≤ 200 ms after the cold start';

export const overview: Scenario = {
  id: 'overview',
  rows: [
    {
      name: 'overview-figures',
      goal: GOAL,
      note: 'Overview link click to its figures painted (the lead total the dataset’s)',
    },
    { name: 'compliance-queues', goal: GOAL, note: 'Compliance link click to every queue count painted' },
  ],
  async measure(ctx) {
    const { page, spec } = ctx;
    const nav = (name: string) => () => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    const since = await workerNow(page);
    const figures = await clickUntil(ctx, nav('Overview'), '[data-testid="figure-link-leads"]', true);
    console.error(`      overview: worker: ${formatSteps(await workerSteps(page, since))}`);
    const total = Number(figures.text.replace(/\D/g, ''));
    if (total !== spec.size) throw new Error(`the Overview says ${total} leads, expected ${spec.size}`);
    const sinceQueues = await workerNow(page);
    const queues = await clickUntil(ctx, nav('Compliance'), '[data-testid="queue-count"]', true);
    console.error(`      compliance: worker: ${formatSteps(await workerSteps(page, sinceQueues))}`);
    await nav('Leads')();
    await probe(page, 'waitGrid', { countIs: spec.size, timeoutMs: ctx.timeoutMs });
    return { 'overview-figures': figures.sample, 'compliance-queues': queues.sample };
  },
};
