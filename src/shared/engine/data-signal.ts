/**
 * The one change signal of the page: the grid engine's data version (it follows the change log
 * of every write, in this tab, another tab or a worker) and the minute (calling hours open and
 * close with the clock). Every screen that shows figures keys its questions on these two; no
 * other timer or watcher asks again, and none rebuilds anything.
 */
import * as Comlink from 'comlink';
import { useSyncExternalStore } from 'react';
import { gridWorker } from './grid-worker';

interface Signal {
  /** Bumps each time the engine applied a change (0 until the first). */
  version: number;
  /** Minutes since the epoch, moving on at each minute's start. */
  minute: number;
}

let signal: Signal = { version: 0, minute: Math.floor(Date.now() / 60_000) };
const listeners = new Set<() => void>();
let watching = false;
let timer: ReturnType<typeof setTimeout> | undefined;

function publish(next: Signal): void {
  signal = next;
  for (const l of listeners) l();
}

function tickAtNextMinute(): void {
  timer = setTimeout(
    () => {
      publish({ ...signal, minute: Math.floor(Date.now() / 60_000) });
      tickAtNextMinute();
    },
    60_000 - (Date.now() % 60_000) + 5,
  );
}

/** Listen to the signal; the returned function stops listening (the clock stops with the last listener). */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!watching) {
    watching = true;
    void gridWorker().onChange(Comlink.proxy((version: number) => publish({ ...signal, version })));
  }
  if (timer === undefined) tickAtNextMinute();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

const version = () => signal.version;
const minute = () => signal.minute;

/** The engine's data version: a new number after every applied change. */
export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, version, version);
}

/** The current minute, for "callable now" figures that move with calling hours. */
export function useMinute(): number {
  return useSyncExternalStore(subscribe, minute, minute);
}
