/** Errors the HTTP layer raises itself; every other failure is undici's or Node's own error, passed through. */

/**
 * The request did not complete (headers and body) within its deadline. Named `TimeoutError`
 * like the DOMException of `AbortSignal.timeout()` (what fetch rejects with) and coded
 * `ETIMEDOUT` like Node's socket timeouts, so either check identifies it.
 */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';

  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`request to ${url} timed out after ${timeoutMs} ms`);
  }
}

/** The response body is larger than the caller accepts (declared by content-length, or counted while reading). */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  readonly code = 'ERR_RESPONSE_TOO_LARGE';

  constructor(
    readonly url: string,
    readonly maxBytes: number,
    /** The declared content-length, when the server sent one. */
    readonly declaredBytes?: number,
  ) {
    super(
      declaredBytes === undefined
        ? `response from ${url} is larger than the ${maxBytes}-byte limit`
        : `response from ${url} is ${declaredBytes} bytes, over the ${maxBytes}-byte limit`,
    );
  }
}
