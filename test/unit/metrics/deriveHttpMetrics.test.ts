import * as assert from 'node:assert/strict';
import type { DeriveOptions, DerivedMetrics, ScrapeSnapshot } from '../../../src/core/metrics';
import { deriveHttpMetrics, isErrorStatus, parseExposition, pickGaugeValue } from '../../../src/core/metrics';
import type { ScrapeShape } from './fixtures';
import { SERVICE_EXAMPLE, serviceScrape } from './fixtures';

const T0 = 1_700_000_000_000;

function snapshot(atSeconds: number, text: string): ScrapeSnapshot {
  const parsed = parseExposition(text);
  assert.deepEqual(parsed.errors, []);
  return { at: T0 + atSeconds * 1000, families: parsed.families };
}

function scrape(atSeconds: number, shape: ScrapeShape): ScrapeSnapshot {
  return snapshot(atSeconds, serviceScrape(shape));
}

function derive(prev: ScrapeShape | undefined, curr: ScrapeShape, options?: DeriveOptions, seconds = 10): DerivedMetrics {
  return deriveHttpMetrics(prev === undefined ? undefined : scrape(0, prev), scrape(seconds, curr), options);
}

const NO_OBSERVATIONS: Array<[string, number]> = [
  ['0.05', 0],
  ['0.1', 0],
  ['0.25', 0],
  ['0.5', 0],
  ['1', 0],
  ['+Inf', 0],
];
const HUNDRED_OBSERVATIONS: Array<[string, number]> = [
  ['0.05', 50],
  ['0.1', 80],
  ['0.25', 90],
  ['0.5', 96],
  ['1', 99],
  ['+Inf', 100],
];

describe('deriveHttpMetrics: first scrape', () => {
  it('gives only the gauges', () => {
    const derived = derive(undefined, { requests: { '200': 5 }, buckets: HUNDRED_OBSERVATIONS, memory: 5e7, startTime: 1_699_999_000 });
    assert.deepEqual(derived, { residentMemoryBytes: 5e7, processStartTimeSeconds: 1_699_999_000, counterReset: false });
  });

  it('leaves out gauges the service does not expose, or exposes as NaN', () => {
    assert.deepEqual(derive(undefined, { requests: { '200': 5 } }), { counterReset: false });
    const nan = snapshot(0, '# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes NaN\n');
    assert.deepEqual(deriveHttpMetrics(undefined, nan), { counterReset: false });
  });
});

describe('deriveHttpMetrics: request rate, error rate and latency between two scrapes', () => {
  const prev: ScrapeShape = { requests: { '200': 1000, '404': 10, '500': 5 }, buckets: NO_OBSERVATIONS, memory: 5e7, startTime: 1_699_999_000 };
  const curr: ScrapeShape = { requests: { '200': 1180, '404': 20, '500': 15 }, buckets: HUNDRED_OBSERVATIONS, memory: 6e7, startTime: 1_699_999_000 };

  it('computes every metric', () => {
    const derived = derive(prev, curr);
    assert.equal(derived.requestRate, 20); // (180 + 10 + 10) / 10 s
    assert.equal(derived.errorRate, 10 / 200);
    assert.ok(Math.abs((derived.latencyP95Ms ?? NaN) - 458.3333333333333) < 1e-9, String(derived.latencyP95Ms)); // 0.25 + 0.25 × 5/6 s
    assert.equal(derived.latencyP99Ms, 1000);
    assert.equal(derived.residentMemoryBytes, 6e7);
    assert.equal(derived.processStartTimeSeconds, 1_699_999_000);
    assert.equal(derived.counterReset, false);
  });

  it('counts 4xx as errors when asked to', () => {
    assert.equal(derive(prev, curr, { includeClientErrors: true }).errorRate, 20 / 200);
  });

  it('reads status classes such as "5xx"', () => {
    const derived = derive({ requests: { '2xx': 100, '5xx': 1 } }, { requests: { '2xx': 190, '5xx': 11 } });
    assert.equal(derived.errorRate, 0.1);
  });

  it('error rate 0 when there was traffic without errors; no data without traffic', () => {
    const quiet = derive({ requests: { '200': 100, '500': 3 } }, { requests: { '200': 100, '500': 3 } });
    assert.equal(quiet.requestRate, 0);
    assert.equal(quiet.errorRate, undefined);
    assert.ok(!('errorRate' in quiet));
    const healthy = derive({ requests: { '200': 100, '500': 3 } }, { requests: { '200': 150, '500': 3 } });
    assert.equal(healthy.errorRate, 0);
  });

  it('no latency without new observations (the quantile of nothing is no data)', () => {
    const derived = derive({ buckets: HUNDRED_OBSERVATIONS }, { buckets: HUNDRED_OBSERVATIONS });
    assert.equal(derived.latencyP95Ms, undefined);
    assert.equal(derived.latencyP99Ms, undefined);
  });

  it('no error rate when the counter has no status label', () => {
    const text = (n: number): string => `# TYPE http_requests_total counter\nhttp_requests_total{method="GET"} ${n}\n`;
    const derived = deriveHttpMetrics(snapshot(0, text(10)), snapshot(5, text(20)));
    assert.equal(derived.requestRate, 2);
    assert.equal(derived.errorRate, undefined);
  });

  it('no request rate when the clock did not advance, but the error ratio still stands', () => {
    const derived = derive({ requests: { '200': 10, '503': 0 } }, { requests: { '200': 19, '503': 1 } }, {}, 0);
    assert.equal(derived.requestRate, undefined);
    assert.equal(derived.errorRate, 0.1);
  });
});

describe('deriveHttpMetrics: counter resets', () => {
  it('a counter that dropped restarted from 0: its new value is the increase', () => {
    const derived = derive({ requests: { '200': 1000, '500': 40 } }, { requests: { '200': 30, '500': 10 } });
    assert.equal(derived.counterReset, true);
    assert.equal(derived.requestRate, 4);
    assert.equal(derived.errorRate, 0.25);
  });

  it('per series: one series dropping does not distort the others', () => {
    const derived = derive({ requests: { '200': 1000, '500': 40 } }, { requests: { '200': 1090, '500': 10 } });
    assert.equal(derived.counterReset, true);
    assert.equal(derived.errorRate, 10 / 100);
  });

  it('a changed process_start_time_seconds is a restart even when counters did not drop', () => {
    const derived = derive(
      { requests: { '200': 100, '500': 1 }, startTime: 1_700_000_000 },
      { requests: { '200': 150, '500': 50 }, startTime: 1_700_000_005 },
    );
    assert.equal(derived.counterReset, true);
    assert.equal(derived.requestRate, 20); // 150 + 50 since the restart, not 99
    assert.equal(derived.errorRate, 0.25);
  });

  it('latency buckets that dropped are reset too', () => {
    const derived = derive({ buckets: HUNDRED_OBSERVATIONS.map(([le, n]) => [le, n * 10] as [string, number]) }, { buckets: HUNDRED_OBSERVATIONS });
    assert.equal(derived.counterReset, true);
    assert.equal(derived.latencyP99Ms, 1000);
  });
});

describe('deriveHttpMetrics: series that come and go', () => {
  it('a series that appears between the scrapes counts from 0 (the first 5xx)', () => {
    const derived = derive({ requests: { '200': 100 } }, { requests: { '200': 118, '500': 2 } });
    assert.equal(derived.errorRate, 0.1);
    assert.equal(derived.counterReset, false);
  });

  it('countNewSeries: false ignores it, as plain rate() does', () => {
    const derived = derive({ requests: { '200': 100 } }, { requests: { '200': 118, '500': 2 } }, { countNewSeries: false });
    assert.equal(derived.errorRate, 0);
  });

  it('a family already exposed without series counts its first series from 0', () => {
    const prev = snapshot(0, '# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\n');
    const curr = snapshot(10, '# TYPE http_requests_total counter\nhttp_requests_total{code="200"} 30\n');
    assert.equal(deriveHttpMetrics(prev, curr).requestRate, 3);
  });

  it('no data when the previous scrape did not have the family at all', () => {
    const derived = derive({ memory: 1 }, { requests: { '200': 100 }, buckets: HUNDRED_OBSERVATIONS });
    assert.deepEqual(derived, { counterReset: false });
  });
});

describe('deriveHttpMetrics: choosing the series', () => {
  it('falls back to http_server_requests_total and the status_code label', () => {
    const shape = (ok: number, failed: number): ScrapeShape => ({
      counter: 'http_server_requests_total',
      statusLabel: 'status_code',
      requests: { '200': ok, '502': failed },
    });
    const derived = derive(shape(0, 0), shape(9, 1));
    assert.equal(derived.requestRate, 1);
    assert.equal(derived.errorRate, 0.1);
  });

  it('takes the counter and status label named in the options', () => {
    const shape = (n: number): ScrapeShape => ({ counter: 'api_calls_total', statusLabel: 'result', requests: { '500': n, '200': n } });
    assert.equal(derive(shape(0), shape(10)).requestRate, undefined);
    const derived = derive(shape(0), shape(10), { requestCounter: ['missing_total', 'api_calls_total'], statusLabel: 'result' });
    assert.equal(derived.requestRate, 2);
    assert.equal(derived.errorRate, 0.5);
  });

  it('reads a millisecond histogram as milliseconds, and obeys latencyUnit', () => {
    const ms = (scale: number): ScrapeShape => ({
      histogram: 'http_request_duration_ms',
      buckets: [
        ['100', 0],
        ['500', 10 * scale],
        ['+Inf', 10 * scale],
      ],
    });
    assert.equal(derive(ms(0), ms(1)).latencyP95Ms, 480); // 100 + 400 × 9.5/10
    assert.equal(derive(ms(0), ms(1), { latencyHistogram: 'http_request_duration_ms', latencyUnit: 'seconds' }).latencyP95Ms, 480_000);
  });

  it('sums bucket increases per le across series before the quantile (sum by (le))', () => {
    const text = (a: number, b: number): string =>
      [
        '# TYPE http_request_duration_seconds histogram',
        `http_request_duration_seconds_bucket{route="/a",le="0.1"} ${a}`,
        `http_request_duration_seconds_bucket{route="/a",le="1"} ${a}`,
        `http_request_duration_seconds_bucket{route="/a",le="+Inf"} ${a}`,
        `http_request_duration_seconds_bucket{route="/b",le="0.1"} 0`,
        `http_request_duration_seconds_bucket{route="/b",le="1"} ${b}`,
        `http_request_duration_seconds_bucket{route="/b",le="+Inf"} ${b}`,
      ].join('\n');
    // 90 fast requests on /a, 10 slow ones on /b: p95 lies in (0.1, 1] at rank 95 of 100.
    const derived = deriveHttpMetrics(snapshot(0, text(0, 0)), snapshot(10, text(90, 10)));
    assert.ok(Math.abs((derived.latencyP95Ms ?? NaN) - (100 + 900 * 0.5)) < 1e-9, String(derived.latencyP95Ms));
    const onlyA = deriveHttpMetrics(snapshot(0, text(0, 0)), snapshot(10, text(90, 10)), { seriesMatcher: { route: '/a' } });
    assert.ok(Math.abs((onlyA.latencyP95Ms ?? NaN) - 95) < 1e-9, String(onlyA.latencyP95Ms));
  });

  it('restricts requests to the series the matcher selects', () => {
    const text = (api: number, metrics: number): string =>
      `# TYPE http_requests_total counter\nhttp_requests_total{handler="/api",code="200"} ${api}\nhttp_requests_total{handler="/metrics",code="200"} ${metrics}\n`;
    const derived = deriveHttpMetrics(snapshot(0, text(0, 0)), snapshot(10, text(50, 10)), { seriesMatcher: (labels) => labels['handler'] !== '/metrics' });
    assert.equal(derived.requestRate, 5);
  });
});

describe('pickGaugeValue and isErrorStatus', () => {
  const families = parseExposition(SERVICE_EXAMPLE).families;

  it('picks the first sample of a name, or the first whose labels match', () => {
    assert.equal(pickGaugeValue(families, 'process_resident_memory_bytes'), 52428800);
    assert.equal(pickGaugeValue(families, 'queue_depth', { queue: 'sms' }), 0);
    assert.equal(pickGaugeValue(families, 'queue_depth', { queue: 'fax' }), undefined);
    assert.equal(pickGaugeValue(families, 'no_such_gauge'), undefined);
  });

  it('finds histogram _sum and _count samples by their sample name', () => {
    const docs = parseExposition('# TYPE h histogram\nh_bucket{le="+Inf"} 4\nh_sum 2.5\nh_count 4\n').families;
    assert.equal(pickGaugeValue(docs, 'h_sum'), 2.5);
    assert.equal(pickGaugeValue(docs, 'h_count'), 4);
  });

  it('classifies statuses', () => {
    assert.deepEqual(
      ['500', '503', '599', '5xx', '5XX', '404', '4xx', '200', '50', '5000', 'error', ''].map((s) => isErrorStatus(s, false)),
      [true, true, true, true, true, false, false, false, false, false, false, false],
    );
    assert.deepEqual(
      ['404', '4xx', '500', '302'].map((s) => isErrorStatus(s, true)),
      [true, true, true, false],
    );
  });
});
