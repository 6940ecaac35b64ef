/** Errors of the Prometheus HTTP API client. Transport failures are src/infra/http's (HttpTimeoutError, …). */

/**
 * Prometheus answered `{"status":"error","errorType":…,"error":…}`. errorType is Prometheus's:
 * `bad_data` (HTTP 400, e.g. a PromQL syntax error), `execution` (422), `timeout`, `canceled`,
 * `unavailable` (503), `internal` (500), `not_found` (404).
 */
export class PrometheusQueryError extends Error {
  override readonly name = 'PrometheusQueryError';

  constructor(
    readonly errorType: string,
    /** Prometheus's own message. */
    readonly detail: string,
    readonly httpStatus: number,
    readonly warnings: readonly string[] = [],
  ) {
    super(`Prometheus query failed (${errorType}): ${detail}`);
  }
}

/** The answer is not a Prometheus API envelope (not JSON, an HTML error page from a proxy, an unknown shape). */
export class PrometheusResponseError extends Error {
  override readonly name = 'PrometheusResponseError';

  constructor(
    message: string,
    readonly httpStatus: number,
    /** The start of the body, for the message shown to people. */
    readonly excerpt: string,
  ) {
    super(message);
  }
}

export type QueryRangeProblem = 'tooManyPoints' | 'endBeforeStart' | 'invalidStep';

/** A range query Prometheus would refuse, refused here before sending (same rules as Prometheus's API). */
export class QueryRangeError extends RangeError {
  override readonly name = 'QueryRangeError';

  constructor(
    readonly problem: QueryRangeProblem,
    message: string,
    /** tooManyPoints: ⌊(end − start) / step⌋ as Prometheus computes it. */
    readonly points?: number,
  ) {
    super(message);
  }
}

/** singleValue() was given a result that is not one number (several series, a matrix, a string). */
export class UnexpectedResultError extends Error {
  override readonly name = 'UnexpectedResultError';
}
