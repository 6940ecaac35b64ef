import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { probeHttp } from './probeHttp';
import type { ProbeOptions, ProbeResult } from './probeHttp';
import { requestText } from './requestText';
import type { TextRequestOptions, TextResponse } from './requestText';
import { scrapeText } from './scrapeText';
import type { ScrapeOptions, ScrapeResult } from './scrapeText';

export interface HttpClientOptions {
  /** Open connections per origin at most (default 2: a probe and a scrape). */
  connectionsPerOrigin?: number;
  /** How long an idle keep-alive connection is kept, ms (default 4000, under Node servers' 5 s). */
  keepAliveTimeoutMs?: number;
}

/**
 * One monitor's HTTP transport: a keep-alive undici Agent with bounded connections, shared by
 * its probes, scrapes and Prometheus queries. close() aborts what is in flight and closes every
 * socket; the client is unusable afterwards.
 */
export class HttpClient {
  readonly dispatcher: Dispatcher;
  private closing: Promise<void> | undefined;

  constructor(options: HttpClientOptions = {}) {
    this.dispatcher = new Agent({
      connections: options.connectionsPerOrigin ?? 2,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4000,
      pipelining: 1,
    });
  }

  probe(url: string, options: Omit<ProbeOptions, 'dispatcher'>): Promise<ProbeResult> {
    return probeHttp(url, { ...options, dispatcher: this.dispatcher });
  }

  scrape(url: string, options: Omit<ScrapeOptions, 'dispatcher'>): Promise<ScrapeResult> {
    return scrapeText(url, { ...options, dispatcher: this.dispatcher });
  }

  request(url: string, options: Omit<TextRequestOptions, 'dispatcher'>): Promise<TextResponse> {
    return requestText(url, { ...options, dispatcher: this.dispatcher });
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  /** Idempotent. In-flight requests reject (undici's ClientDestroyedError). */
  close(): Promise<void> {
    this.closing ??= this.dispatcher.destroy();
    return this.closing;
  }
}
