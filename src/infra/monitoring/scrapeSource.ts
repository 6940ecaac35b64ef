import { classifyNodeError } from '../../core/health';
import type { DerivedMetrics, ScrapeSnapshot } from '../../core/metrics';
import { deriveHttpMetrics, parseExposition } from '../../core/metrics';
import type { Clock, MetricsPort, MetricsReading } from '../../core/monitoring';
import type { HttpClient, ScrapeResult } from '../http';

/**
 * Scrapes a Prometheus text endpoint (`/metrics`) and derives, between this scrape and the one
 * before, request and error increases, error rate, p95/p99 (histogram_quantile over the bucket
 * increases) and memory. A scrape that fails, answers non-2xx or is not exposition text throws
 * with a message naming the URL (and the first malformed line); malformed lines inside an
 * otherwise good scrape are skipped, as Prometheus' parser does not.
 */
export class ScrapeMetricsSource implements MetricsPort {
  readonly name = 'metrics' as const;
  private previous: ScrapeSnapshot | undefined;

  constructor(
    private readonly url: string,
    private readonly http: HttpClient,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {}

  async read(signal: AbortSignal): Promise<MetricsReading> {
    let response: ScrapeResult;
    try {
      response = await this.http.scrape(this.url, { timeoutMs: this.timeoutMs, signal });
    } catch (error) {
      // The HTTP layer's own errors (timeout, too large) name the URL; Node's and undici's
      // ("connect ECONNREFUSED 127.0.0.1:9100") do not, and the source's status shows only the message.
      if (signal.aborted || (error instanceof Error && error.message.includes(this.url))) throw error;
      throw new Error(`scrape of ${this.url} failed: ${classifyNodeError(error, { url: this.url }).message}`, { cause: error });
    }
    if (response.status < 200 || response.status > 299) throw new Error(`${this.url} answered HTTP ${response.status}`);
    const parsed = parseExposition(response.text);
    if (parsed.families.size === 0) {
      const first = parsed.errors[0];
      throw new Error(`${this.url} is not Prometheus exposition text${first ? `: ${first.message}` : ' (no metric in it)'}`);
    }
    const at = this.clock.now();
    const current: ScrapeSnapshot = { at, families: parsed.families };
    const derived = deriveHttpMetrics(this.previous, current, {});
    const spanSeconds = this.previous ? (at - this.previous.at) / 1000 : undefined;
    this.previous = current;
    return readingOf(at, derived, spanSeconds);
  }
}

function readingOf(at: number, derived: DerivedMetrics, spanSeconds: number | undefined): MetricsReading {
  const requests = derived.requestRate !== undefined && spanSeconds !== undefined ? Math.round(derived.requestRate * spanSeconds * 1e6) / 1e6 : undefined;
  const errors = requests !== undefined && derived.errorRate !== undefined ? Math.round(derived.errorRate * requests * 1e6) / 1e6 : requests === 0 ? 0 : undefined;
  return {
    at,
    ...(requests !== undefined ? { requests } : {}),
    ...(errors !== undefined ? { errors } : {}),
    ...(spanSeconds !== undefined ? { spanSeconds } : {}),
    ...(derived.requestRate !== undefined ? { requestRate: derived.requestRate } : {}),
    ...(derived.errorRate !== undefined ? { errorRate: derived.errorRate } : {}),
    ...(derived.latencyP95Ms !== undefined ? { latencyP95Ms: derived.latencyP95Ms } : {}),
    ...(derived.latencyP99Ms !== undefined ? { latencyP99Ms: derived.latencyP99Ms } : {}),
    ...(derived.residentMemoryBytes !== undefined ? { residentMemoryBytes: derived.residentMemoryBytes } : {}),
    restarted: derived.counterReset,
  };
}
