/** The `leak` fault: memory retained at a steady rate, really resident (the buffers are written to). */

const TICK_MS = 100;

export class MemoryLeak {
  private retained: Buffer[] = [];
  private timer: NodeJS.Timeout | undefined;
  private bytes = 0;

  /** @param maxBytes a safety cap: the leak stops growing there. */
  constructor(private readonly maxBytes: number) {}

  get retainedBytes(): number {
    return this.bytes;
  }

  /** Starts (or changes the rate of) the leak. */
  start(bytesPerSecond: number): void {
    this.stop();
    const perTick = Math.round((bytesPerSecond * TICK_MS) / 1000);
    if (perTick <= 0) return;
    this.timer = setInterval(() => {
      const size = Math.min(perTick, this.maxBytes - this.bytes);
      if (size <= 0) return;
      // fill() touches every page, so the resident set really grows.
      this.retained.push(Buffer.allocUnsafe(size).fill(0xa5));
      this.bytes += size;
    }, TICK_MS);
    this.timer.unref();
  }

  /** Stops growing; what was retained stays retained (a leak does not heal by itself). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Frees everything retained (what a process restart does). */
  release(): void {
    this.retained = [];
    this.bytes = 0;
  }
}
