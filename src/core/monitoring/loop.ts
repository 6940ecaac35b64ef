import type { TimerHandle, Timers } from './timers';

/**
 * Runs an async task again and again, scheduling the next run only when the previous one has
 * settled: never two runs of one task in flight (Uptime Kuma's rule for health checks). The task
 * returns the delay before its next run. `stop()` cancels the pending timer and aborts the run in
 * flight through its signal; nothing is left behind.
 */
export class PollLoop {
  private timer: TimerHandle | undefined;
  private controller: AbortController | undefined;
  private running = false;
  private stopped = true;
  private runs = 0;

  constructor(
    private readonly timers: Timers,
    private readonly task: (signal: AbortSignal) => Promise<number>,
    private readonly onError: (error: unknown) => number,
  ) {}

  /** Starts the loop; the first run happens after `initialDelayMs`. */
  start(initialDelayMs = 0): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(initialDelayMs);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }

  get active(): boolean {
    return !this.stopped;
  }

  /** True while a run is in flight. */
  get busy(): boolean {
    return this.running;
  }

  get completedRuns(): number {
    return this.runs;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = this.timers.after(delayMs, () => {
      this.timer = undefined;
      void this.runOnce();
    });
  }

  private async runOnce(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    const controller = new AbortController();
    this.controller = controller;
    let delay: number;
    try {
      delay = await this.task(controller.signal);
    } catch (error) {
      delay = this.stopped ? 0 : this.onError(error);
    } finally {
      this.running = false;
      if (this.controller === controller) this.controller = undefined;
      this.runs++;
    }
    this.schedule(delay);
  }
}
