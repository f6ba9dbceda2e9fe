/**
 * The file (or downloaded payload) an import session works on: its size checked before a
 * byte is read, its bytes hashed once (SHA-256, recorded on the batch), its real type sniffed
 * from its first bytes (whatever its name says), and its text decoded strictly per encoding,
 * cached so changing the delimiter does not decode again. A workbook's sheets are read once.
 */
import { sha256HexBytes } from '../domain/audit/audit-hash';
import { fileSizeProblem } from '../domain/import-export/cell-checks';
import { decodeStrict, detectEncoding, type Encoding, type EncodingGuess } from '../domain/import-export/encoding';
import { sniffFileType, type FileType } from '../domain/import-export/file-signature';
import { readWorkbookSheets, type Sheet } from './xlsx-sheets';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256HexBytes(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return bytesToHex(digest);
}

export type OpenResult =
  { ok: true; file: ImportFile } | { ok: false; problem: NonNullable<ReturnType<typeof fileSizeProblem>> };

export class ImportFile {
  private decoded: { encoding: Encoding; text: string | null } | null = null;
  private workbook: Promise<Sheet[] | null> | null = null;
  readonly guess: EncodingGuess;
  readonly type: FileType;

  private constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
    readonly sha256: string,
  ) {
    this.type = sniffFileType(bytes);
    // Only text needs an encoding: detecting one over a workbook or image decodes it for nothing.
    this.guess =
      this.type === 'text' || this.type === 'binary' ? detectEncoding(bytes) : { encoding: 'utf-8', bom: false };
    // UTF-16 text has a zero byte in every other position: that is text, not binary.
    if (this.type === 'binary' && this.guess.encoding.startsWith('utf-16')) this.type = sniffFileType(bytes, true);
  }

  /** Refuses an empty or oversized file before reading it. */
  static async open(file: FileLike): Promise<OpenResult> {
    const problem = fileSizeProblem(file.size);
    if (problem) return { ok: false, problem };
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { ok: true, file: new ImportFile(file.name, bytes, await sha256(bytes)) };
  }

  static async fromBytes(name: string, bytes: Uint8Array): Promise<ImportFile> {
    return new ImportFile(name, bytes, await sha256(bytes));
  }

  get size(): number {
    return this.bytes.length;
  }

  /** The sheets of an .xlsx workbook, or null when it cannot be read (damaged, or not really a workbook). */
  sheets(): Promise<Sheet[] | null> {
    this.workbook ??= readWorkbookSheets(this.bytes).catch(() => null);
    return this.workbook;
  }

  /** The text in `encoding`, or null when the bytes are not valid in it. */
  text(encoding: Encoding): string | null {
    if (this.decoded?.encoding !== encoding) {
      const r = decodeStrict(this.bytes, encoding);
      this.decoded = { encoding, text: r.ok ? r.text : null };
    }
    return this.decoded.text;
  }
}
