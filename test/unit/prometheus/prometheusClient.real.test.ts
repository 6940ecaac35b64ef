import * as assert from 'node:assert/strict';
import { HttpClient } from '../../../src/infra/http';
import {
  MAX_RANGE_POINTS,
  PrometheusClient,
  PrometheusQueryError,
  QueryRangeError,
  isEmptyResult,
  parseQueryResponse,
  singleValue,
} from '../../../src/infra/prometheus';
import type { QueryResult } from '../../../src/infra/prometheus';
import { findPrometheus, freeLoopbackPort, startPrometheus } from '../../support/prometheus';
import type { RunningPrometheus } from '../../support/prometheus';
import { startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { waitUntil } from '../http/helpers';

const ERROR_RATIO = 0.25;
const VERSION = '2.3.4';

function vector(result: QueryResult): Extract<QueryResult, { resultType: 'vector' }> {
  assert.equal(result.resultType, 'vector');
  return result;
}

describe('PrometheusClient against a real Prometheus', function () {
  this.timeout(60_000);
  let svc: TestService;
  let prometheus: RunningPrometheus | undefined;
  let client: PrometheusClient;
  let job: string;

  before(async function () {
    if (!findPrometheus()) {
      // These tests need a real Prometheus server; CI installs Debian's package.
      console.warn('    skipped: prometheus is not on PATH — install Debian\'s prometheus package (apt-get install prometheus)');
      this.skip();
    }
    svc = await startTestService({ version: VERSION, trafficPerSecond: 40, fault: { mode: 'error500', errorRatio: ERROR_RATIO } });
    prometheus = await startPrometheus({ scrapeTargets: [`127.0.0.1:${svc.port}`], scrapeIntervalSeconds: 1 });
    job = prometheus.jobName;
    client = new PrometheusClient({ url: prometheus.url, timeoutMs: 5000 });
    // Four scrapes of a healthy target: enough samples for rate() over 15 s.
    await waitUntil(
      'Prometheus has scraped the test service 4 times',
      async () => (singleValue(await client.query(`sum(sum_over_time(up{job="${job}"}[1m]))`)) ?? 0) >= 4,
      20_000,
    );
  });

  after(async () => {
    await client?.close();
    await prometheus?.stop();
    await svc?.close();
  });

  it('reads an instant vector with labels and numeric values', async () => {
    const up = vector(await client.query(`up{job="${job}"}`));
    assert.equal(up.series.length, 1);
    assert.deepEqual(up.series[0]?.labels, { __name__: 'up', instance: `127.0.0.1:${svc.port}`, job });
    assert.equal(up.series[0]?.value, 1);
    assert.ok(Math.abs((up.series[0]?.timestamp ?? 0) - Date.now() / 1000) < 60);
  });

  it('measures the error rate the service produced (rate before sum)', async () => {
    const ratio = singleValue(
      await client.query(`sum(rate(http_requests_total{job="${job}",status=~"5.."}[15s])) / sum(rate(http_requests_total{job="${job}"}[15s]))`),
    );
    assert.ok(ratio !== undefined && Math.abs(ratio - ERROR_RATIO) < 0.05, `error ratio ${ratio}`);
    const stats = svc.stats();
    assert.equal(Math.round((stats.recordedErrors / stats.recordedRequests) * 100) / 100, ERROR_RATIO);
  });

  it('sees the service\'s own gauges: start time, version, a histogram whose +Inf bucket is _count', async () => {
    const start = singleValue(await client.query(`process_start_time_seconds{job="${job}"}`));
    assert.ok(start !== undefined && Math.abs(start - svc.stats().startTimeSeconds) < 1e-3, `${start}`);
    const info = vector(await client.query(`app_info{job="${job}"}`));
    assert.equal(info.series[0]?.labels.version, VERSION);
    const rss = singleValue(await client.query(`process_resident_memory_bytes{job="${job}"}`));
    assert.ok(rss !== undefined && rss > 1024 * 1024, `${rss}`);
    const difference = await client.query(
      `sum(http_request_duration_seconds_bucket{job="${job}",le="+Inf"}) - sum(http_request_duration_seconds_count{job="${job}"})`,
    );
    assert.equal(singleValue(difference), 0);
  });

  it('reports an empty result as no data, not zero', async () => {
    const missing = await client.query(`sum(rate(http_requests_total{job="${job}",status="418"}[15s]))`);
    assert.ok(isEmptyResult(missing));
    assert.equal(singleValue(missing), undefined);
    const none = await client.query(`http_requests_total{route="/does-not-exist"}`);
    assert.deepEqual(vector(none).series, []);
  });

  it('parses scalars, NaN and infinities from Prometheus\'s strings', async () => {
    const two = await client.query('1 + 1');
    assert.equal(two.resultType, 'scalar');
    assert.equal(singleValue(two), 2);
    const nan = await client.query('0 / 0');
    assert.ok(nan.resultType === 'scalar' && Number.isNaN(nan.point.value));
    assert.equal(singleValue(nan), undefined, '0/0 is no data');
    assert.equal(singleValue(await client.query('1 / 0')), Infinity);
    assert.equal(singleValue(await client.query('vector(-1) / vector(0)')), -Infinity);
    const text = await client.query('"hello"');
    assert.ok(text.resultType === 'string' && text.value === 'hello');
  });

  it('evaluates at a given time', async () => {
    const at = Math.floor(Date.now() / 1000) - 1;
    const result = vector(await client.query('vector(time())', { time: at }));
    assert.deepEqual([result.series[0]?.timestamp, result.series[0]?.value], [at, at]);
  });

  it('turns status "error" into a typed error: bad_data for bad syntax, execution for a failed evaluation', async () => {
    await assert.rejects(client.query('sum(rate('), (error: unknown) => {
      assert.ok(error instanceof PrometheusQueryError, String(error));
      assert.equal(error.errorType, 'bad_data');
      assert.equal(error.httpStatus, 400);
      assert.match(error.message, /^Prometheus query failed \(bad_data\): .*parse error/);
      return true;
    });
    // Many-to-many matching (several series per job on both sides) fails at evaluation time.
    await assert.rejects(client.query(`http_requests_total{job="${job}"} + on(job) http_requests_total{job="${job}"}`), (error: unknown) => {
      assert.ok(error instanceof PrometheusQueryError, String(error));
      assert.deepEqual([error.errorType, error.httpStatus], ['execution', 422]);
      assert.match(error.detail, /many-to-many matching not allowed/);
      return true;
    });
  });

  it('reads a range query as a matrix', async () => {
    const now = Date.now() / 1000;
    const result = await client.queryRange(`up{job="${job}"}`, now - 2, now, 1);
    assert.equal(result.series.length, 1);
    const points = result.series[0]?.points ?? [];
    assert.equal(points.length, 3);
    assert.ok(points.every((p, i) => p.value === 1 && (i === 0 || Math.abs(p.timestamp - (points[i - 1]?.timestamp ?? 0) - 1) < 1e-6)));
  });

  it('refuses a range over 11,000 points before sending, at the boundary Prometheus itself uses', async () => {
    const end = Math.floor(Date.now() / 1000);
    const ok = await client.queryRange('vector(1)', end - MAX_RANGE_POINTS, end, 1);
    assert.equal(ok.series[0]?.points.length, MAX_RANGE_POINTS + 1);
    await assert.rejects(client.queryRange('vector(1)', end - MAX_RANGE_POINTS - 1, end, 1), (error: unknown) => {
      assert.ok(error instanceof QueryRangeError, String(error));
      assert.equal(error.problem, 'tooManyPoints');
      assert.equal(error.points, MAX_RANGE_POINTS + 1);
      return true;
    });
    // Prometheus refuses the same range when it is sent anyway.
    const http = new HttpClient();
    try {
      const body = new URLSearchParams({ query: 'vector(1)', start: String(end - MAX_RANGE_POINTS - 1), end: String(end), step: '1' }).toString();
      const raw = await http.request(`${prometheus?.url ?? ''}/api/v1/query_range?${body}`, { timeoutMs: 5000, maxBytes: 1 << 20, overflow: 'reject' });
      assert.throws(() => parseQueryResponse(raw.status, raw.text), (error: unknown) => {
        assert.ok(error instanceof PrometheusQueryError);
        assert.equal(error.errorType, 'bad_data');
        assert.match(error.detail, /exceeded maximum resolution of 11,000 points/);
        return true;
      });
    } finally {
      await http.close();
    }
    // Nothing is sent: a client of a closed port fails with the range error, not ECONNREFUSED.
    const nowhere = new PrometheusClient({ url: `http://127.0.0.1:${await freeLoopbackPort()}` });
    await assert.rejects(nowhere.queryRange('up', 0, 11_001, 1), QueryRangeError);
    await nowhere.close();
  });

  it('queries with GET too', async () => {
    const viaGet = new PrometheusClient({ url: prometheus?.url ?? '', method: 'GET', timeoutMs: 5000 });
    try {
      assert.equal(singleValue(await viaGet.query(`sum(up{job="${job}"})`)), 1);
    } finally {
      await viaGet.close();
    }
  });

  // Last: it restarts the service's counters.
  it('sees a service restart as a counter reset and a new start time', async () => {
    svc.restart();
    const started = svc.stats().startTimeSeconds;
    await waitUntil(
      'Prometheus scrapes the restarted service',
      async () => singleValue(await client.query(`process_start_time_seconds{job="${job}"}`)) === started,
      10_000,
    );
    await waitUntil(
      'the counters count again after the restart',
      async () => (singleValue(await client.query(`sum(http_requests_total{job="${job}"})`)) ?? 0) > 0,
      10_000,
    );
    const resets = singleValue(await client.query(`max(resets(http_requests_total{job="${job}",route="/api/work",status="200"}[1m]))`));
    assert.ok(resets !== undefined && resets >= 1, `resets ${resets}`);
    const rate = singleValue(await client.query(`sum(rate(http_requests_total{job="${job}"}[15s]))`));
    assert.ok(rate !== undefined && rate > 0, `rate ${rate}`);
  });
});
