/**
 * A GB18030 encoder for test files. Browsers and Node decode GB18030 but `TextEncoder` only
 * writes UTF-8, and iconv-lite is not a dependency: so the table is built by decoding every
 * two-byte GBK sequence once and inverting it. Characters outside the two-byte table (rare
 * ideographs, emoji) throw: test data should not need them.
 */
let table: Map<string, [number, number]> | null = null;

function buildTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // not a character in this position
      }
    }
  }
  return map;
}

/** `text` as GB18030 bytes. */
export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
    out.push(pair[0], pair[1]);
  }
  return new Uint8Array(out);
}
