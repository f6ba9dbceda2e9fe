/**
 * The grid's columns cut into chunks of rows and put back together, for storing them (the
 * engine's persisted snapshot). A chunk holds, for its rows, a slice of every typed column, its
 * part of the joined search strings with offsets from zero, the names, companies and extra tags; the
 * head holds the dictionaries. Pure: the repository stores the pieces and checks their checksums.
 */
import { withRoom } from '../../columns/room-to-grow';
import { Dictionary } from '../../columns/dictionary';
import { codeColumn, codeColumnOf } from '../../columns/code-column';
import {
  INSTANT_KEYS,
  JOINED_COLUMNS,
  type InstantKey,
  type JoinedStarts,
  type JoinedText,
  type LeadColumns,
} from './lead-columns';
import { instantColumn, setInstantsFrom, sliceInstants, type InstantColumn } from '../../columns/instant-column';
import { rebasedStarts, setStart, startAt, startColumn } from '../../columns/start-column';

const NUMERIC = [
  'ids',
  'attempts',
  'batch',
  'source',
  'campaign',
  'region',
  'zone',
  'judgedFrom',
  'entry',
  'consent',
  'dnc',
  'lastOutcome',
  'precision',
  'dncStatus',
  'reasons',
  'flags',
  'tagBits',
] as const satisfies readonly (keyof LeadColumns)[];
type NumericKey = (typeof NUMERIC)[number];
const CODE_KEYS = ['source', 'campaign', 'region', 'zone'] as const satisfies readonly (NumericKey &
  keyof LeadColumns['dict'])[];
const isCodeKey = (k: NumericKey): k is (typeof CODE_KEYS)[number] => (CODE_KEYS as readonly string[]).includes(k);
type Numeric = LeadColumns[NumericKey];

/**
 * Rows [start, start + count) of the columns: the joined strings (search text, numbers, names,
 * companies, e-mails, tags) are the chunk's own slices, offsets from zero: one string reads back
 * from IndexedDB several times faster than 65,536 of them.
 */
export interface ColumnsChunk extends Pick<LeadColumns, JoinedText>, Record<JoinedStarts, Uint32Array> {
  start: number;
  count: number;
  numeric: Record<NumericKey, Numeric>;
  instants: Record<InstantKey, InstantColumn>;
  extraTags: [number, number[]][];
}

export interface ColumnsHead {
  n: number;
  chunkSize: number;
  chunkCount: number;
  dict: Record<keyof LeadColumns['dict'], string[]>;
}

/** Cut `cols` into chunks of `chunkSize` rows; with `only`, the other chunks are left out (null). */
export function toChunks(
  cols: LeadColumns,
  chunkSize: number,
  only?: ReadonlySet<number>,
): { head: ColumnsHead; chunks: (ColumnsChunk | null)[] } {
  const chunks: (ColumnsChunk | null)[] = [];
  for (let start = 0; start < cols.n || (start === 0 && chunks.length === 0); start += chunkSize) {
    const end = Math.min(cols.n, start + chunkSize);
    if (only && !only.has(chunks.length)) {
      chunks.push(null);
      if (end === cols.n) break;
      continue;
    }
    const numeric = Object.fromEntries(NUMERIC.map((k) => [k, cols[k].slice(start, end)])) as Record<
      NumericKey,
      Numeric
    >;
    const instants = Object.fromEntries(INSTANT_KEYS.map((k) => [k, sliceInstants(cols[k], start, end)])) as Record<
      InstantKey,
      InstantColumn
    >;
    const extraTags: [number, number[]][] = [];
    for (const [i, codes] of cols.extraTags) if (i >= start && i < end) extraTags.push([i - start, codes]);
    const joined = Object.fromEntries(
      JOINED_COLUMNS.flatMap(([key, starts]) => [
        [key, cols[key].slice(startAt(cols[starts], start), startAt(cols[starts], end))],
        [starts, rebasedStarts(cols[starts], start, end)],
      ]),
    ) as Pick<ColumnsChunk, JoinedText | JoinedStarts>;
    chunks.push({ start, count: end - start, numeric, instants, ...joined, extraTags });
    if (end === cols.n) break;
  }
  const dict = {
    source: cols.dict.source.values,
    campaign: cols.dict.campaign.values,
    region: cols.dict.region.values,
    tags: cols.dict.tags.values,
    zone: cols.dict.zone.values,
  };
  return { head: { n: cols.n, chunkSize, chunkCount: chunks.length, dict }, chunks };
}

function dictionary(values: readonly string[]): Dictionary {
  const d = new Dictionary(['']);
  for (const v of values.slice(1)) d.encode(v);
  return d;
}

/** Put the columns back together from the head and every chunk (in order). Throws when they do not fit. */
export function fromChunks(head: ColumnsHead, chunks: readonly ColumnsChunk[]): LeadColumns {
  const n = head.n;
  if (chunks.length !== head.chunkCount) throw new Error(`snapshot has ${chunks.length} of ${head.chunkCount} chunks`);
  const numeric = {} as Record<NumericKey, Numeric>;
  const first = chunks[0]!;
  for (const k of NUMERIC) {
    // With room to grow: the rows an import appends are written into it (room-to-grow.ts). A
    // column of codes is as wide as its dictionary needs, whatever width a chunk was stored in.
    numeric[k] = isCodeKey(k)
      ? codeColumn(head.dict[k].length, n)
      : k === 'batch'
        ? codeColumnOf(
            chunks.some((c) => c.numeric.batch instanceof Uint32Array),
            n,
          )
        : withRoom(first.numeric[k].constructor as Parameters<typeof withRoom<Numeric>>[0], n);
  }
  const instants = Object.fromEntries(INSTANT_KEYS.map((k) => [k, instantColumn(n)])) as Record<
    InstantKey,
    InstantColumn
  >;
  const joined = JOINED_COLUMNS.map(() => ({ parts: [] as string[], starts: startColumn(n + 1), length: 0 }));
  const extraTags = new Map<number, number[]>();
  let row = 0;
  for (const c of chunks) {
    if (c.start !== row) throw new Error(`snapshot chunk starts at ${c.start}, expected ${row}`);
    for (const k of NUMERIC) {
      if (c.numeric[k].length !== c.count)
        throw new Error(`snapshot column ${k} has ${c.numeric[k].length} of ${c.count} rows`);
      (numeric[k] as Float64Array).set(c.numeric[k] as Float64Array, row);
    }
    for (const k of INSTANT_KEYS) {
      const part = c.instants[k];
      if (part.hi.length !== c.count || part.lo.length !== c.count)
        throw new Error(`snapshot column ${k} has ${part.hi.length} of ${c.count} rows`);
      setInstantsFrom(instants[k], part, row);
    }
    JOINED_COLUMNS.forEach(([key, startsKey], k) => {
      const text = c[key];
      const starts = c[startsKey];
      if (starts.length !== c.count + 1 || starts[c.count] !== text.length)
        throw new Error(`snapshot ${key} of ${text.length} does not fit its ${starts.length} offsets`);
      const j = joined[k]!;
      for (let i = 0; i < c.count; i++) setStart(j.starts, row + i, j.length + starts[i]!);
      j.length += text.length;
      j.parts.push(text);
    });
    for (const [i, codes] of c.extraTags) extraTags.set(row + i, codes);
    row += c.count;
  }
  if (row !== n) throw new Error(`snapshot holds ${row} of ${n} rows`);
  const strings = Object.fromEntries(
    JOINED_COLUMNS.flatMap(([key, startsKey], k) => {
      const j = joined[k]!;
      setStart(j.starts, n, j.length);
      return [
        [key, j.parts.join('')],
        [startsKey, j.starts],
      ];
    }),
  );
  return {
    n,
    ...numeric,
    ...instants,
    ...strings,
    extraTags,
    dict: {
      source: dictionary(head.dict.source),
      campaign: dictionary(head.dict.campaign),
      region: dictionary(head.dict.region),
      tags: dictionary(head.dict.tags),
      zone: dictionary(head.dict.zone),
    },
  } as LeadColumns;
}
