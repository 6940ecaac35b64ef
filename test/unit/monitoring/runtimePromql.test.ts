import * as assert from 'node:assert/strict';
import type { Clock } from '../../../src/core/monitoring';
import { HttpClient } from '../../../src/infra/http';
import { PromqlMetricsSource } from '../../../src/infra/monitoring/promqlSource';
import { PrometheusClient, singleValue } from '../../../src/infra/prometheus';
import { findPrometheus, startPrometheus } from '../../support/prometheus';
import type { RunningPrometheus } from '../../support/prometheus';
import { startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { waitUntil } from '../http/helpers';

const ERROR_RATIO = 0.25;
const ERROR_RATE = 'sum(rate(http_requests_total{status=~"5.."}[10s])) / sum(rate(http_requests_total[10s]))';
const AT = Date.UTC(2026, 10, 28, 14, 0, 0);
const clock: Clock = { now: () => AT };

describe('PromqlMetricsSource against a real Prometheus', function () {
  this.timeout(60_000);
  let svc: TestService | undefined;
  let prometheus: RunningPrometheus | undefined;
  let http: HttpClient;
  let client: PrometheusClient;
  const signal = (): AbortSignal => new AbortController().signal;

  before(async function () {
    if (!findPrometheus()) {
      console.warn("    skipped: prometheus is not on PATH — install Debian's prometheus package (apt-get install prometheus)");
      this.skip();
    }
    svc = await startTestService({ trafficPerSecond: 40, fault: { mode: 'error500', errorRatio: ERROR_RATIO } });
    prometheus = await startPrometheus({ scrapeTargets: [`127.0.0.1:${svc.port}`], scrapeIntervalSeconds: 1 });
    http = new HttpClient();
    client = new PrometheusClient({ url: prometheus.url, http });
    // rate() over 10 s needs two samples of each series in the window; wait until the ratio has one.
    await waitUntil('Prometheus has two scrapes with traffic', async () => singleValue(await client.query(ERROR_RATE)) !== undefined, 20_000);
  });

  after(async () => {
    await http?.close();
    await prometheus?.stop();
    await svc?.close();
  });

  it('error_rate from rate() of the request counters ≈ the service\'s errorRatio', async () => {
    const source = new PromqlMetricsSource(client, { error_rate: ERROR_RATE }, 5000, clock);
    const reading = await source.read(signal());
    assert.equal(source.name, 'prometheus');
    assert.equal(reading.at, AT);
    assert.equal(reading.restarted, false);
    const value = reading.custom?.['error_rate'];
    assert.ok(value !== undefined && Math.abs(value - ERROR_RATIO) < 0.02, `error_rate ${value}`);
    // PromQL readings carry only their custom values: the counters stay with the scrape source.
    assert.equal(reading.requests, undefined);
    assert.equal(reading.errorRate, undefined);
  });

  it('an empty result is no data: the metric is there, undefined, and the others still read', async () => {
    const source = new PromqlMetricsSource(
      client,
      { error_rate: ERROR_RATE, queue_depth: 'sum(rate(no_such_metric_total[10s]))', request_rate: 'sum(rate(http_requests_total[10s]))' },
      5000,
      clock,
    );
    const reading = await source.read(signal());
    assert.ok(reading.custom && 'queue_depth' in reading.custom);
    assert.equal(reading.custom?.['queue_depth'], undefined);
    assert.ok((reading.custom?.['request_rate'] ?? 0) > 0);
    assert.ok(reading.custom?.['error_rate'] !== undefined);
  });

  it('a bad query fails the reading with a message naming the metric and Prometheus\'s error', async () => {
    const source = new PromqlMetricsSource(client, { error_rate: ERROR_RATE, response_time_p95: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[10s]))' }, 5000, clock);
    await assert.rejects(source.read(signal()), (error: Error) => {
      assert.match(error.message, /^PromQL for response_time_p95 failed: /);
      assert.match(error.message, /parse error/i);
      return true;
    });
  });

  it('a query that returns several series fails naming the metric (aggregate it)', async () => {
    const source = new PromqlMetricsSource(client, { request_rate: 'rate(http_requests_total[10s])' }, 5000, clock);
    await assert.rejects(source.read(signal()), /^Error: PromQL for request_rate failed: the query returned \d+ series where one number was expected/);
  });
});
