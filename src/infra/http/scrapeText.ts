import type { Dispatcher } from 'undici';
import { requestText } from './requestText';
import type { HttpHeaders } from './requestText';

export const DEFAULT_MAX_SCRAPE_BYTES = 10 * 1024 * 1024;

/**
 * The text exposition format 0.0.4 only (no OpenMetrics, no protobuf): what the metrics parser
 * reads. Prometheus sends the same media type, with others preferred, in its own scrape Accept header.
 */
export const SCRAPE_ACCEPT = 'text/plain;version=0.0.4;q=1,*/*;q=0.1';

export interface ScrapeOptions {
  /** Total deadline, ms (also sent as X-Prometheus-Scrape-Timeout-Seconds, as Prometheus does). */
  timeoutMs: number;
  /** Larger bodies fail with ResponseTooLargeError (default 10 MiB). */
  maxBytes?: number;
  headers?: HttpHeaders;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

export interface ScrapeResult {
  status: number;
  /** The Content-Type header, '' when absent. */
  contentType: string;
  text: string;
  latencyMs: number;
}

/** Fetches a /metrics page as text for the exposition parser; any status is returned, not thrown. */
export async function scrapeText(url: string, options: ScrapeOptions): Promise<ScrapeResult> {
  const response = await requestText(url, {
    headers: {
      accept: SCRAPE_ACCEPT,
      'x-prometheus-scrape-timeout-seconds': String(options.timeoutMs / 1000),
      ...options.headers,
    },
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_SCRAPE_BYTES,
    overflow: 'reject',
    dispatcher: options.dispatcher,
    signal: options.signal,
  });
  return { status: response.status, contentType: response.headers['content-type'] ?? '', text: response.text, latencyMs: response.latencyMs };
}
