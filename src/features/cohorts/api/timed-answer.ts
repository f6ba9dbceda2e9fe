/**
 * The wait the user saw for a worker's answer: from the request to the answer on the page. The
 * worker's own "computed in" figure leaves out its start-up and the snapshot it builds first
 * (seconds on a cold start), so a note showing only that told "22 ms" after a 20 s wait.
 */
export async function timedAnswer<T extends object>(ask: () => Promise<T>): Promise<T & { waitMs: number }> {
  const started = performance.now();
  const answer = await ask();
  return { ...answer, waitMs: performance.now() - started };
}
