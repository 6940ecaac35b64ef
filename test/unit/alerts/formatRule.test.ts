import * as assert from 'node:assert/strict';
import { describeDuration, formatRule, parseAlertCondition, parseChecklistCriterion } from '../../../src/core/alerts';
import type { AlertRule } from '../../../src/core/alerts';

function parsed(text: string): AlertRule {
  const result = parseAlertCondition(text);
  assert.ok(result.ok, `"${text}" did not parse: ${result.ok ? '' : result.error}`);
  return result.value;
}

describe('formatRule', () => {
  const cases: Array<[string, string]> = [
    ['memory_growth > 5% in 1 hour', 'memory_growth > 5% in 1h'],
    ['error_rate > 1%', 'error_rate > 1%'],
    ['response_time_p95 > 1000ms', 'response_time_p95 > 1000ms'],
    ['process_restarts > 0', 'process_restarts > 0'],
    ['Memory growth > 5% in 1 hour', 'memory_growth > 5% in 1h'],
    ['p95 latency ≥ 1 s', 'response_time_p95 >= 1s'],
    ['cpu > 90% for 10 minutes', 'cpu_usage > 90% for 10m'],
    ['response_time_p99 > 2 s over 15m', 'response_time_p99 > 2s in 15m'],
    ['memory_usage ± 2 %', 'memory_usage within ±2%'],
    ['memory > 512 MiB for 1 hour and 30 minutes', 'memory_usage > 512MiB for 1h30m'],
    ['health_status ≠ 200', 'health_status != 200'],
    ['request_rate < 10 req/s', 'request_rate < 10/s'],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → "${expected}"`, () => assert.equal(formatRule(parsed(text)), expected));
  }

  it('formats checklist criteria the same way', () => {
    const rule = parseChecklistCriterion('Memory usage stable ±2%');
    assert.ok(rule);
    assert.equal(formatRule(rule), 'memory_usage within ±2%');
  });

  it('gives text that parses back to the same rule', () => {
    for (const [text] of cases) {
      const rule = parsed(text);
      const again = parsed(formatRule(rule));
      assert.deepEqual([again.metric, again.comparator, again.threshold.canonical, again.window?.seconds, again.for?.seconds], [
        rule.metric,
        rule.comparator,
        rule.threshold.canonical,
        rule.window?.seconds,
        rule.for?.seconds,
      ]);
    }
  });
});

describe('describeDuration', () => {
  const cases: Array<[number, string, string]> = [
    [0, '0s', '0 seconds'],
    [0.5, '500ms', '500 milliseconds'],
    [1, '1s', '1 second'],
    [30, '30s', '30 seconds'],
    [60, '1m', '1 minute'],
    [300, '5m', '5 minutes'],
    [3600, '1h', '1 hour'],
    [5400, '1h30m', '1 hour 30 minutes'],
    [5415.25, '1h30m15s250ms', '1 hour 30 minutes 15 seconds 250 milliseconds'],
    [86_400, '1d', '1 day'],
    [90_000, '1d1h', '1 day 1 hour'],
    [1_209_600, '2w', '2 weeks'],
  ];
  for (const [seconds, short, long] of cases) {
    it(`${seconds} s is ${short} / ${long}`, () => {
      assert.equal(describeDuration(seconds), short);
      assert.equal(describeDuration({ seconds, raw: 'x' }, 'short'), short);
      assert.equal(describeDuration(seconds, 'long'), long);
    });
  }
});
