/**
 * Per-field last-writer-wins by hybrid logical clock. Pure: the same inputs in any order give the
 * same state (the merge is commutative, associative and idempotent — a join on each field's stamp),
 * which is what makes replayed and reordered pushes harmless.
 */
import { compareHlc } from './hlc';

/** A field's value with the HLC stamp of the edit that wrote it. */
export interface Stamped {
  value?: unknown;
  hlc: string;
}
/** A pushed (or local) value that lost to a later stamp: the "same field edited in two places". */
export interface SupersededField {
  field: string;
  yours: unknown;
  kept: unknown;
  keptHlc: string;
}

export interface LeadState {
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
}

export interface MergeResult extends LeadState {
  changed: string[];
  superseded: SupersededField[];
}

export function mergeLead(current: LeadState, incoming: Record<string, Stamped>): MergeResult {
  const fields = { ...current.fields };
  const clocks = { ...current.clocks };
  const changed: string[] = [];
  const superseded: SupersededField[] = [];
  for (const [name, { value, hlc }] of Object.entries(incoming)) {
    const held = clocks[name];
    const order = held === undefined ? 1 : compareHlc(hlc, held);
    if (order > 0) {
      fields[name] = value ?? null;
      clocks[name] = hlc;
      changed.push(name);
    } else if (order < 0 && !sameValue(fields[name], value)) {
      superseded.push({ field: name, yours: value ?? null, kept: fields[name] ?? null, keptHlc: held ?? '' });
    }
  }
  return { fields, clocks, changed, superseded };
}

/**
 * A DNC block is never removed by sync: while the organisation holds a DNC entry for the number,
 * the lead's status is `listed`, whatever stamp a client put on another value. The server stamps
 * its own write so it also wins against every earlier client stamp.
 */
export function keepDncBlock(state: LeadState, serverHlc: string): { state: LeadState; refused?: unknown } {
  if (state.fields.dncStatus === 'listed') return { state };
  const refused = state.fields.dncStatus;
  const held = state.clocks.dncStatus;
  const hlc = held !== undefined && compareHlc(held, serverHlc) > 0 ? held : serverHlc;
  return {
    state: { fields: { ...state.fields, dncStatus: 'listed' }, clocks: { ...state.clocks, dncStatus: hlc } },
    refused,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
