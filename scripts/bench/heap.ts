/**
 * Memory held after a full garbage collection — the JS heap and the array buffers — through the
 * Chrome DevTools Protocol: the page's main thread, and each dedicated worker (the grid's
 * columnar index lives in one). Workers are
 * reached with a second, non-flattened auto-attach on our own CDP session, so Playwright's
 * own attachment is left alone.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface HeapReport {
  mainBytes: number;
  workers: { title: string; url: string; bytes: number }[];
  /** Of those bytes, the array buffers' (typed-array columns, the listed numbers' hashes), page and workers. */
  arrayBufferBytes: number;
}

/** `Runtime.getHeapUsage`'s answer: `usedSize` is the V8 heap alone; typed arrays' memory is `backingStorageSize`. */
interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/**
 * What a thread holds: its JS heap and its array buffers. Before session 21 only `usedSize` was
 * read, which leaves out every typed array (the engine's columns: ~130 B a lead).
 */
const heldBytes = (u: HeapUsage) => u.usedSize + (u.backingStorageSize ?? 0);

export interface Attached {
  sessionId: string;
  targetInfo: { type: string; title: string; url: string };
}

/** The page's dedicated workers, attached (not flattened) on our own CDP session `cdp`. */
export async function attachWorkers(cdp: CDPSession): Promise<Attached[]> {
  const attached: Attached[] = [];
  cdp.on('Target.attachedToTarget', (e: Attached) => attached.push(e));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 300));
  return attached.filter((a) => a.targetInfo.type === 'worker');
}

function childCaller(cdp: CDPSession) {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id!);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  return (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
}

/**
 * The peak of the used JS heap and array buffers while something runs (no collection forced: what the tab really
 * holds), sampled every `everyMs` over the page and its workers: the peak of their sum, and of
 * the worker named `worker` (e.g. 'export'). Call `stop()` when the work is done.
 */
export async function watchHeapPeak(
  context: BrowserContext,
  page: Page,
  worker: string,
  everyMs = 200,
): Promise<{
  stop: () => Promise<{ totalBytes: number; workerBytes: number; atPeak: Record<string, number> }>;
}> {
  const cdp = await context.newCDPSession(page);
  const attached: Attached[] = [];
  cdp.on('Target.attachedToTarget', (e: Attached) => attached.push(e));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const call = childCaller(cdp);
  let totalBytes = 0;
  let workerBytes = 0;
  /** Each heap's share at the moment of the peak (page, then workers by title): who held it. */
  let atPeak: Record<string, number> = {};
  let running = true;
  const sample = async () => {
    const usage = await Promise.all(
      attached
        .filter((a) => a.targetInfo.type === 'worker')
        .map(async (w) => {
          const u = (await call(w.sessionId, 'Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }))) as HeapUsage;
          return { title: w.targetInfo.title, bytes: heldBytes(u) };
        }),
    );
    const main = heldBytes((await cdp.send('Runtime.getHeapUsage')) as HeapUsage);
    const sum = main + usage.reduce((s, u) => s + u.bytes, 0);
    if (sum > totalBytes) {
      totalBytes = sum;
      atPeak = { page: main };
      for (const u of usage) atPeak[u.title || 'worker'] = (atPeak[u.title || 'worker'] ?? 0) + u.bytes;
    }
    for (const u of usage) if (u.title === worker) workerBytes = Math.max(workerBytes, u.bytes);
  };
  const loop = (async () => {
    while (running) {
      await sample().catch(() => undefined);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return { totalBytes, workerBytes, atPeak };
    },
  };
}

/** Collect garbage, then read the used heap of the page and of its workers. */
export async function measureHeap(context: BrowserContext, page: Page): Promise<HeapReport> {
  const cdp = await context.newCDPSession(page);
  try {
    const attached = await attachWorkers(cdp);
    const call = childCaller(cdp);
    const workers: HeapReport['workers'] = [];
    let arrayBufferBytes = 0;
    for (const w of attached) {
      try {
        await call(w.sessionId, 'HeapProfiler.collectGarbage');
        const usage = (await call(w.sessionId, 'Runtime.getHeapUsage')) as HeapUsage;
        arrayBufferBytes += usage.backingStorageSize ?? 0;
        workers.push({ title: w.targetInfo.title, url: w.targetInfo.url, bytes: heldBytes(usage) });
      } catch (e) {
        console.warn(`  (worker heap of ${w.targetInfo.url} not readable: ${(e as Error).message})`);
      }
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const main = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
    await cdp
      .send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: false })
      .catch(() => undefined);
    arrayBufferBytes += main.backingStorageSize ?? 0;
    return { mainBytes: heldBytes(main), workers, arrayBufferBytes };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
