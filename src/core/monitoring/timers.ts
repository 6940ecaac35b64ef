/** Time as the monitor sees it: injected, so that tests drive it. */
export interface Clock {
  /** Unix milliseconds. */
  now(): number;
}

export interface TimerHandle {
  cancel(): void;
}

export interface Timers {
  /** Calls `callback` once after `ms` milliseconds unless cancelled. */
  after(ms: number, callback: () => void): TimerHandle;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Real timers. Unref'd: a monitor never keeps a process alive by itself. */
export const systemTimers: Timers = {
  after(ms, callback) {
    const handle = setTimeout(callback, Math.max(0, ms));
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  },
};
