import * as assert from 'node:assert/strict';
import type { Clock, MetricsReading } from '../../../src/core/monitoring';
import { HttpClient } from '../../../src/infra/http';
import { ScrapeMetricsSource } from '../../../src/infra/monitoring/scrapeSource';
import { freeLoopbackPort } from '../../support/prometheus';
import { startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { rawRequest } from '../http/helpers';

const clock: Clock = { now: () => Date.now() };

/** `n` sequential GET /api/work, each on its own connection (independent of the client under test). */
async function work(svc: TestService, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await rawRequest(`${svc.url}/api/work`);
}

describe('ScrapeMetricsSource against the test service', function () {
  this.timeout(10_000);
  let svc: TestService;
  let http: HttpClient;
  let source: ScrapeMetricsSource;
  const read = (): Promise<MetricsReading> => source.read(new AbortController().signal);

  beforeEach(async () => {
    svc = await startTestService();
    http = new HttpClient();
    source = new ScrapeMetricsSource(`${svc.url}/metrics`, http, 2000, clock);
  });

  afterEach(async () => {
    await http.close();
    await svc.close();
  });

  it('the first scrape has gauges only: no increases without a previous scrape', async () => {
    const first = await read();
    assert.equal(first.restarted, false);
    assert.equal(first.requests, undefined);
    assert.equal(first.errors, undefined);
    assert.equal(first.errorRate, undefined);
    assert.ok((first.residentMemoryBytes ?? 0) > 1024 * 1024, `rss ${first.residentMemoryBytes}`);
  });

  it('two scrapes: request and error increases and an error rate equal to the service\'s errorRatio', async () => {
    svc.setFault({ mode: 'error500', errorRatio: 0.25 });
    await work(svc, 4); // the series exist before the first scrape (1 of the 4 failed)
    await read();
    await work(svc, 40);
    const second = await read();
    assert.equal(second.requests, 40);
    assert.equal(second.errors, 10);
    assert.equal(second.errorRate, 0.25);
    assert.equal(second.restarted, false);
    assert.ok(second.spanSeconds !== undefined && second.spanSeconds > 0);
    assert.equal(second.requestRate, 40 / (second.spanSeconds ?? NaN));
    // Loopback answers land in the low buckets: a p95 in ms, not in seconds.
    assert.ok(second.latencyP95Ms !== undefined && second.latencyP95Ms > 0 && second.latencyP95Ms <= 10_000, `p95 ${second.latencyP95Ms}`);
    assert.ok((second.latencyP99Ms ?? 0) >= (second.latencyP95Ms ?? Infinity));

    await work(svc, 12);
    const third = await read();
    assert.deepEqual([third.requests, third.errors, third.errorRate], [12, 3, 0.25]);
  });

  it('series that appear between two scrapes count from 0 (the first requests after start)', async () => {
    svc.setFault({ mode: 'error500', errorRatio: 0.25 });
    await read(); // no request yet: http_requests_total has no series
    await work(svc, 8);
    const second = await read();
    assert.deepEqual([second.requests, second.errors, second.errorRate], [8, 2, 0.25]);
  });

  it('a p95 from the duration histogram, in milliseconds', async () => {
    svc.setFault({ mode: 'slow', delayMs: 30 });
    await work(svc, 1);
    await read();
    await work(svc, 10);
    const reading = await read();
    assert.equal(reading.requests, 10);
    // Every request took at least 30 ms: the p95 is inside or above the (25 ms, 50 ms] bucket.
    const p95 = reading.latencyP95Ms ?? NaN;
    assert.ok(p95 >= 25 && p95 <= 1000, `p95 ${p95}`);
  });

  it('malformed exposition lines are skipped: the good lines still count', async () => {
    svc.setFault({ mode: 'malformedMetrics' });
    const first = await read();
    assert.ok((first.residentMemoryBytes ?? 0) > 0);
    await work(svc, 8);
    const second = await read();
    assert.deepEqual([second.requests, second.errors, second.errorRate], [8, 0, 0]);
    assert.ok(second.latencyP95Ms !== undefined);
  });

  it('garbage instead of exposition text throws an error naming the URL', async () => {
    svc.setFault({ mode: 'garbage' });
    await assert.rejects(read(), (error: Error) => {
      assert.ok(error.message.startsWith(`${svc.url}/metrics is not Prometheus exposition text`), error.message);
      return true;
    });
  });

  it('a restart: restarted true, increases from the new counters, never negative', async () => {
    await work(svc, 6);
    await read();
    await work(svc, 5);
    assert.equal((await read()).requests, 5);
    svc.restart();
    await work(svc, 3);
    const afterRestart = await read();
    assert.equal(afterRestart.restarted, true);
    assert.equal(afterRestart.requests, 3);
    assert.equal(afterRestart.errors, 0);
    await work(svc, 2);
    const next = await read();
    assert.equal(next.restarted, false);
    assert.equal(next.requests, 2);
  });

  it('a restart with no request since: restarted, and no increase rather than a negative one', async () => {
    await work(svc, 6);
    await read();
    svc.restart();
    const reading = await read();
    assert.equal(reading.restarted, true);
    assert.equal(reading.requests, undefined);
    assert.equal(reading.errors, undefined);
  });

  it('a closed port or a hanging endpoint: errors naming the URL', async () => {
    const port = await freeLoopbackPort();
    const closed = new ScrapeMetricsSource(`http://127.0.0.1:${port}/metrics`, http, 2000, clock);
    await assert.rejects(closed.read(new AbortController().signal), {
      message: `scrape of http://127.0.0.1:${port}/metrics failed: connection refused by 127.0.0.1:${port}: ECONNREFUSED`,
    });
    svc.setFault({ mode: 'hang' });
    const hanging = new ScrapeMetricsSource(`${svc.url}/metrics`, http, 200, clock);
    await assert.rejects(hanging.read(new AbortController().signal), { message: `request to ${svc.url}/metrics timed out after 200 ms` });
  });
});
