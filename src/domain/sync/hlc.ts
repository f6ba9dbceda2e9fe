/**
 * Hybrid logical clock stamps, as fixed-width strings that sort in clock order:
 * `<wall ms, 13 digits>-<counter, 4 hex>-<node id>`. A client stamps each field it edits; the
 * server keeps, per field, the value with the greatest stamp (the node id breaks exact ties).
 */
import { z } from 'zod';

export const HLC_PATTERN = /^\d{13}-[0-9a-f]{4}-[A-Za-z0-9_.:-]{1,64}$/;
export const hlcSchema = z.string().regex(HLC_PATTERN, 'not an HLC stamp');

export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

export function formatHlc({ wall, counter, node }: Hlc): string {
  return `${String(wall).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): Hlc {
  const [wall, counter, ...node] = stamp.split('-');
  return { wall: Number(wall), counter: parseInt(counter ?? '0', 16), node: node.join('-') };
}

/** Negative when a sorts before b. The fixed-width format makes this plain string order. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next local stamp after `last`, at wall time `now` (the usual HLC send/receive rule). */
export function tickHlc(last: string | undefined, now: number, node: string): string {
  const prev = last ? parseHlc(last) : { wall: 0, counter: 0 };
  if (now > prev.wall) return formatHlc({ wall: now, counter: 0, node });
  return formatHlc({ wall: prev.wall, counter: prev.counter + 1, node });
}
