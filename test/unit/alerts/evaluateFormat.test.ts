import * as assert from 'node:assert/strict';
import type { AlertRule } from '../../../src/core/alerts';
import { parseAlertCondition, parseChecklistCriterion } from '../../../src/core/alerts';
import type { AlertTransition, Measurement } from '../../../src/core/alerts/evaluate';
import {
  AlertEvaluator,
  describeElapsed,
  formatAlertTransition,
  formatObserved,
  formatThreshold,
  formatUtcTime,
  groupThousands,
} from '../../../src/core/alerts/evaluate';

function condition(text: string): AlertRule {
  const result = parseAlertCondition(text);
  assert.ok(result.ok, `"${text}" did not parse`);
  return result.value;
}

const T0 = Date.UTC(2025, 0, 15, 14, 0, 0);
const MINUTE = 60_000;

function transitions(rule: AlertRule, values: readonly Measurement[], step = MINUTE): AlertTransition[] {
  const evaluator = new AlertEvaluator(rule);
  return values.flatMap((m, i) => evaluator.evaluate(m, T0 + i * step));
}

describe('alert messages', () => {
  describe('formatAlertTransition', () => {
    const rule = condition('error_rate > 1% for 5m');
    const all = transitions(rule, [...Array.from({ length: 6 }, () => ({ value: 0.023 })), { value: 0.004 }, { value: 0.03 }, { value: 0.002 }]);

    it('says pending, firing with how long it held, resolved with how long it fired, and no longer pending', () => {
      assert.deepEqual(
        all.map((t) => formatAlertTransition(t, { environment: 'staging' })),
        [
          'error_rate > 1% for 5m is PENDING on staging: 2.3%',
          'error_rate > 1% for 5m is FIRING on staging: 2.3% for 5 min',
          'error_rate > 1% for 5m RESOLVED on staging: 0.4% after 1 min firing',
          'error_rate > 1% for 5m is PENDING on staging: 3%',
          'error_rate > 1% for 5m is no longer pending on staging: 0.2%',
        ],
      );
    });

    it('names the alert as asked and leaves the environment out when not given', () => {
      const fired = transitions(condition('error_rate > 1%'), [{ value: 0.023 }]);
      assert.equal(fired.length, 1);
      const [first] = fired;
      assert.ok(first);
      assert.equal(formatAlertTransition(first, { environment: 'staging' }), 'error_rate > 1% is FIRING on staging: 2.3%');
      assert.equal(formatAlertTransition(first, { name: 'High error rate' }), 'High error rate is FIRING: 2.3%');
    });

    it('says "no data" with the reason when that ended the alert', () => {
      const ended = transitions(condition('error_rate > 1%'), [{ value: 0.02 }, { noData: true, reason: 'no series in Prometheus' }]);
      const last = ended[1];
      assert.ok(last);
      assert.equal(formatAlertTransition(last, { environment: 'prod' }), 'error_rate > 1% RESOLVED on prod: no data (no series in Prometheus) after 1 min firing');
    });

    it('writes values in the rule’s unit', () => {
      const latency = transitions(condition('response_time_p95 > 1s'), [{ value: 1234 }]);
      assert.ok(latency[0]);
      assert.equal(formatAlertTransition(latency[0]), 'response_time_p95 > 1s is FIRING: 1.23s');
    });
  });

  describe('formatObserved', () => {
    const cases: Array<[string, number, string]> = [
      ['error_rate > 1%', 0.023, '2.3%'],
      ['error_rate > 1%', 0.008, '0.8%'],
      ['error_rate > 1%', 0, '0%'],
      ['response_time_p95 > 1000ms', 1234.56, '1235ms'],
      ['response_time_p95 > 1 s', 850, '0.85s'],
      ['memory > 512 MiB', 600 * 2 ** 20, '600MiB'],
      ['memory > 512 MB', 612_345_678, '612MB'],
      ['process_restarts > 0', 3, '3'],
      ['health_status != 200', 503, '503'],
      ['request_rate < 10 req/s', 2.345, '2.35/s'],
      ['memory_usage within 2%', 0.031, '+3.1%'],
      ['memory_usage within 2%', -0.031, '-3.1%'],
    ];
    for (const [text, value, expected] of cases) {
      it(`${text}: ${value} → ${expected}`, () => assert.equal(formatObserved(condition(text), value), expected));
    }
  });

  it('formatThreshold writes ± for a band', () => {
    const band = parseChecklistCriterion('Memory usage stable ±2%');
    assert.ok(band);
    assert.equal(formatThreshold(band), '±2%');
    assert.equal(formatThreshold(condition('error_rate < 0.5%')), '0.5%');
  });

  it('groupThousands', () => {
    assert.deepEqual([0, 7, 999, 1000, 3600, 1_234_567, -12_000].map(groupThousands), ['0', '7', '999', '1,000', '3,600', '1,234,567', '-12,000']);
  });

  it('describeElapsed', () => {
    assert.deepEqual(
      [0, 999, 45_000, 5 * MINUTE + 59_000, 60 * MINUTE, 80 * MINUTE, 26 * 60 * MINUTE, 48 * 60 * MINUTE].map(describeElapsed),
      ['0 s', '0 s', '45 s', '5 min', '1 h', '1 h 20 min', '1 d 2 h', '2 d'],
    );
  });

  it('formatUtcTime is HH:MM in UTC', () => {
    assert.equal(formatUtcTime(Date.UTC(2025, 5, 1, 4, 7, 59)), '04:07');
    assert.equal(formatUtcTime(Date.UTC(2025, 5, 1, 23, 59)), '23:59');
  });
});
