/**
 * Calls and consents pushed by simulated devices as fast as acknowledgements come back: each
 * client is an agent signed in with its own token, pushing batches of events on its own team's
 * leads. Every event must come back `applied` (a refused event is a failed run, not a figure).
 */
import { randomUUID } from 'node:crypto';
import type { TeamApi } from './api';

export interface LoadClient {
  token: string;
  deviceId: string;
  /** Ids of leads this client's team can see. */
  leadIds: readonly string[];
}

export interface PushLoadResult {
  events: number;
  ms: number;
  /** One per push, in milliseconds. */
  latencies: number[];
}

function event(i: number, leadId: string, at: number, agent: string): object {
  if (i % 2 === 0)
    return {
      id: randomUUID(),
      type: 'call.add',
      call: { id: randomUUID(), leadId, at, outcome: 'no-answer', durationSec: 0, agent },
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
      capturedBy: agent,
    },
  };
}

export async function pushLoad(
  api: TeamApi,
  clients: readonly LoadClient[],
  batches: number,
  batchSize: number,
): Promise<PushLoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let b = 0; b < batches; b++) {
        const at = Date.now();
        const mutations = Array.from({ length: batchSize }, (_, i) =>
          event(i, client.leadIds[(b * batchSize + i) % client.leadIds.length]!, at, client.deviceId),
        );
        const t = performance.now();
        const results = await api.push(client.token, client.deviceId, mutations);
        latencies.push(performance.now() - t);
        const refused = results.filter((r) => r.status !== 'applied' || r.duplicate);
        if (refused.length || results.length !== mutations.length)
          throw new Error(
            `${client.deviceId}: ${refused.length} of ${mutations.length} events not applied (${JSON.stringify(refused[0])})`,
          );
      }
    }),
  );
  return { events: clients.length * batches * batchSize, ms: performance.now() - started, latencies };
}
