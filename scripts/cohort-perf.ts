/**
 * Prints how long the cohort analytics take over 100k and 1M generated leads (~3 calls each):
 * snapshot build and each aggregate. Measures only; asserts nothing (timings on a shared
 * machine are not test material). Bundle it first so the code runs as the browser gets it:
 *   npx rolldown scripts/cohort-perf.ts -o /tmp/cohort-perf.mjs -p node && node /tmp/cohort-perf.mjs
 * (PERF_N=100000 for one size only.)
 */
import { aggregateCampaigns } from '../src/domain/cohorts/campaign-aggregate';
import { aggregateCohorts } from '../src/domain/cohorts/cohort-aggregate';
import { cohortTriangle } from '../src/domain/cohorts/cohort-triangle';
import { SnapshotBuilder, type SnapshotLead } from '../src/domain/cohorts/columnar-snapshot';
import { sourceScorecard } from '../src/domain/cohorts/source-scorecard';
import { createRng } from '../src/domain/random';
import { MS_PER_DAY } from '../src/domain/time/calendar';
import type { CallOutcome } from '../src/domain/leads/call-outcome';

const NOW = Date.UTC(2026, 5, 1);
const SOURCES = ['web-forms', 'expo-2026', 'referrals', 'datamax-list', 'leadflow-api', 'webinars', 'paid-social', 'wechat-mini', 'uk-partner', 'legacy-crm'];
const OUTCOMES: CallOutcome[] = ['no-answer', 'busy', 'voicemail', 'connected', 'wrong-number', 'converted', 'dnc-requested', 'disconnected'];

function generate(n: number, builder: SnapshotBuilder): void {
  const rng = createRng(42);
  for (let id = 1; id <= n; id++) {
    const acquiredAt = Math.round(NOW - rng.next() * 540 * MS_PER_DAY);
    const createdAt = Math.round(acquiredAt + (rng.chance(0.1) ? rng.next() * 400 : rng.next()) * MS_PER_DAY);
    const lead: SnapshotLead = { id, sourceId: rng.pick(SOURCES), region: rng.pick(['US', 'CN', 'GB']), entryMethod: rng.pick(['api', 'file', 'manual']), acquiredAt, createdAt, attempts: 0, dncStatus: rng.chance(0.03) ? 'listed' : 'clear' };
    if (rng.chance(0.3)) lead.campaignId = rng.pick(['spring', 'expo-fu', 'q4']);
    const calls = rng.int(0, 6);
    let t = createdAt;
    for (let c = 0; c < calls && t < NOW; c++) {
      t += Math.round(rng.next() * 5 * MS_PER_DAY);
      const outcome = rng.pick(OUTCOMES);
      lead.attempts++;
      lead.firstContactAt ??= t;
      if (outcome === 'connected' || outcome === 'converted' || outcome === 'wrong-number' || outcome === 'dnc-requested') lead.firstConnectedAt ??= t;
      if (outcome === 'converted') lead.convertedAt ??= t;
      builder.addCall({ leadId: id, outcome });
    }
    builder.addLead(lead);
  }
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
function time(label: string, f: () => unknown, runs = 7): void {
  f(); // warm the JIT
  const xs = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    f();
    return ms(t0);
  });
  console.log(`  ${label.padEnd(44)} median ${median(xs).toFixed(1)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`);
}

for (const n of (process.env.PERF_N ?? "100000,1000000").split(",").map(Number)) {
  const campaigns = [{ id: 'expo-fu', name: 'Expo', channel: 'phone', event: 'expo-2026', startsAt: NOW - 300 * MS_PER_DAY, endsAt: NOW - 240 * MS_PER_DAY }];
  const builder = new SnapshotBuilder({ timeZone: 'America/New_York', campaigns, sources: SOURCES.map((id) => ({ id, kind: 'web' })) }, n);
  const t0 = performance.now();
  generate(n, builder);
  const tGen = ms(t0);
  const t1 = performance.now();
  const s = builder.build();
  console.log(`${n.toLocaleString('en')} leads: generate + addLead/addCall ${tGen.toFixed(0)} ms, build() ${ms(t1).toFixed(0)} ms`);
  time('aggregate month × source, rates only', () => aggregateCohorts(s, { grain: 'month', split: 'source', windowDays: 30, medians: [] }, NOW));
  time('aggregate week × source, rates only', () => aggregateCohorts(s, { grain: 'week', split: 'source', windowDays: 30, medians: [] }, NOW));
  time('aggregate week × source, one median', () => aggregateCohorts(s, { grain: 'week', split: 'source', windowDays: 30, medians: ['medianDataAgeDays'] }, NOW));
  time('aggregate month × source (all three medians)', () => aggregateCohorts(s, { grain: 'month', split: 'source', windowDays: 30 }, NOW));
  time('aggregate week × source', () => aggregateCohorts(s, { grain: 'week', split: 'source', windowDays: 30 }, NOW));
  time('aggregate day × none', () => aggregateCohorts(s, { grain: 'day', split: 'none', windowDays: 30 }, NOW));
  time('aggregate quarter × campaign', () => aggregateCohorts(s, { grain: 'quarter', split: 'campaign', windowDays: 90 }, NOW));
  time('scorecard (month × source aggregate + rows)', () => sourceScorecard(aggregateCohorts(s, { grain: 'month', split: 'source', windowDays: 30 }, NOW)));
  time('triangle week, 26 columns', () => cohortTriangle(s, { grain: 'week', split: 'none', weeks: 26 }, NOW));
  time('campaigns', () => aggregateCampaigns(s, 30));
}
