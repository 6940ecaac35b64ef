import * as assert from 'node:assert/strict';
import type { AlertRule } from '../../../src/core/alerts';
import { parseAlertCondition, parseChecklistCriterion } from '../../../src/core/alerts';
import { changeFromBaseline, holds, violationSymbol } from '../../../src/core/alerts/evaluate';

function condition(text: string): AlertRule {
  const result = parseAlertCondition(text);
  assert.ok(result.ok, `"${text}" did not parse`);
  return result.value;
}

function criterion(text: string): AlertRule {
  const rule = parseChecklistCriterion(text);
  assert.ok(rule, `"${text}" is not measurable`);
  return rule;
}

describe('holds', () => {
  it('compares a percentage threshold as a ratio', () => {
    const rule = condition('error_rate > 1%');
    assert.equal(holds(rule, 0.023), true);
    assert.equal(holds(rule, 0.01), false);
    assert.equal(holds(rule, 0.0099), false);
    // 1 (a ratio of 100 %) is far above 1 %: the caller must not pass percents.
    assert.equal(holds(rule, 1), true);
  });

  it('compares durations in ms and sizes in bytes', () => {
    assert.equal(holds(condition('response_time_p95 > 1s'), 1000), false);
    assert.equal(holds(condition('response_time_p95 > 1s'), 1001), true);
    assert.equal(holds(condition('response_time_p95 >= 1000ms'), 1000), true);
    assert.equal(holds(condition('memory > 512 MiB'), 512 * 2 ** 20), false);
    assert.equal(holds(condition('memory > 512 MiB'), 512 * 2 ** 20 + 1), true);
    assert.equal(holds(condition('memory_usage <= 1 GB'), 1e9), true);
  });

  it('compares counts, statuses and rates', () => {
    assert.equal(holds(condition('process_restarts > 0'), 0), false);
    assert.equal(holds(condition('process_restarts > 0'), 1), true);
    assert.equal(holds(criterion('No OOM conditions'), 0), true);
    assert.equal(holds(criterion('No OOM conditions'), 1), false);
    assert.equal(holds(criterion('Health check endpoint responding (HTTP 200)'), 200), true);
    assert.equal(holds(criterion('Health check endpoint responding (HTTP 200)'), 503), false);
    assert.equal(holds(condition('health_status != 200'), 503), true);
    assert.equal(holds(condition('health_status != 200'), 200), false);
    assert.equal(holds(condition('request_rate < 10 req/s'), 9.5), true);
  });

  it('reads a criterion as its success condition', () => {
    const rule = criterion('Error rate < 0.5%');
    assert.equal(holds(rule, 0), true);
    assert.equal(holds(rule, 0.0049), true);
    assert.equal(holds(rule, 0.005), false);
  });

  it('never holds for NaN (0/0 is no data), whatever the comparator', () => {
    for (const text of ['error_rate > 1%', 'error_rate < 1%', 'health_status != 200', 'memory_usage within 2%']) {
      assert.equal(holds(condition(text), Number.NaN), false, text);
    }
  });

  describe('within (a stability band around a baseline)', () => {
    const rule = criterion('Memory usage stable ±2%');

    it('holds while the change stays inside the band, edges included', () => {
      assert.equal(holds(rule, 0), true);
      assert.equal(holds(rule, 0.02), true);
      assert.equal(holds(rule, -0.02), true);
      assert.equal(holds(rule, 0.0201), false);
      assert.equal(holds(rule, -0.03), false);
    });

    it('is fed relative changes for % thresholds', () => {
      assert.equal(changeFromBaseline('ratio', 100, 102), 0.02);
      assert.equal(changeFromBaseline('ratio', 500e6, 490e6), -0.02);
      assert.equal(holds(rule, changeFromBaseline('ratio', 100, 102) ?? Number.NaN), true);
      assert.equal(holds(rule, changeFromBaseline('ratio', 100, 103) ?? Number.NaN), false);
    });

    it('is fed absolute changes for other units', () => {
      const absolute = condition('memory_usage within 10 MB');
      const change = changeFromBaseline(absolute.threshold.canonical.unit, 500e6, 512e6);
      assert.equal(change, 12e6);
      assert.equal(holds(absolute, change ?? Number.NaN), false);
      assert.equal(holds(absolute, changeFromBaseline('B', 500e6, 495e6) ?? Number.NaN), true);
    });

    it('has no relative change from a zero or missing baseline', () => {
      assert.equal(changeFromBaseline('ratio', 0, 5), undefined);
      assert.equal(changeFromBaseline('ratio', Number.NaN, 5), undefined);
      assert.equal(changeFromBaseline('B', 0, 5), 5);
    });
  });

  it('states violations with the opposite comparator', () => {
    assert.deepEqual(
      (['>', '>=', '<', '<=', '==', '!=', 'within'] as const).map(violationSymbol),
      ['≤', '<', '≥', '>', '≠', '=', 'outside'],
    );
  });
});
