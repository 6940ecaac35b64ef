import * as assert from 'node:assert/strict';
import type { AlertRule, Duration } from '../../../src/core/alerts';
import { parseAlertCondition, parseDurationText } from '../../../src/core/alerts';

function parsed(text: string): AlertRule {
  const result = parseAlertCondition(text);
  assert.ok(result.ok, `"${text}" did not parse: ${result.ok ? '' : `${result.error} (column ${result.column})`}`);
  return result.value;
}

function failure(text: string): { error: string; column: number } {
  const result = parseAlertCondition(text);
  assert.ok(!result.ok, `"${text}" parsed, but should not have`);
  return { error: result.error, column: result.column };
}

/** The rule without `text` and `source`, for compact expectations. */
function summary(text: string): Omit<AlertRule, 'text' | 'source'> {
  const rule = parsed(text);
  assert.equal(rule.text, text);
  assert.equal(rule.source, 'condition');
  return {
    metric: rule.metric,
    comparator: rule.comparator,
    threshold: rule.threshold,
    ...(rule.window ? { window: rule.window } : {}),
    ...(rule.for ? { for: rule.for } : {}),
  };
}

function duration(text: string): Duration {
  const result = parseDurationText(text);
  assert.ok(result.ok, `"${text}" did not parse: ${result.ok ? '' : result.error}`);
  return result.value;
}

describe('parseAlertCondition', () => {
  describe("the seed runbook's five ALERT_CONDITIONS, exactly", () => {
    it('memory_growth > 5% in 1 hour', () => {
      assert.deepEqual(parseAlertCondition('memory_growth > 5% in 1 hour'), {
        ok: true,
        value: {
          metric: 'memory_growth',
          comparator: '>',
          threshold: { value: 5, unit: '%', raw: '5%', canonical: { value: 0.05, unit: 'ratio' } },
          window: { seconds: 3600, raw: '1 hour' },
          text: 'memory_growth > 5% in 1 hour',
          source: 'condition',
        },
      });
    });

    it('error_rate > 1%', () => {
      assert.deepEqual(parseAlertCondition('error_rate > 1%'), {
        ok: true,
        value: {
          metric: 'error_rate',
          comparator: '>',
          threshold: { value: 1, unit: '%', raw: '1%', canonical: { value: 0.01, unit: 'ratio' } },
          text: 'error_rate > 1%',
          source: 'condition',
        },
      });
    });

    it('response_time_p95 > 1000ms', () => {
      assert.deepEqual(parseAlertCondition('response_time_p95 > 1000ms'), {
        ok: true,
        value: {
          metric: 'response_time_p95',
          comparator: '>',
          threshold: { value: 1000, unit: 'ms', raw: '1000ms', canonical: { value: 1000, unit: 'ms' } },
          text: 'response_time_p95 > 1000ms',
          source: 'condition',
        },
      });
    });

    it('process_restarts > 0', () => {
      assert.deepEqual(parseAlertCondition('process_restarts > 0'), {
        ok: true,
        value: {
          metric: 'process_restarts',
          comparator: '>',
          threshold: { value: 0, unit: 'count', raw: '0', canonical: { value: 0, unit: 'count' } },
          text: 'process_restarts > 0',
          source: 'condition',
        },
      });
    });

    it('oom_conditions > 0', () => {
      assert.deepEqual(parseAlertCondition('oom_conditions > 0'), {
        ok: true,
        value: {
          metric: 'oom_conditions',
          comparator: '>',
          threshold: { value: 0, unit: 'count', raw: '0', canonical: { value: 0, unit: 'count' } },
          text: 'oom_conditions > 0',
          source: 'condition',
        },
      });
    });
  });

  describe('common variants', () => {
    it('reads human phrasings of the seed conditions (the Option A comment bullets)', () => {
      assert.deepEqual(parsed('Memory growth > 5% in 1 hour'), {
        ...parsed('memory_growth > 5% in 1 hour'),
        text: 'Memory growth > 5% in 1 hour',
      });
      assert.deepEqual(parsed('Error rate > 1%'), { ...parsed('error_rate > 1%'), text: 'Error rate > 1%' });
      assert.deepEqual(parsed('Response time p95 > 1000ms'), {
        ...parsed('response_time_p95 > 1000ms'),
        text: 'Response time p95 > 1000ms',
      });
    });

    it('p95 latency > 1s', () => {
      assert.deepEqual(summary('p95 latency > 1s'), {
        metric: 'response_time_p95',
        comparator: '>',
        threshold: { value: 1, unit: 's', raw: '1s', canonical: { value: 1000, unit: 'ms' } },
      });
    });

    it('error rate >= 0.5 %', () => {
      assert.deepEqual(summary('error rate >= 0.5 %'), {
        metric: 'error_rate',
        comparator: '>=',
        threshold: { value: 0.5, unit: '%', raw: '0.5 %', canonical: { value: 0.005, unit: 'ratio' } },
      });
    });

    it('memory > 512MB', () => {
      assert.deepEqual(summary('memory > 512MB'), {
        metric: 'memory_usage',
        comparator: '>',
        threshold: { value: 512, unit: 'MB', raw: '512MB', canonical: { value: 512_000_000, unit: 'B' } },
      });
    });

    it('memory_usage > 80% for 5m', () => {
      assert.deepEqual(summary('memory_usage > 80% for 5m'), {
        metric: 'memory_usage',
        comparator: '>',
        threshold: { value: 80, unit: '%', raw: '80%', canonical: { value: 0.8, unit: 'ratio' } },
        for: { seconds: 300, raw: '5m' },
      });
    });

    it('cpu > 90% for 10 minutes', () => {
      assert.deepEqual(summary('cpu > 90% for 10 minutes'), {
        metric: 'cpu_usage',
        comparator: '>',
        threshold: { value: 90, unit: '%', raw: '90%', canonical: { value: 0.9, unit: 'ratio' } },
        for: { seconds: 600, raw: '10 minutes' },
      });
    });

    it('response_time_p99 > 2 s over 15m', () => {
      assert.deepEqual(summary('response_time_p99 > 2 s over 15m'), {
        metric: 'response_time_p99',
        comparator: '>',
        threshold: { value: 2, unit: 's', raw: '2 s', canonical: { value: 2000, unit: 'ms' } },
        window: { seconds: 900, raw: '15m' },
      });
    });

    it('takes a window and a `for` in either order', () => {
      const a = parsed('error_rate > 1% over 5m for 10m');
      const b = parsed('error_rate > 1% for 10m over 5m');
      assert.deepEqual([a.window, a.for], [{ seconds: 300, raw: '5m' }, { seconds: 600, raw: '10m' }]);
      assert.deepEqual([b.window, b.for], [a.window, a.for]);
    });

    it('reads "per hour", "in an hour" and "over the last 5 minutes" as windows', () => {
      assert.deepEqual(parsed('memory_growth > 5% per hour').window, { seconds: 3600, raw: 'hour' });
      assert.deepEqual(parsed('memory_growth > 5% in an hour').window, { seconds: 3600, raw: 'an hour' });
      assert.deepEqual(parsed('error_rate > 1% over the last 5 minutes').window, { seconds: 300, raw: '5 minutes' });
    });

    it('keeps the text verbatim, spacing and case included', () => {
      assert.equal(parsed('  Error   Rate>1%  ').text, '  Error   Rate>1%  ');
      assert.equal(parsed('error_rate>1%').metric, 'error_rate');
    });
  });

  describe('metric names', () => {
    const cases: Array<[string, string]> = [
      ['MEMORY_GROWTH > 5%', 'memory_growth'],
      ['memory-growth > 5%', 'memory_growth'],
      ['Memory Usage > 80%', 'memory_usage'],
      ['latency p95 > 1s', 'response_time_p95'],
      ['p99 response time > 2s', 'response_time_p99'],
      ['latency_p99 > 2s', 'response_time_p99'],
      ['latency > 300ms', 'response_time'],
      ['response times > 300ms', 'response_time'],
      ['p50 latency > 100ms', 'response_time_p50'],
      ['restarts > 0', 'process_restarts'],
      ['Process restarts > 0', 'process_restarts'],
      ['OOM > 0', 'oom_conditions'],
      ['oom kills > 0', 'oom_conditions'],
      ['OOM-kills > 0', 'oom_conditions'],
      ['out of memory > 0', 'oom_conditions'],
      ['errors > 1%', 'error_rate'],
      ['health check != 200', 'health_status'],
      ['CPU usage > 90%', 'cpu_usage'],
      ['rps < 10', 'request_rate'],
    ];
    for (const [text, metric] of cases) {
      it(`"${text}" → ${metric}`, () => assert.equal(parsed(text).metric, metric));
    }

    it('keeps a custom identifier as written, and snake_cases custom words', () => {
      assert.equal(parsed('http_requests_total > 100').metric, 'http_requests_total');
      assert.equal(parsed('job:errors:rate5m > 1%').metric, 'job:errors:rate5m');
      assert.equal(parsed('Queue Depth > 100').metric, 'queue_depth');
    });
  });

  describe('unicode and alternative operators', () => {
    const cases: Array<[string, string]> = [
      ['error_rate ≥ 1%', '>='],
      ['error_rate ≤ 1%', '<='],
      ['process_restarts ≠ 0', '!='],
      ['error_rate⩾1%', '>='],
      ['health_status = 200', '=='],
      ['health_status == 200', '=='],
      ['health_status != 200', '!='],
      ['error_rate < 1%', '<'],
      ['memory_usage ±2%', 'within'],
      ['memory_usage +/- 2%', 'within'],
      ['memory_usage within 2%', 'within'],
      ['memory_usage within ±2%', 'within'],
    ];
    for (const [text, comparator] of cases) {
      it(`"${text}" → ${comparator}`, () => assert.equal(parsed(text).comparator, comparator));
    }

    it('reads a ± band as the band width', () => {
      assert.deepEqual(parsed('memory_usage ±2%').threshold, { value: 2, unit: '%', raw: '2%', canonical: { value: 0.02, unit: 'ratio' } });
    });
  });

  describe('durations', () => {
    const cases: Array<[string, number]> = [
      ['5m', 300],
      ['1h30m', 5400],
      ['30s', 30],
      ['1d', 86_400],
      ['2w', 1_209_600],
      ['500ms', 0.5],
      ['1h30m15s', 5415],
      ['1 minute', 60],
      ['10 minutes', 600],
      ['1 hour', 3600],
      ['2 hours', 7200],
      ['1 day', 86_400],
      ['3 days', 259_200],
      ['1.5 hours', 5400],
      ['1 hour 30 minutes', 5400],
      ['1 hour and 30 minutes', 5400],
      ['90 sec', 90],
      ['2 hrs', 7200],
      ['an hour', 3600],
      ['5 Minutes', 300],
    ];
    for (const [text, seconds] of cases) {
      it(`"${text}" is ${seconds} s`, () => assert.deepEqual(duration(text), { seconds, raw: text }));
    }

    it('rejects units out of order, missing units and trailing text', () => {
      assert.deepEqual(parseDurationText('30m1h'), {
        ok: false,
        error: "expected duration units from largest to smallest (like 1h30m), found 'h' after 'm'",
        column: 4,
      });
      assert.deepEqual(parseDurationText('5'), {
        ok: false,
        error: 'expected a time unit after 5 (ms, s, m, h, d, w, or a word like minutes), found the end of the text',
        column: 1,
      });
      assert.deepEqual(parseDurationText('5m now'), {
        ok: false,
        error: "expected the end of the duration (like 5m, 1h30m or 10 minutes), found 'now'",
        column: 3,
      });
      assert.deepEqual(parseDurationText('5M'), {
        ok: false,
        error: "expected a time unit after 5 (ms, s, m, h, d, w, or a word like minutes), found 'M'",
        column: 1,
      });
    });
  });

  describe('errors: the column where understanding stopped, and what was expected', () => {
    it('error_rate > (no threshold)', () => {
      assert.deepEqual(failure('error_rate >'), { error: 'expected a number (the threshold), found the end of the text', column: 12 });
    });

    it('> 5% (no metric)', () => {
      assert.deepEqual(failure('> 5%'), { error: "expected a metric name (like error_rate or memory usage), found '>'", column: 0 });
    });

    it('error_rate > five percent (a word for a number)', () => {
      assert.deepEqual(failure('error_rate > five percent'), { error: "expected a number (the threshold), found 'five'", column: 13 });
    });

    it('memory_growth > 5% in (no duration)', () => {
      assert.deepEqual(failure('memory_growth > 5% in'), {
        error: "expected a duration after 'in' (like 5m, 1h30m or 10 minutes), found the end of the text",
        column: 21,
      });
    });

    it('latency ~ 3 (not a comparison)', () => {
      assert.deepEqual(failure('latency ~ 3'), {
        error: "expected a comparison operator (>, >=, <, <=, ==, !=, ≥, ≤, ≠) or a ± band after 'latency', found '~'",
        column: 8,
      });
    });

    it('a unit that does not fit the metric', () => {
      assert.deepEqual(failure('error_rate > 5ms'), { error: "expected a percentage (%) for error_rate, found 'ms'", column: 14 });
      assert.deepEqual(failure('process_restarts > 5%'), {
        error: "expected a count (a plain number) for process_restarts, found '%'",
        column: 20,
      });
    });

    it('a number without the unit its metric needs (never guessed)', () => {
      assert.deepEqual(failure('error_rate > 0.01'), {
        error:
          'expected a unit after 0.01 for error_rate, which is measured as a percentage (%), found the end of the text (write 1% for a ratio of 0.01)',
        column: 17,
      });
      assert.equal(failure('response_time_p95 > 1000').column, 24);
      assert.equal(failure('response_time_p95 > 1000 in 5m').column, 25);
    });

    it('anything after the rule', () => {
      assert.deepEqual(failure('error_rate > 1% bogus'), {
        error: "expected 'in', 'over', 'per' or 'for' and a duration, or the end of the condition, found 'bogus'",
        column: 16,
      });
      assert.equal(failure('rate(http_errors_total[5m]) > 0').column, 4);
    });

    it('two windows or two `for`s', () => {
      assert.equal(failure('error_rate > 1% in 5m over 10m').column, 22);
      assert.equal(failure('error_rate > 1% for 5m for 10m').column, 23);
    });

    it('an impossible HTTP status and a negative band', () => {
      assert.deepEqual(failure('health_status == 42'), { error: "expected an HTTP status code (100 to 599), found '42'", column: 17 });
      assert.equal(failure('memory_usage ± -2%').column, 15);
    });

    it('empty and blank text', () => {
      assert.deepEqual(failure(''), { error: 'expected a metric name (like error_rate or memory usage), found the end of the text', column: 0 });
      assert.equal(failure('   ').column, 0);
    });

    it('stays linear on long input', () => {
      const long = `error_rate > 1% ${'x '.repeat(200_000)}`;
      const started = Date.now();
      assert.equal(failure(long).column, 16);
      assert.ok(Date.now() - started < 2000);
    });
  });
});
