/**
 * Heap snapshots of the page and each of its workers, written to `dir` (one `.heapsnapshot` file
 * per thread, readable by Chromium's DevTools or `heap-summary.ts`), to see what holds the bytes
 * the memory scenario counts. Asked for with `BENCH_HEAP_SNAPSHOTS=<dir>`; not part of a figure.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { attachWorkers } from './heap';

interface ChildMessage {
  id?: number;
  method?: string;
  params?: { chunk?: string };
  error?: { message: string };
}

/** Write one thread's snapshot: `take` asks for it and feeds `onChunk` each chunk as it arrives. */
async function writeSnapshot(file: string, take: (onChunk: (chunk: string) => void) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  await take((chunk) => out.write(chunk));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** A snapshot of the page and of every dedicated worker, into `dir`; returns the files written. */
export async function writeHeapSnapshots(context: BrowserContext, page: Page, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const cdp: CDPSession = await context.newCDPSession(page);
  const files: string[] = [];
  try {
    let nextId = 1;
    for (const w of await attachWorkers(cdp)) {
      const name = (w.targetInfo.title || path.basename(w.targetInfo.url)).replace(/[^\w.-]+/g, '_');
      const file = path.join(dir, `worker-${name}.heapsnapshot`);
      await writeSnapshot(file, (onChunk) => {
        const id = nextId++;
        return new Promise<void>((resolve, reject) => {
          const listen = (e: { sessionId: string; message: string }) => {
            if (e.sessionId !== w.sessionId) return;
            const msg = JSON.parse(e.message) as ChildMessage;
            if (msg.method === 'HeapProfiler.addHeapSnapshotChunk') onChunk(msg.params!.chunk!);
            else if (msg.id === id) {
              cdp.off('Target.receivedMessageFromTarget', listen);
              if (msg.error) reject(new Error(msg.error.message));
              else resolve();
            }
          };
          cdp.on('Target.receivedMessageFromTarget', listen);
          const message = JSON.stringify({ id, method: 'HeapProfiler.takeHeapSnapshot', params: {} });
          void cdp.send('Target.sendMessageToTarget', { sessionId: w.sessionId, message }).catch(reject);
        });
      });
      files.push(file);
    }
    const file = path.join(dir, 'page.heapsnapshot');
    await writeSnapshot(file, async (onChunk) => {
      const listen = (e: { chunk: string }) => onChunk(e.chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', listen);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.takeHeapSnapshot', {});
      cdp.off('HeapProfiler.addHeapSnapshotChunk', listen);
    });
    files.push(file);
    return files;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
