import * as assert from 'node:assert/strict';
import type { ExpositionResult, MetricFamily } from '../../../src/core/metrics';
import { histogramSeries, labelValue, parseExposition } from '../../../src/core/metrics';
import { DOCS_EXAMPLE, SERVICE_EXAMPLE } from './fixtures';

function family(result: ExpositionResult, name: string): MetricFamily {
  const found = result.families.get(name);
  assert.ok(found, `no family ${name}; families: ${[...result.families.keys()].join(', ')}`);
  return found;
}

/** Samples without their line numbers, for compact comparisons. */
function samplesOf(result: ExpositionResult, name: string): unknown[] {
  return family(result, name).samples.map(({ line: _line, ...rest }) => rest);
}

describe('parseExposition: the Prometheus documentation example', () => {
  const result = parseExposition(DOCS_EXAMPLE);

  it('parses without errors into one family per metric, in order', () => {
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      [...result.families.keys()],
      [
        'http_requests_total',
        'msdos_file_access_time_seconds',
        'metric_without_timestamp_and_labels',
        'something_weird',
        'http_request_duration_seconds',
        'rpc_duration_seconds',
      ],
    );
  });

  it('reads a counter with HELP, TYPE, labels, values and timestamps', () => {
    const counter = family(result, 'http_requests_total');
    assert.equal(counter.type, 'counter');
    assert.equal(counter.help, 'The total number of HTTP requests.');
    assert.deepEqual(samplesOf(result, 'http_requests_total'), [
      { name: 'http_requests_total', labels: { method: 'post', code: '200' }, value: 1027, timestampMs: 1395066363000 },
      { name: 'http_requests_total', labels: { method: 'post', code: '400' }, value: 3, timestampMs: 1395066363000 },
    ]);
    assert.deepEqual(
      counter.samples.map((s) => s.line),
      [3, 4],
    );
  });

  it('unescapes label values (\\\\, \\" and \\n)', () => {
    const [sample] = family(result, 'msdos_file_access_time_seconds').samples;
    assert.deepEqual(sample?.labels, { path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"' });
    assert.equal(sample?.value, 1458255915);
  });

  it('reads samples without TYPE as untyped, +Inf values and negative timestamps', () => {
    assert.equal(family(result, 'metric_without_timestamp_and_labels').type, 'untyped');
    assert.deepEqual(samplesOf(result, 'metric_without_timestamp_and_labels'), [
      { name: 'metric_without_timestamp_and_labels', labels: {}, value: 12.47 },
    ]);
    assert.deepEqual(samplesOf(result, 'something_weird'), [
      { name: 'something_weird', labels: { problem: 'division by zero' }, value: Infinity, timestampMs: -3982045 },
    ]);
  });

  it('groups a histogram’s _bucket, _sum and _count samples under its name', () => {
    const histogram = family(result, 'http_request_duration_seconds');
    assert.equal(histogram.type, 'histogram');
    assert.equal(histogram.samples.length, 8);
    assert.ok(!result.families.has('http_request_duration_seconds_bucket'));
    assert.deepEqual(histogramSeries(histogram), [
      {
        labels: {},
        buckets: [
          { le: 0.05, count: 24054 },
          { le: 0.1, count: 33444 },
          { le: 0.2, count: 100392 },
          { le: 0.5, count: 129389 },
          { le: 1, count: 133988 },
          { le: Infinity, count: 144320 },
        ],
        sum: 53423,
        count: 144320,
      },
    ]);
  });

  it('groups a summary’s quantiles, _sum and _count under its name', () => {
    const summary = family(result, 'rpc_duration_seconds');
    assert.equal(summary.type, 'summary');
    assert.deepEqual(
      summary.samples.map((s) => [s.name, labelValue(s.labels, 'quantile'), s.value]),
      [
        ['rpc_duration_seconds', '0.01', 3102],
        ['rpc_duration_seconds', '0.05', 3272],
        ['rpc_duration_seconds', '0.5', 4773],
        ['rpc_duration_seconds', '0.9', 9001],
        ['rpc_duration_seconds', '0.99', 76656],
        ['rpc_duration_seconds_sum', undefined, 17560473],
        ['rpc_duration_seconds_count', undefined, 2693],
      ],
    );
  });
});

describe('parseExposition: a service scrape', () => {
  const result = parseExposition(SERVICE_EXAMPLE);

  it('parses without errors', () => {
    assert.deepEqual(result.errors, []);
  });

  it('reads gauges, NaN, -Inf and exponents', () => {
    assert.equal(family(result, 'process_resident_memory_bytes').samples[0]?.value, 52428800);
    assert.ok(Number.isNaN(family(result, 'nodejs_eventloop_lag_p99_seconds').samples[0]?.value));
    assert.deepEqual(
      family(result, 'queue_depth').samples.map((s) => [s.labels, s.value]),
      [
        [{ queue: 'emails' }, -Infinity],
        [{ queue: 'sms' }, 0],
        [{}, 0.0015],
      ],
    );
  });

  it('unescapes HELP (\\\\ and \\n) and keeps other backslashes as written', () => {
    assert.equal(
      family(result, 'nodejs_eventloop_lag_p99_seconds').help,
      'The 99th percentile of the event loop lag.\nMeasured with perf_hooks; path C:\\tmp, odd \\t kept.',
    );
  });

  it('allows blanks around labels, a trailing comma, leading tabs and tab separators', () => {
    assert.deepEqual(samplesOf(result, 'http_server_requests_total'), [
      { name: 'http_server_requests_total', labels: { method: 'GET', route: '/api/items', status: '200' }, value: 1500 },
      { name: 'http_server_requests_total', labels: { method: 'GET', route: '/api/items', status: '503' }, value: 12 },
      {
        name: 'http_server_requests_total',
        labels: { method: 'POST', route: '/api/items', status: '201' },
        value: 40,
        timestampMs: 1700000123456,
      },
    ]);
  });

  it('gives the same families and lines for CRLF line ends', () => {
    const crlf = parseExposition(SERVICE_EXAMPLE.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.errors, []);
    assert.deepEqual(crlf.families, result.families);
  });
});

describe('parseExposition: details of the format', () => {
  it('reads every spelling of the special and decimal values Go’s ParseFloat accepts', () => {
    const text = ['a NaN', 'b nan', 'c +Inf', 'd -inf', 'e Inf', 'f +Infinity', 'g 1e3', 'h .5', 'i 5.', 'j -0', 'k 1E-2', 'l +7'].join('\n');
    const result = parseExposition(text);
    assert.deepEqual(result.errors, []);
    const values = [...result.families.values()].map((f) => f.samples[0]?.value);
    assert.deepEqual(values, [NaN, NaN, Infinity, -Infinity, Infinity, Infinity, 1000, 0.5, 5, -0, 0.01, 7]);
    assert.ok(Object.is(values[9], -0));
  });

  it('accepts TYPE in any case, an empty label set and no blank after the closing brace', () => {
    const result = parseExposition('# TYPE up GAUGE\nup{} 1\nother{a="b"}2\n');
    assert.deepEqual(result.errors, []);
    assert.equal(family(result, 'up').type, 'gauge');
    assert.deepEqual(samplesOf(result, 'other'), [{ name: 'other', labels: { a: 'b' }, value: 2 }]);
  });

  it('keeps _bucket samples in their own untyped family when no TYPE line names the histogram', () => {
    const result = parseExposition('latency_bucket{le="1"} 2\nlatency_bucket{le="+Inf"} 3\nlatency_count 3\n');
    assert.deepEqual([...result.families.keys()], ['latency_bucket', 'latency_count']);
    assert.equal(family(result, 'latency_bucket').type, 'untyped');
    assert.deepEqual(result.errors, []);
  });

  it('keeps HELP and TYPE of a family that has no samples yet', () => {
    const result = parseExposition('# HELP jobs_total Jobs done.\n# TYPE jobs_total counter\n');
    assert.deepEqual(result.families.get('jobs_total'), { name: 'jobs_total', type: 'counter', help: 'Jobs done.', samples: [] });
  });

  it('ignores plain comments, blank lines and HELP or TYPE without a name', () => {
    const result = parseExposition('# just a comment\n#\n\n   \n# HELP\n# TYPE\n#HELP x_total counted\nx_total 1\n');
    assert.deepEqual(result.errors, []);
    assert.deepEqual([...result.families.keys()], ['x_total']);
    assert.equal(family(result, 'x_total').help, 'counted');
  });

  it('treats labels named like Object.prototype members as ordinary labels', () => {
    const result = parseExposition('m{__proto__="a",constructor="b"} 1\nn 1\n');
    assert.deepEqual(result.errors, []);
    const [m] = family(result, 'm').samples;
    const [n] = family(result, 'n').samples;
    assert.ok(m && n);
    assert.equal(labelValue(m.labels, '__proto__'), 'a');
    assert.equal(labelValue(m.labels, 'constructor'), 'b');
    assert.equal(labelValue(n.labels, 'constructor'), undefined);
    assert.equal(Object.getPrototypeOf(m.labels), Object.prototype);
  });

  it('counts two spellings of one bucket bound as one series (duplicate)', () => {
    const text = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="1.0"} 1\nh_bucket{le="+Inf"} 1\nh_count 1\n';
    const result = parseExposition(text);
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.line]),
      [['duplicate-sample', 3]],
    );
  });

  it('parses an empty text to nothing', () => {
    assert.deepEqual(parseExposition(''), { families: new Map(), errors: [] });
  });
});
