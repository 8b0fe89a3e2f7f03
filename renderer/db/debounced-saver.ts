/**
 * Saving while typing: at most one write per burst, never more than `maxWaitMs` behind the
 * first unsaved change, and `flush()` for blur / window close.
 */

export interface DebouncedSaver<T> {
  /** Remembers `value` as the latest to save; the write happens later. */
  schedule(value: T): void;
  /**
   * Writes the pending value now (if any) and waits for every write started so far. Rejects
   * when the write it started fails (the value then stays pending for the next flush).
   */
  flush(): Promise<void>;
  /** Drops the pending value without writing it. */
  cancel(): void;
  /** True while a value is waiting to be written. */
  readonly pending: boolean;
}

export interface DebouncedSaverOptions {
  /** Write after this long without a new value. Default 150 ms. */
  idleMs?: number;
  /** Write at the latest this long after the first unsaved value, even while typing goes on. Default 300 ms. */
  maxWaitMs?: number;
  /** Failures of timer-started writes (flush rejects instead). Default: console.error. */
  onError?: (error: unknown) => void;
}

/**
 * Debounces `save`. Writes run one at a time in order, so an older value never lands after a
 * newer one.
 */
export function createDebouncedSaver<T>(save: (value: T) => Promise<void>, options: DebouncedSaverOptions = {}): DebouncedSaver<T> {
  const idleMs = options.idleMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 300;
  const onError = options.onError ?? ((e: unknown) => console.error('保存失败', e));
  let latest: T | undefined;
  let hasPending = false;
  let firstPendingAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Starts writing the pending value; the returned promise rejects if that write fails. */
  const write = (): Promise<void> => {
    clearTimer();
    if (!hasPending) return queue;
    const value = latest as T;
    hasPending = false;
    latest = undefined;
    const run = queue.then(() => save(value));
    queue = run.catch((e) => {
      // Keep the failed value unless something newer is already waiting.
      if (!hasPending) {
        latest = value;
        hasPending = true;
        firstPendingAt = Date.now();
      }
      throw e;
    }).catch(() => undefined);
    return run;
  };

  return {
    schedule(value) {
      const t = Date.now();
      if (!hasPending) firstPendingAt = t;
      latest = value;
      hasPending = true;
      clearTimer();
      const delay = Math.max(0, Math.min(idleMs, firstPendingAt + maxWaitMs - t));
      timer = setTimeout(() => {
        write().catch(onError);
      }, delay);
    },
    async flush() {
      const started = write();
      await started;
      await queue;
    },
    cancel() {
      clearTimer();
      hasPending = false;
      latest = undefined;
    },
    get pending() {
      return hasPending;
    },
  };
}
