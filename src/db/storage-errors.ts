/**
 * "The browser's storage is full" as one typed error. IndexedDB reports a full quota in several
 * shapes: a `QuotaExceededError` DOMException on a request, or — in Chromium, which checks quota
 * when a transaction commits — a transaction that aborts after every request in it succeeded.
 * Dexie then rejects the transaction's promise with an `AbortError` whose `inner` is the
 * `QuotaExceededError` (a bulk call may also carry it in `failures`). This is why only a
 * transaction's own promise may report a write as saved (DESIGN.md §7): a `bulkAdd` inside it
 * can resolve and the commit still fail.
 *
 * Errors cross worker boundaries (comlink) as plain `Error`s that keep `name` and `message`, so
 * the screens recognise a full disk by name, never by class.
 */
export const STORAGE_FULL = 'StorageFullError';

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('storage-full', { cause });
    this.name = STORAGE_FULL;
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** Whether `e` (or anything it wraps) is the browser refusing to store more. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as ErrorLike;
  if (err.name === 'QuotaExceededError' || err.name === STORAGE_FULL) return true;
  // A Dexie error that crossed a worker boundary lost `inner` but kept it in its message.
  if (err.name === 'AbortError' && typeof err.message === 'string' && err.message.startsWith('QuotaExceededError'))
    return true;
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true;
  return Array.isArray(err.failures) && err.failures.some((f) => isQuotaError(f, depth + 1));
}

/**
 * A failed write as a screen must tell it: `storageFull` when the browser refused to store more
 * (the screen shows its storage-full alert), otherwise the write's own `error`, for the form to
 * show where it belongs. Never both: a full disk says nothing about the input, so it must not
 * surface as a field error or as a raw "QuotaExceededError".
 */
export function splitWriteError<E>(error: E | null | undefined): { storageFull: boolean; error: E | null } {
  if (error === null || error === undefined) return { storageFull: false, error: null };
  return isQuotaError(error) ? { storageFull: true, error: null } : { storageFull: false, error };
}

/** `e` as a StorageFullError when it is a quota error, else `e` unchanged. */
export function toStorageError(e: unknown): unknown {
  return isQuotaError(e) && !(e instanceof StorageFullError) ? new StorageFullError(e) : e;
}

/** Rethrow `e`, typed when it is a quota error: `promise.catch(rethrowStorageError)`. */
export function rethrowStorageError(e: unknown): never {
  throw toStorageError(e);
}
