/** Which character separates the columns: comma, semicolon (European Excel), tab or pipe. */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** False when no candidate splits the rows consistently (a single-column file, for one). */
  confident: boolean;
}

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/** Per record of the sample, how often each candidate occurs outside quotes. */
function countsPerRecord(text: string): number[][] {
  const records: number[][] = [];
  let counts = DELIMITERS.map(() => 0);
  let quoted = false;
  let blank = true;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (!blank) records.push(counts);
      counts = DELIMITERS.map(() => 0);
      blank = true;
      continue;
    } else if (!quoted) {
      const k = DELIMITERS.indexOf(c as Delimiter);
      if (k >= 0) counts[k]!++;
    }
    if (c.trim() !== '') blank = false;
  }
  // The sample may end inside the last record: count it only when it is the whole text.
  if (!blank && end === text.length) records.push(counts);
  return records;
}

/**
 * The candidate that occurs in the header and the same number of times in most records.
 * "1,5" in a semicolon file has commas, but not the same count on every line as the header.
 */
export function detectDelimiter(text: string): DelimiterGuess {
  const records = countsPerRecord(text);
  let best: { delimiter: Delimiter; score: number } | null = null;
  DELIMITERS.forEach((delimiter, k) => {
    const header = records[0]?.[k] ?? 0;
    if (header === 0) return;
    const agreeing = records.filter((r) => r[k] === header).length;
    // Agreement matters most; more columns breaks a tie (a tab file with commas in values).
    const score = agreeing / records.length + header / 1000;
    if (agreeing / records.length >= 0.8 && (!best || score > best.score)) best = { delimiter, score };
  });
  const found = best as { delimiter: Delimiter; score: number } | null;
  return found ? { delimiter: found.delimiter, confident: true } : { delimiter: ',', confident: false };
}
