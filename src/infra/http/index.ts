/**
 * HTTP transport for monitoring (undici, no VS Code): health probes, /metrics scrapes and the
 * text requests the Prometheus client makes. Raw results only: judging them is src/core's job.
 */
export { HttpClient } from './httpClient';
export type { HttpClientOptions } from './httpClient';
export { probeHttp, DEFAULT_MAX_BODY_BYTES } from './probeHttp';
export type { ProbeOptions, ProbeResult } from './probeHttp';
export { scrapeText, DEFAULT_MAX_SCRAPE_BYTES, SCRAPE_ACCEPT } from './scrapeText';
export type { ScrapeOptions, ScrapeResult } from './scrapeText';
export { requestText } from './requestText';
export type { HttpHeaders, TextRequestOptions, TextResponse } from './requestText';
export { HttpTimeoutError, ResponseTooLargeError } from './errors';
