import type { Clock, TimerHandle, Timers } from '../../src/core/monitoring';

/**
 * A clock and timers that move only when a test says so. `advance(ms)` runs every timer that
 * falls due, in time order, letting promises settle between them (a poll loop's next timer is
 * scheduled after its async task resolves).
 */
export class ManualClock implements Clock, Timers {
  private current: number;
  private seq = 0;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 10, 28, 14, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  after(ms: number, callback: () => void): TimerHandle {
    const id = ++this.seq;
    this.pending.set(id, { at: this.current + Math.max(0, ms), callback });
    return { cancel: () => void this.pending.delete(id) };
  }

  get timerCount(): number {
    return this.pending.size;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.pending.delete(next[0]);
      this.current = Math.max(this.current, next[1].at);
      next[1].callback();
    }
    this.current = target;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setImmediate(resolve));
}
