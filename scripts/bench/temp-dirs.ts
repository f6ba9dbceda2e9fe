/** Temporary browser profiles of the bench, removed even when the bench is interrupted. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const temporary = new Set<string>();
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.add(dir);
  return dir;
}
export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temporary.delete(dir);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}
