/**
 * Quick measurements of the compliance engine's pure core (not a timed test; the end-to-end
 * figures in Chromium, IndexedDB included, come from `npm run bench`):
 *  - the verdict for every lead of a world built from the demo data, counted per reason;
 *  - a DNC scrub's work: turning 2M listed numbers into the set in force, and checking every lead.
 * Run: `node_modules/.bin/jiti scripts/compliance-bench.ts [leads] [dncNumbers]`.
 */
import { buildDemoDataset } from '../src/db/demo-data';
import { buildComplianceWorld, historyFor, rulesByRegion } from '../src/domain/compliance/compliance-world';
import type { DncEntry } from '../src/domain/compliance/dnc-list';
import { scrubBasis, scrubFacts } from '../src/domain/compliance/dnc-scrub';
import { queueCounts } from '../src/domain/compliance/queues';
import { countByReason, verdict } from '../src/domain/compliance/verdict';
import type { Lead } from '../src/domain/leads/lead';
import { DEFAULT_SETTINGS } from '../src/domain/settings/settings';

const N = Number(process.argv[2] ?? 1_000_000);
const DNC = Number(process.argv[3] ?? 2_000_000);
const NOW = Date.UTC(2026, 10, 29, 17, 0);
const ms = (t0: number) => Math.round(performance.now() - t0);
/** CPU time of this process since `c0` (ms): on a shared, busy machine wall time says little. */
const cpu = (c0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c0);
  return Math.round((d.user + d.system) / 1000);
};

/** The demo world copied until it holds `n` leads (each copy's numbers made distinct). */
function world(n: number) {
  const demo = buildDemoDataset(NOW);
  const per = demo.leads.length;
  const leads: Lead[] = [];
  const calls = [];
  const consents = [];
  for (let c = 0; leads.length < n; c++) {
    const off = c * per;
    for (const l of demo.leads) if (leads.length < n) leads.push({ ...l, id: l.id + off, phoneE164: c === 0 ? l.phoneE164 : `${l.phoneE164.slice(0, -2)}${String(c % 100).padStart(2, '0')}` });
    for (const k of demo.calls) if (k.leadId + off <= n) calls.push({ ...k, leadId: k.leadId + off });
    for (const k of demo.consents) if (k.leadId + off <= n) consents.push({ ...k, leadId: k.leadId + off });
  }
  return { demo, leads, w: buildComplianceWorld({ consents, calls, dncLists: demo.dncLists, dncVersions: demo.dncListVersions, dncEntries: demo.dncEntries }) };
}

let t0 = performance.now();
const { demo, leads, w } = world(N);
console.log(`world: ${leads.length} leads built in ${ms(t0)} ms`);

const rulesFor = rulesByRegion(DEFAULT_SETTINGS);
for (let round = 1; round <= 2; round++) {
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const verdicts = leads.map((lead) => verdict(lead, historyFor(w, lead), rulesFor(lead.region), NOW));
  const took = performance.now() - t0;
  const cpuMs = cpu(c0);
  const t1 = performance.now();
  const counts = { ...queueCounts(verdicts), byReason: countByReason(verdicts) };
  console.log(`verdict ×${N} (round ${round}): ${Math.round(took)} ms wall, ${cpuMs} ms CPU = ${((cpuMs * 1000) / N).toFixed(2)} µs CPU/lead; counting ${ms(t1)} ms`);
  if (round === 2) console.log(JSON.stringify(counts));
}

// 2M numbers on the national list (version 2 in force), a share of them the leads' own numbers.
t0 = performance.now();
const entries: DncEntry[] = new Array(DNC);
for (let i = 0; i < DNC; i++) {
  const phoneE164 = i % 40 === 0 && i / 40 < leads.length ? leads[i / 40]!.phoneE164 : `+1${2_000_000_000 + i * 3}`;
  entries[i] = i % 25 === 0 ? { listId: 'national-us', phoneE164, addedVersionId: 1, removedVersionId: 2 } : { listId: 'national-us', phoneE164, addedVersionId: i % 2 ? 1 : 2 };
}
console.log(`${DNC} DNC entries generated in ${ms(t0)} ms`);
const lists = w.dncLists;
for (let round = 1; round <= 2; round++) {
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const basis = scrubBasis(lists, [...entries, ...demo.dncEntries], NOW);
  const built = ms(t0);
  const builtCpu = cpu(c0);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let listed = 0;
  for (const lead of leads) if (scrubFacts(lead.phoneE164, basis, NOW).dncStatus === 'listed') listed++;
  console.log(`scrub (round ${round}): set of ${basis.listed.size} listed numbers in ${built} ms wall / ${builtCpu} ms CPU; ${N} leads checked in ${ms(t1)} ms wall / ${cpu(c1)} ms CPU; ${listed} listed`);
}
