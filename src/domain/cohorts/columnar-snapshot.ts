/**
 * A columnar snapshot of the leads for analytics: one typed array per fact, strings
 * dictionary-encoded. A million leads take ~60 bytes each here instead of ~1 kB as objects,
 * and an aggregate is a few tight loops over arrays (DESIGN.md §5, §6 P3). Instants are UTC
 * epoch ms in Float64Arrays with NaN for "none". The engine reads it off its lead columns
 * (snapshot-from-columns.ts); built from leads, calls and consents it is the reference the
 * engine's is tested against, streamed so the caller never holds every row at once.
 */
import type { Campaign } from '../catalog/campaign';
import type { Source } from '../catalog/source';
import type { Lead } from '../leads/lead';
import { MemberCoder } from './member-coder';
import { assembleSnapshot } from './snapshot-assembly';
import { Dictionary } from '../columns/dictionary';
import { localDay, type GrainIndexes } from './grain-index';
import { withCode, type CodeColumn } from '../columns/code-column';

export { RULE_EXPLICIT, RULE_NONE, RULE_WINDOW } from './member-coder';

/**
 * Dictionary codes: Uint16 (every column the same type, so the split loop stays monomorphic);
 * a column whose dictionary passes 65,536 values is widened to Uint32 as it is built, never wrapped.
 */
export type { CodeColumn };
type CodeKey = 'source' | 'campaign' | 'region' | 'member' | 'entry';

export interface ColumnarSnapshot {
  n: number;
  timeZone: string;
  ids: Uint32Array;
  acquiredAt: Float64Array;
  createdAt: Float64Array;
  firstContactAt: Float64Array;
  firstConnectedAt: Float64Array;
  convertedAt: Float64Array;
  /** The last attempt (NaN: never called): where the lifecycle's dormant clock restarts. */
  lastContactAt: Float64Array;
  /** Bits of ../columns/lead-flags.ts (the cohort ones: 0-2 and 5-9). */
  flags: Uint16Array;
  /** Local acquisition day − `dayBase`, in the organisation's zone. */
  day: Uint16Array;
  dayBase: number;
  grains: GrainIndexes;
  source: CodeColumn;
  sources: string[];
  /** The explicit campaign id; code 0 is "none" (''). */
  campaign: CodeColumn;
  campaigns: string[];
  region: CodeColumn;
  regions: string[];
  /** Uint16 like every other code column, so the split loop reads one array type (monomorphic). */
  entry: CodeColumn;
  entries: string[];
  /** Campaign membership (explicit or by window); code 0 is "none". */
  member: CodeColumn;
  members: string[];
  memberRule: Uint8Array;
  /**
   * Quantile buckets (value-buckets.ts) of entry → first contact, acquisition → conversion and data
   * age, for medians: each worked out the first time it is read (a sort of every lead's span), so
   * a chart that shows no median never pays for them.
   */
  readonly contactBucket: Uint8Array;
  readonly conversionBucket: Uint8Array;
  readonly ageBucket: Uint8Array;
}

/**
 * One lead as the snapshot reads it: its catalogue values, its instants (NaN: none) and its
 * cohort flags already combined (FLAG_CONTACTED … FLAG_CONSENT_WITHDRAWN; history facts included).
 */
export interface CohortRow {
  id: number;
  sourceId: string;
  campaignId: string | undefined;
  region: string;
  entryMethod: Lead['entryMethod'];
  acquiredAt: number;
  createdAt: number;
  firstContactAt: number;
  firstConnectedAt: number;
  convertedAt: number;
  lastContactAt: number;
  flags: number;
}

export interface SnapshotContext {
  timeZone: string;
  campaigns: readonly Campaign[];
  sources: readonly Pick<Source, 'id' | 'kind'>[];
}

/** The six instant columns, in order: acquired, created, first contact, first connect, converted, last contact. */
type SixTimes = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

function grow<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** Streams leads (then or before their calls) into columns; `build()` returns the snapshot. */
export class SnapshotBuilder {
  private n = 0;
  private cap: number;
  private ids: Uint32Array;
  private f64: Float64Array[];
  private flags: Uint16Array;
  private days: Int32Array;
  private codes: Record<CodeKey, CodeColumn>;
  private rule: Uint8Array;
  private readonly members: MemberCoder;
  private readonly dict: Record<CodeKey, Dictionary>;

  constructor(
    private readonly ctx: SnapshotContext,
    capacity = 1024,
  ) {
    this.cap = Math.max(16, capacity);
    this.ids = new Uint32Array(this.cap);
    this.f64 = Array.from({ length: 6 }, () => new Float64Array(this.cap));
    this.flags = new Uint16Array(this.cap);
    this.days = new Int32Array(this.cap);
    this.codes = {
      source: new Uint16Array(this.cap),
      campaign: new Uint16Array(this.cap),
      region: new Uint16Array(this.cap),
      member: new Uint16Array(this.cap),
      entry: new Uint16Array(this.cap),
    };
    this.rule = new Uint8Array(this.cap);
    this.members = new MemberCoder(ctx);
    this.dict = {
      source: new Dictionary(),
      campaign: new Dictionary(['']),
      region: new Dictionary(),
      entry: new Dictionary(),
      member: this.members.dict,
    };
  }

  private ensure(): void {
    if (this.n < this.cap) return;
    this.cap *= 2;
    this.ids = grow(this.ids, this.cap);
    this.f64 = this.f64.map((a) => grow(a, this.cap));
    this.flags = grow(this.flags, this.cap);
    this.days = grow(this.days, this.cap);
    for (const k of ['source', 'campaign', 'region', 'member', 'entry'] as const)
      this.codes[k] = grow(this.codes[k], this.cap);
    this.rule = grow(this.rule, this.cap);
  }

  /** One lead's row (leads in id order, as they are read). */
  addRow(lead: CohortRow): void {
    const { source, campaign, region, entry } = this.dict;
    this.addCodedRow(
      lead,
      source.code(lead.sourceId),
      campaign.code(lead.campaignId ?? ''),
      region.code(lead.region),
      entry.code(lead.entryMethod),
    );
  }

  /**
   * The snapshot's code of a catalogue value (assigned on first sight, as `addRow` assigns it): a
   * caller holding its rows' values as codes of its own translates each of its codes once.
   */
  codeOf(key: 'source' | 'campaign' | 'region' | 'entry', value: string): number {
    return this.dict[key].code(value);
  }

  /** One lead's row whose source, campaign ('' for none), region and entry method are given as `codeOf` codes. */
  addCodedRow(lead: CohortRow, source: number, campaign: number, region: number, entry: number): void {
    this.ensure();
    const i = this.n++;
    this.ids[i] = lead.id;
    const [acq, created, contact, connected, converted, lastContact] = this.f64 as SixTimes;
    acq[i] = lead.acquiredAt;
    created[i] = lead.createdAt;
    contact[i] = lead.firstContactAt;
    connected[i] = lead.firstConnectedAt;
    converted[i] = lead.convertedAt;
    lastContact[i] = lead.lastContactAt;
    this.flags[i] = lead.flags;
    this.days[i] = localDay(lead.acquiredAt, this.ctx.timeZone);
    this.setCode('source', i, source);
    this.setCode('campaign', i, campaign);
    this.setCode('region', i, region);
    this.setCode('entry', i, entry);
    this.setCode('member', i, this.members.code(lead));
    this.rule[i] = this.members.rule;
  }

  /** Stores a code, first widening its column to Uint32 when the code does not fit in 16 bits. */
  private setCode(k: CodeKey, i: number, code: number): void {
    this.codes[k] = withCode(this.codes[k], i, code);
  }

  build(): ColumnarSnapshot {
    const n = this.n;
    // The columns as built, when they hold little room beyond their rows (the engine's read sizes
    // them to its row count): a view, not a copy. A fresh copy costs more than its bytes here: the
    // first touch of new memory (~2.5 ms a MB on this machine; 48 MB of instants at a million leads).
    const cut = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array>(a: T) =>
      (a.length - n <= a.length / 16 ? a.subarray(0, n) : a.slice(0, n)) as T;
    const [acquiredAt, createdAt, firstContactAt, firstConnectedAt, convertedAt, lastContactAt] = this.f64.map(
      cut,
    ) as SixTimes;
    return assembleSnapshot(this.ctx.timeZone, {
      n,
      ids: cut(this.ids),
      acquiredAt,
      createdAt,
      firstContactAt,
      firstConnectedAt,
      convertedAt,
      lastContactAt,
      flags: cut(this.flags),
      days: this.days,
      source: cut(this.codes.source),
      sources: this.dict.source.values,
      campaign: cut(this.codes.campaign),
      campaigns: this.dict.campaign.values,
      region: cut(this.codes.region),
      regions: this.dict.region.values,
      entry: cut(this.codes.entry),
      entries: this.dict.entry.values,
      member: cut(this.codes.member),
      members: this.dict.member.values,
      memberRule: cut(this.rule),
    });
  }
}
