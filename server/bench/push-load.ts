/**
 * A quick loopback load test against a running server (`npm run server`):
 *   SERVER_URL=http://127.0.0.1:4361 EMAIL=… PASSWORD=… npx tsx server/bench/push-load.ts
 * CLIENTS simulated devices each push BATCHES batches of BATCH events (calls and consents, half
 * each) as fast as acknowledgements come back; then one client pulls the first 10,000 changes.
 * Prints accepted events/s, push latency (p50/p95) and the pull time.
 */
import { randomUUID } from 'node:crypto';

const url = process.env.SERVER_URL ?? 'http://127.0.0.1:4361';
const clients = Number(process.env.CLIENTS ?? 20);
const batches = Number(process.env.BATCHES ?? 20);
const batchSize = Number(process.env.BATCH ?? 50);

async function post(path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function event(i: number, leadId: string): object {
  const at = Date.now();
  if (i % 2 === 0)
    return {
      id: randomUUID(),
      type: 'call.add',
      call: { id: randomUUID(), leadId, at, outcome: 'no-answer', durationSec: 0, agent: 'bench' },
    };
  return {
    id: randomUUID(),
    type: 'consent.add',
    consent: {
      id: randomUUID(),
      leadId,
      purpose: 'calls',
      kind: 'granted',
      basis: 'consent',
      capturedAt: at,
      method: 'verbal-recording',
      proofRef: 'bench',
      capturedBy: 'bench',
    },
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const { token } = (await post('/auth/sign-in', { email: process.env.EMAIL, password: process.env.PASSWORD })) as {
  token: string;
};
const latencies: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    for (let b = 0; b < batches; b++) {
      const mutations = Array.from({ length: batchSize }, (_, i) => event(i, `bench-lead-${c}-${b % 10}`));
      const t = performance.now();
      await post('/push', { deviceId: `bench-${c}`, mutations }, token);
      latencies.push(performance.now() - t);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const events = clients * batches * batchSize;
latencies.sort((a, b) => a - b);
console.log(
  `push: ${events} events from ${clients} clients in ${seconds.toFixed(2)} s = ${Math.round(events / seconds)} events/s; ` +
    `latency p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms`,
);

const pullStart = performance.now();
let cursor = 0;
let pulled = 0;
while (pulled < 10_000) {
  const res = await fetch(`${url}/pull?cursor=${cursor}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
  const page = (await res.json()) as { changes: unknown[]; cursor: number; more: boolean };
  pulled += page.changes.length;
  cursor = page.cursor;
  if (!page.more) break;
}
console.log(`pull: ${pulled} changes in ${(performance.now() - pullStart).toFixed(0)} ms`);
