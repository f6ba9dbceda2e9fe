/**
 * The sync runner, loaded the first time a round is asked for. Its pull writes DNC entries through
 * the DNC repository, which brings the phone-number parser and the CSV parser (about 215 KB); the
 * app shell imports this instead, so a page that is not in team mode never parses them at start.
 */
type Runner = typeof import('./sync-runner');

let runner: Runner | null = null;
let loading: Promise<Runner> | null = null;

function load(): Promise<Runner> {
  loading ??= import('./sync-runner').then((m) => (runner = m));
  return loading;
}

/** One sync round (see sync-runner.ts): loads the runner first if this is the first. */
export async function syncNow(): Promise<boolean> {
  return (await load()).syncNow();
}

/** Failed rounds in a row; none before the runner was ever loaded (no round ran). */
export function failedRounds(): number {
  return runner?.failedRounds() ?? 0;
}
