/** Why a row was not imported, with where it is in the file: the steward's report. */

export interface Rejection {
  /** 1-based file line (or record number of a JSON array). */
  line: number;
  /** The column's header (or the JSON field's path); empty when the whole row is at fault. */
  column: string;
  /** A code with a text in both languages (`import.reason.<code>`). */
  reason: string;
  /** The offending value, cut to a readable length. */
  value: string;
}

const MAX_VALUE_CHARS = 200;

export function rejection(line: number, column: string, reason: string, value = ''): Rejection {
  return {
    line,
    column,
    reason,
    value: value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value,
  };
}
