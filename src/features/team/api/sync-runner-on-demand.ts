/**
 * The sync runner, loaded the first time a round is asked for: a page that is not in team mode
 * never loads it, nor starts the sync worker it runs rounds in (sync-worker.ts), whose bundle
 * holds the pull's repositories and the phone-number and CSV parsers they bring.
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
