import { HttpTimeoutError } from './errors';

/**
 * One request's total deadline (connect + headers + body): an AbortSignal that fires exactly
 * at `timeoutMs` with an HttpTimeoutError, or earlier when the caller's own signal aborts.
 * undici aborts the request with the signal's reason and destroys the socket it was using
 * (undici 6 then opens one idle replacement connection in the pool, which the next request
 * reuses and HttpClient.close() ends: a hung socket is never kept).
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onOuterAbort = (): void => this.controller.abort(this.outer?.reason);

  constructor(
    url: string,
    timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
    this.timer = setTimeout(() => this.controller.abort(new HttpTimeoutError(url, timeoutMs)), timeoutMs);
    // A pending deadline alone never keeps the process alive (the request's socket does while it is open).
    this.timer.unref();
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The error to report: the timeout when the deadline fired (whatever undici threw), else `error` itself. */
  explain(error: unknown): unknown {
    const reason: unknown = this.controller.signal.reason;
    return reason instanceof HttpTimeoutError ? reason : error;
  }

  /** Clears the timer and the listener on the caller's signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
