/**
 * One row of a call log (phone or lead id, time, outcome, duration, agent, campaign) to a
 * prepared call. Which lead it belongs to is decided against the database later: a number
 * that matches no lead is reported, never invented as a new lead.
 */
import { z } from 'zod';
import { CALL_OUTCOMES, type CallOutcome } from '../leads/call-outcome';
import { normalisePhone } from '../leads/phone';
import { acquisitionTimeProblem } from '../time/calendar';
import { cellProblem } from './cell-checks';
import type { CallField, ColumnMapping } from './column-mapping';
import type { CsvRow } from './csv-reader';
import type { RowResult } from './import-analysis';
import { rejection, type Rejection } from './rejection';
import { parseTimestamp, type TimeDeclaration } from './timestamp';

export interface PreparedCall {
  line: number;
  phoneE164: string | null;
  leadId: number | null;
  at: number;
  outcome: CallOutcome;
  durationSec: number;
  agent: string;
  campaignRef: string | null;
}

export interface CallRowContext {
  headers: readonly string[];
  mapping: ColumnMapping<CallField>;
  defaultRegion: string;
  now: number;
  time: TimeDeclaration;
  defaultCampaign: string | null;
}

const OUTCOME_WORDS: Record<string, CallOutcome> = Object.assign(Object.create(null) as Record<string, CallOutcome>, {
  answered: 'connected',
  connected: 'connected',
  contact: 'connected',
  接通: 'connected',
  已接通: 'connected',
  已接听: 'connected',
  noanswer: 'no-answer',
  'no answer': 'no-answer',
  na: 'no-answer',
  未接: 'no-answer',
  无人接听: 'no-answer',
  未接通: 'no-answer',
  busy: 'busy',
  忙: 'busy',
  占线: 'busy',
  忙线: 'busy',
  voicemail: 'voicemail',
  vm: 'voicemail',
  machine: 'voicemail',
  语音信箱: 'voicemail',
  留言: 'voicemail',
  wrongnumber: 'wrong-number',
  'wrong number': 'wrong-number',
  wrong: 'wrong-number',
  错号: 'wrong-number',
  号码错误: 'wrong-number',
  disconnected: 'disconnected',
  invalid: 'disconnected',
  空号: 'disconnected',
  停机: 'disconnected',
  converted: 'converted',
  sale: 'converted',
  sold: 'converted',
  won: 'converted',
  成交: 'converted',
  已成交: 'converted',
  dnc: 'dnc-requested',
  dncrequested: 'dnc-requested',
  'do not call': 'dnc-requested',
  勿扰: 'dnc-requested',
  拒绝再拨: 'dnc-requested',
});

/** An outcome from what call systems write; null when not recognised. */
export function outcomeOf(value: string): CallOutcome | null {
  const v = value.trim().toLowerCase();
  if ((CALL_OUTCOMES as readonly string[]).includes(v)) return v as CallOutcome;
  return OUTCOME_WORDS[v] ?? OUTCOME_WORDS[v.replace(/[-_]/g, '')] ?? OUTCOME_WORDS[v.replace(/[-_]/g, ' ')] ?? null;
}

/** Seconds from `95`, `95.5`, `1:35` or `0:01:35`; empty is 0; null when unreadable. */
export function durationOf(value: string): number | null {
  const v = value.trim();
  if (v === '') return 0;
  if (/^\d+(\.\d+)?s?$/.test(v)) return Math.round(Number(v.replace('s', '')));
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const textFields = z.object({ agent: z.string().max(100), campaign: z.string().max(100) });

/** Validate one call-log row. */
export function validateCallRow(row: CsvRow, ctx: CallRowContext): RowResult<PreparedCall> {
  const { headers, mapping } = ctx;
  if (row.cells.length !== headers.length)
    return { ok: false, rejections: [rejection(row.line, '', 'ragged', `${row.cells.length}/${headers.length}`)] };
  const problems: Rejection[] = [];
  const cell = (f: CallField) => (mapping[f] === undefined ? '' : (row.cells[mapping[f]] ?? ''));
  const fail = (f: CallField, reason: string, value = cell(f)) =>
    problems.push(rejection(row.line, mapping[f] === undefined ? f : (headers[mapping[f]] ?? f), reason, value));
  for (const f of Object.keys(mapping) as CallField[]) {
    const p = cellProblem(cell(f));
    if (p) fail(f, p);
  }
  if (problems.length > 0) return { ok: false, rejections: problems };

  let phoneE164: string | null = null;
  let leadId: number | null = null;
  if (cell('leadId').trim() !== '') {
    leadId = /^\d{1,15}$/.test(cell('leadId').trim()) ? Number(cell('leadId').trim()) : null;
    if (leadId === null || leadId < 1) fail('leadId', 'lead-id-invalid');
  } else {
    const phone = normalisePhone(cell('phone'), ctx.defaultRegion);
    if (phone.ok) phoneE164 = phone.e164;
    else fail('phone', `phone-${phone.problem}`);
  }
  const at = parseTimestamp(cell('at'), ctx.time);
  if (!at.ok && (at.problem === 'format-required' || at.problem === 'zone-required'))
    return { ok: false, rejections: problems, ask: at.problem };
  const atProblem = at.ok ? acquisitionTimeProblem(at.ms, ctx.now) : at.problem;
  if (atProblem) fail('at', `call-at-${atProblem}`);
  const outcome = outcomeOf(cell('outcome'));
  if (!outcome) fail('outcome', 'outcome-unrecognised');
  const durationSec = durationOf(cell('duration'));
  if (durationSec === null) fail('duration', 'duration-invalid');
  const text = textFields.safeParse({ agent: cell('agent').trim(), campaign: cell('campaign').trim() });
  if (!text.success) for (const i of text.error.issues) fail(i.path[0] as CallField, `${String(i.path[0])}-too-long`);
  if (problems.length > 0 || !at.ok || !outcome || durationSec === null || !text.success)
    return { ok: false, rejections: problems };
  return {
    ok: true,
    value: {
      line: row.line,
      phoneE164,
      leadId,
      at: at.ms,
      outcome,
      durationSec,
      agent: text.data.agent,
      campaignRef: text.data.campaign || ctx.defaultCampaign || null,
    },
  };
}
