import type { Dispatcher } from 'undici';
import { requestText } from './requestText';
import type { HttpHeaders } from './requestText';

/** How much of a probed body is kept for keyword and JSON checks: far more than any health body needs. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface ProbeOptions {
  /** Total deadline, ms: a target that accepts and never answers fails at this time with HttpTimeoutError. */
  timeoutMs: number;
  headers?: HttpHeaders;
  method?: 'GET' | 'HEAD';
  /** Longer bodies are cut here (default 64 KiB); `truncated` says so. */
  maxBodyBytes?: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

export interface ProbeResult {
  status: number;
  headers: HttpHeaders;
  /** UTF-8 text, at most maxBodyBytes bytes of it. */
  body: string;
  truncated: boolean;
  /** Request sent → body read, performance.now() milliseconds. */
  latencyMs: number;
}

/**
 * One health probe: the raw outcome for the health model to judge (any status is a result, not
 * an error). Throws the transport failure as is (ECONNREFUSED, ECONNRESET, …) or HttpTimeoutError.
 */
export async function probeHttp(url: string, options: ProbeOptions): Promise<ProbeResult> {
  const response = await requestText(url, {
    method: options.method ?? 'GET',
    headers: options.headers,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    overflow: 'truncate',
    dispatcher: options.dispatcher,
    signal: options.signal,
  });
  return { status: response.status, headers: response.headers, body: response.text, truncated: response.truncated, latencyMs: response.latencyMs };
}
