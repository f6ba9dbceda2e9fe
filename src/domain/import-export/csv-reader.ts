/**
 * Reading CSV rows with their file line numbers, a chunk at a time (so a worker can report
 * progress and be cancelled between chunks). papaparse does the tokenising; this adds what a
 * data steward needs: the line each row starts on, blank lines skipped (no phantom rows),
 * stray quotes flagged, and an unbalanced quote reported as a file error with its line.
 * Every cell stays text: nothing is typed as a number, so leading zeros survive.
 */
import Papa from 'papaparse';
import type { Delimiter } from './delimiter';
import { countLineBreaks, prepareLineEndings } from './line-endings';

export interface CsvRow {
  /** 1-based line of the file on which the row starts. */
  line: number;
  cells: string[];
  /** A quote inside a field that CSV quoting does not explain; the row is kept as read. */
  strayQuote?: true;
}

export interface CsvFileError {
  code: 'unbalanced-quote';
  line: number;
}

/** True when `raw` (one record as written) has a quote that is not proper CSV quoting. */
export function hasStrayQuote(raw: string, delimiter: string): boolean {
  let i = 0;
  const n = raw.length;
  const endOfField = (c: string | undefined) => c === undefined || c === delimiter || c === '\n' || c === '\r';
  while (i <= n) {
    if (raw[i] === '"') {
      i++;
      for (;;) {
        const q = raw.indexOf('"', i);
        if (q < 0) return true;
        if (raw[q + 1] === '"') {
          i = q + 2;
          continue;
        }
        if (!endOfField(raw[q + 1])) return true;
        i = q + 1;
        break;
      }
    } else {
      while (!endOfField(raw[i])) {
        if (raw[i] === '"') return true;
        i++;
      }
    }
    if (raw[i] === '\r' || raw[i] === '\n' || i >= n) return false;
    i++;
  }
  return false;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** Rows of one CSV text, read in chunks. */
export class CsvReader {
  readonly length: number;
  private readonly text: string;
  private parser: Papa.Parser | null = null;
  private buffer: CsvRow[] = [];
  private want = 0;
  private line = 1;
  private cursor = 0;
  private finished = false;
  fileError: CsvFileError | null = null;

  constructor(
    text: string,
    private readonly delimiter: Delimiter,
  ) {
    const prepared = prepareLineEndings(text);
    this.text = prepared.text;
    this.length = prepared.text.length;
    this.newline = prepared.newline;
  }

  private readonly newline: '\r\n' | '\n' | '\r';

  /** Characters consumed so far (for progress). */
  get position(): number {
    return this.cursor;
  }

  get done(): boolean {
    return this.finished && this.buffer.length === 0;
  }

  /** Up to `max` further non-blank rows; fewer (or none) at the end of the file or at a file error. */
  read(max: number): CsvRow[] {
    if (this.finished || this.fileError) return this.take(max);
    this.want = max;
    if (!this.parser) {
      Papa.parse<string[]>(this.text, {
        delimiter: this.delimiter,
        newline: this.newline,
        quoteChar: '"',
        escapeChar: '"',
        dynamicTyping: false,
        skipEmptyLines: false,
        step: (result, parser) => this.onStep(result, parser),
        complete: () => {
          this.finished = true;
        },
      });
    } else if (this.buffer.length < max) {
      this.parser.resume();
    }
    return this.take(max);
  }

  private take(max: number): CsvRow[] {
    return this.buffer.splice(0, max);
  }

  private onStep(result: Papa.ParseStepResult<string[]>, parser: Papa.Parser): void {
    this.parser = parser;
    const cells = result.data;
    const start = this.cursor;
    const line = this.line;
    this.cursor = result.meta.cursor;
    let breaks = 1;
    let quoteInCell = false;
    for (const cell of cells) {
      if (cell.includes('\n') || cell.includes('\r')) breaks += countLineBreaks(cell);
      if (cell.includes('"')) quoteInCell = true;
    }
    this.line += breaks;
    const missing = result.errors.find((e) => e.code === 'MissingQuotes');
    if (missing) {
      this.fileError = { code: 'unbalanced-quote', line };
      this.finished = true;
      parser.abort();
      return;
    }
    if (!isBlank(cells)) {
      const invalid = result.errors.some((e) => e.code === 'InvalidQuotes');
      const stray = invalid || (quoteInCell && hasStrayQuote(this.text.slice(start, this.cursor), this.delimiter));
      this.buffer.push(stray ? { line, cells, strayQuote: true } : { line, cells });
    }
    if (this.buffer.length >= this.want) parser.pause();
  }
}
