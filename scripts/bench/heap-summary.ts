/**
 * What a `.heapsnapshot` holds, by kind of object: `npx tsx scripts/bench/heap-summary.ts FILE…`
 * prints, per file, the total self size and the 25 largest groups (node type and constructor or
 * string kind), with counts. For the bench's `BENCH_HEAP_SNAPSHOTS` files.
 */
import { readFile } from 'node:fs/promises';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: (string | string[])[] } };
  nodes: number[];
  strings: string[];
}

async function summarise(file: string): Promise<void> {
  const snap = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const groups = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt!]!]!;
    const size = snap.nodes[i + sizeAt!]!;
    total += size;
    // Strings grouped by kind, not by text; objects and the rest by constructor name.
    const name =
      type === 'string' || type === 'concatenated string' || type === 'sliced string'
        ? ''
        : snap.strings[snap.nodes[i + nameAt!]!]!;
    const key = `${type} ${name.slice(0, 60)}`;
    const g = groups.get(key) ?? { bytes: 0, count: 0 };
    g.bytes += size;
    g.count++;
    groups.set(key, g);
  }
  console.log(`${file}: ${(total / 1e6).toFixed(1)} MB in ${snap.nodes.length / width} objects`);
  for (const [key, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 25))
    console.log(`  ${(g.bytes / 1e6).toFixed(1).padStart(8)} MB ${String(g.count).padStart(9)}  ${key}`);
}

for (const file of process.argv.slice(2)) await summarise(file);
