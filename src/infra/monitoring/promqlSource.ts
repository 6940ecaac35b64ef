import type { Clock, MetricsPort, MetricsReading } from '../../core/monitoring';
import type { PrometheusClient } from '../prometheus';
import { singleValue } from '../prometheus';

/**
 * Asks a Prometheus server for the environment's metrics with the PromQL the runbook gives
 * (`environments.<name>.promql: { error_rate: "…", response_time_p95: "…" }`). Each query must
 * return one value in the metric's canonical unit (a ratio for rates, milliseconds for
 * latencies, bytes for memory). An empty result is no data, not zero. One failing query fails
 * the reading, with the query's name and Prometheus' own error.
 */
export class PromqlMetricsSource implements MetricsPort {
  readonly name = 'prometheus' as const;

  constructor(
    private readonly client: PrometheusClient,
    private readonly queries: Readonly<Record<string, string>>,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {}

  async read(signal: AbortSignal): Promise<MetricsReading> {
    const custom: Record<string, number | undefined> = {};
    await Promise.all(
      Object.entries(this.queries).map(async ([metric, promql]) => {
        try {
          custom[metric] = singleValue(await this.client.query(promql, { timeoutMs: this.timeoutMs, signal }));
        } catch (error) {
          throw new Error(`PromQL for ${metric} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    return { at: this.clock.now(), restarted: false, custom };
  }
}
