interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Slot<T> {
  running: boolean;
  /** Settles when the slot's writes are all done; never rejects. */
  drained: Promise<void>;
  /** The latest value waiting to be written, and everyone waiting for it. */
  next: { value: T; waiters: Waiter[] } | undefined;
}

/**
 * Serialises writes per key and coalesces them: at most one write runs and at most one waits
 * per key; a newer value replaces the waiting one (the latest wins, intermediate states are
 * skipped), and every caller's promise settles when a value at least as new as theirs has been
 * written (or that write failed). The last value enqueued is always written.
 */
export class CoalescingWriteQueue<T> {
  private readonly slots = new Map<string, Slot<T>>();

  constructor(private readonly writeNow: (key: string, value: T) => Promise<void>) {}

  enqueue(key: string, value: T): Promise<void> {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { running: false, drained: Promise.resolve(), next: undefined }));
    const current = slot;
    const settled = new Promise<void>((resolve, reject) => {
      if (current.next) {
        current.next.value = value;
        current.next.waiters.push({ resolve, reject });
      } else {
        current.next = { value, waiters: [{ resolve, reject }] };
      }
    });
    if (!current.running) current.drained = this.drain(key, current);
    return settled;
  }

  /** Settles when every write enqueued so far (and any enqueued meanwhile) is done, failed ones included. */
  async idle(): Promise<void> {
    while (this.slots.size > 0) await Promise.all([...this.slots.values()].map((s) => s.drained));
  }

  private async drain(key: string, slot: Slot<T>): Promise<void> {
    slot.running = true;
    try {
      for (let job = slot.next; job; job = slot.next) {
        slot.next = undefined;
        try {
          await this.writeNow(key, job.value);
          for (const w of job.waiters) w.resolve();
        } catch (error) {
          for (const w of job.waiters) w.reject(error);
        }
      }
    } finally {
      slot.running = false;
      if (this.slots.get(key) === slot) this.slots.delete(key);
    }
  }
}
