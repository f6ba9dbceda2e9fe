/** `npm run bench -- [--size 100k|1m|20k,100k] [--only cold-start,export | team] [--json PATH] [--runs N] [--full] [--dnc-numbers 2m] [--no-cache] [--port P] [--seed S] [--no-build] [--day YYYY-MM-DD]` */
import { z } from 'zod';

export const DEFAULT_SIZES = [100_000, 1_000_000];

export interface BenchOptions {
  sizes: number[];
  json: string;
  /** Measured runs per scenario (after one warm-up). */
  runs: number;
  port: number;
  seed: number;
  build: boolean;
  outDir: string;
  /** Listed numbers the DNC scrub checks against. */
  dncNumbers: number;
  /** Heavy scenarios (import, raw put, scrub) get every run at large sizes too (slower than 15 min). */
  full: boolean;
  /** Reuse the base profile (schema + listed numbers) kept from an earlier bench. */
  cache: boolean;
  /** Scenario ids to measure (the cold start always runs: the others start from its page); empty = all. */
  only: string[];
  /** The dataset's day (UTC midnight, ms): an earlier day reuses that day's cached loaded profile. */
  day: number;
}

/** Sizes from which heavy scenarios are measured once (a million leads take minutes per run). */
export const LARGE_SIZE = 500_000;

/** Measured runs of a heavy scenario at `size`. */
export const heavyRuns = (opts: Pick<BenchOptions, 'runs' | 'full'>, size: number) =>
  size >= LARGE_SIZE && !opts.full ? 1 : opts.runs;

/** "100k" → 100000, "1m" → 1000000, "2500" → 2500. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text} (try 100k or 1m)`);
  const n = Math.round(
    Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1_000_000 : m[2]?.toLowerCase() === 'k' ? 1000 : 1),
  );
  if (n < 1000) throw new Error(`size ${text} is too small (at least 1k)`);
  return n;
}

const optionsSchema = z.object({
  sizes: z.array(z.number().int().min(1000)).min(1),
  json: z.string().min(1),
  runs: z.number().int().min(3).max(20),
  port: z.number().int().min(1024).max(65535),
  seed: z.number().int(),
  build: z.boolean(),
  outDir: z.string().min(1),
  dncNumbers: z.number().int().min(0),
  full: z.boolean(),
  cache: z.boolean(),
  only: z.array(z.string().min(1)),
  day: z.number().int().max(Date.now(), 'the dataset day cannot be in the future'),
});

/** UTC midnight of today. */
export const todayUtc = () => Math.floor(Date.now() / 86_400_000) * 86_400_000;

/** "2026-12-04" → that day's UTC midnight. */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== text.trim())
    throw new Error(`not a day: ${text} (try 2026-12-04)`);
  return ms;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = {
    sizes: DEFAULT_SIZES,
    json: 'bench-results.json',
    runs: 3,
    port: 4327,
    seed: 20_261_129,
    build: true,
    outDir: 'dist-bench',
    dncNumbers: 2_000_000,
    full: false,
    cache: true,
    only: [],
    day: todayUtc(),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--size':
      case '--sizes':
        opts.sizes = value().split(',').map(parseSize);
        break;
      case '--json':
        opts.json = value();
        break;
      case '--runs':
        opts.runs = Number(value());
        break;
      case '--port':
        opts.port = Number(value());
        break;
      case '--seed':
        opts.seed = Number(value());
        break;
      case '--out-dir':
        opts.outDir = value();
        break;
      case '--no-build':
        opts.build = false;
        break;
      case '--full':
        opts.full = true;
        break;
      case '--only':
        opts.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--no-cache':
        opts.cache = false;
        break;
      case '--day':
        opts.day = parseDay(value());
        break;
      case '--dnc-numbers':
        opts.dncNumbers = parseSize(value());
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return optionsSchema.parse(opts);
}
