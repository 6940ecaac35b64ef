import { HttpClient } from '../http';
import { checkQueryRange } from './queryRangeLimits';
import { parseQueryResponse } from './parseResponse';
import type { MatrixResult, QueryResult, TimeInput } from './types';
import { PrometheusResponseError } from './errors';

export interface PrometheusClientOptions {
  /** Prometheus's base URL, e.g. http://127.0.0.1:9090 (a path prefix is kept). */
  url: string;
  /** Shared transport; when omitted the client makes its own and close() closes it. */
  http?: HttpClient;
  /** Per-query deadline, ms (default 30 000); also sent as Prometheus's own `timeout` parameter. */
  timeoutMs?: number;
  /** Extra headers (e.g. Authorization). */
  headers?: Readonly<Record<string, string>>;
  /** Form-encoded POST (default: no URL length limit) or GET; Prometheus accepts both. */
  method?: 'POST' | 'GET';
  /** Larger answers fail with ResponseTooLargeError (default 32 MiB). */
  maxResponseBytes?: number;
}

export interface QueryOptions {
  /** Evaluation time (default: Prometheus's now). */
  time?: TimeInput;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type RangeQueryOptions = Omit<QueryOptions, 'time'>;

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

function toMillis(time: TimeInput): number {
  return time instanceof Date ? time.getTime() : time * 1000;
}

/** Prometheus accepts Unix seconds with a fraction; it keeps millisecond precision. */
function formatTime(time: TimeInput): string {
  return String(Math.round(toMillis(time)) / 1000);
}

/**
 * A client of the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`) over undici.
 * Values come back as numbers ("NaN", "+Inf" included); an empty vector stays empty (no data,
 * never zero); `status: "error"` becomes PrometheusQueryError with Prometheus's errorType.
 */
export class PrometheusClient {
  private readonly http: HttpClient;
  private readonly ownsHttp: boolean;
  private readonly base: string;

  constructor(private readonly options: PrometheusClientOptions) {
    this.base = options.url.endsWith('/') ? options.url : `${options.url}/`;
    this.ownsHttp = options.http === undefined;
    this.http = options.http ?? new HttpClient();
  }

  /** An instant query: `GET|POST /api/v1/query`. */
  query(promql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const params: Record<string, string> = { query: promql };
    if (options.time !== undefined) params.time = formatTime(options.time);
    return this.send('api/v1/query', params, options);
  }

  /**
   * A range query: `GET|POST /api/v1/query_range`, start and end in Unix seconds (or Dates).
   * Ranges Prometheus would refuse (over 11,000 points per series, …) throw QueryRangeError
   * without sending anything.
   */
  async queryRange(promql: string, start: TimeInput, end: TimeInput, stepSeconds: number, options: RangeQueryOptions = {}): Promise<MatrixResult> {
    checkQueryRange(toMillis(start), toMillis(end), stepSeconds);
    const result = await this.send('api/v1/query_range', { query: promql, start: formatTime(start), end: formatTime(end), step: String(stepSeconds) }, options);
    if (result.resultType !== 'matrix') {
      throw new PrometheusResponseError(`a range query answered a ${result.resultType}, not a matrix`, 200, '');
    }
    return result;
  }

  /** Closes the transport when the client made it itself. */
  async close(): Promise<void> {
    if (this.ownsHttp) await this.http.close();
  }

  private async send(path: string, params: Record<string, string>, options: RangeQueryOptions): Promise<QueryResult> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const form = new URLSearchParams({ ...params, timeout: String(timeoutMs / 1000) }).toString();
    const url = new URL(path, this.base);
    const post = (this.options.method ?? 'POST') === 'POST';
    if (!post) url.search = form;
    const response = await this.http.request(url.toString(), {
      method: post ? 'POST' : 'GET',
      headers: {
        accept: 'application/json',
        ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...this.options.headers,
      },
      body: post ? form : undefined,
      timeoutMs,
      maxBytes: this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      overflow: 'reject',
      signal: options.signal,
    });
    return parseQueryResponse(response.status, response.text);
  }
}
