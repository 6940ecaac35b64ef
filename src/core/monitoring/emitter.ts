/** A minimal typed event emitter for core code (which cannot use vscode.EventEmitter). */
export type Listener<T> = (event: T) => void;

export interface Subscription {
  dispose(): void;
}

export class Emitter<T> {
  private listeners = new Set<Listener<T>>();

  /** Subscribes; dispose the result to unsubscribe. */
  readonly event = (listener: Listener<T>): Subscription => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  /** Calls every listener; one that throws does not stop the others (the error goes to `onError`). */
  fire(event: T, onError?: (error: unknown) => void): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        onError?.(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  dispose(): void {
    this.listeners.clear();
  }
}
