import * as assert from 'node:assert/strict';
import type { AlertRule } from '../../../src/core/alerts';
import { parseAlertCondition } from '../../../src/core/alerts';
import type { AlertTransition, Measurement } from '../../../src/core/alerts/evaluate';
import { AlertEvaluator, INITIAL_ALERT_STATE, evaluateAlert } from '../../../src/core/alerts/evaluate';

function condition(text: string): AlertRule {
  const result = parseAlertCondition(text);
  assert.ok(result.ok, `"${text}" did not parse`);
  return result.value;
}

const T0 = Date.UTC(2025, 0, 15, 14, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const value = (v: number): Measurement => ({ value: v });
const noData = (reason?: string): Measurement => ({ noData: true, reason });

/** Transitions as [from, to, ms after T0]. */
function brief(transitions: readonly AlertTransition[]): Array<[string, string, number]> {
  return transitions.map((t) => [t.from, t.to, t.at - T0]);
}

/** Evaluates `values` every `step` ms from T0 and collects all transitions. */
function run(evaluator: AlertEvaluator, values: readonly Measurement[], step: number): AlertTransition[] {
  const all: AlertTransition[] = [];
  values.forEach((m, i) => all.push(...evaluator.evaluate(m, T0 + i * step)));
  return all;
}

describe('evaluateAlert (Prometheus alerting-rule semantics)', () => {
  describe('with for: 5m, evaluated every 30 s', () => {
    const rule = condition('error_rate > 1% for 5m');

    it('goes pending at the first evaluation that holds', () => {
      const evaluator = new AlertEvaluator(rule);
      const transitions = evaluator.evaluate(value(0.023), T0);
      assert.deepEqual(brief(transitions), [['inactive', 'pending', 0]]);
      assert.equal(evaluator.state.state, 'pending');
      assert.equal(evaluator.state.activeSince, T0);
      assert.equal(evaluator.state.lastValue, 0.023);
      assert.equal(evaluator.state.lastEvaluatedAt, T0);
    });

    it('fires exactly at the evaluation where the for has elapsed, not one before', () => {
      const evaluator = new AlertEvaluator(rule);
      // 0 s … 4 min 30 s: pending; 5 min: firing.
      const values = Array.from({ length: 11 }, () => value(0.02));
      const transitions = run(evaluator, values.slice(0, 10), 30 * SECOND);
      assert.deepEqual(brief(transitions), [['inactive', 'pending', 0]]);
      assert.equal(evaluator.state.state, 'pending');
      const fired = evaluator.evaluate(value(0.02), T0 + 5 * MINUTE);
      assert.deepEqual(brief(fired), [['pending', 'firing', 5 * MINUTE]]);
      assert.equal(evaluator.state.firingSince, T0 + 5 * MINUTE);
      assert.equal(fired[0]?.activeSince, T0);
    });

    it('resets the timer when one evaluation does not hold', () => {
      const evaluator = new AlertEvaluator(rule);
      const values = [0.02, 0.02, 0.02, 0.02, 0.005, 0.02].map(value);
      const transitions = run(evaluator, values, MINUTE);
      assert.deepEqual(brief(transitions), [
        ['inactive', 'pending', 0],
        ['pending', 'inactive', 4 * MINUTE],
        ['inactive', 'pending', 5 * MINUTE],
      ]);
      // The new episode needs its own 5 minutes: not firing at 9 min, firing at 10.
      assert.deepEqual(evaluator.evaluate(value(0.02), T0 + 9 * MINUTE), []);
      assert.equal(evaluator.state.activeSince, T0 + 5 * MINUTE);
      assert.deepEqual(brief(evaluator.evaluate(value(0.02), T0 + 10 * MINUTE)), [['pending', 'firing', 10 * MINUTE]]);
    });

    it('treats no data as an absent series: pending → inactive', () => {
      const evaluator = new AlertEvaluator(rule);
      const transitions = run(evaluator, [value(0.02), value(0.02), noData('Prometheus returned no series')], MINUTE);
      assert.deepEqual(brief(transitions), [
        ['inactive', 'pending', 0],
        ['pending', 'inactive', 2 * MINUTE],
      ]);
      assert.equal(transitions[1]?.value, undefined);
      assert.deepEqual(transitions[1]?.noData, { reason: 'Prometheus returned no series' });
      assert.deepEqual(evaluator.state.noData, { since: T0 + 2 * MINUTE, reason: 'Prometheus returned no series' });
      assert.equal(evaluator.state.lastValue, undefined);
    });

    it('treats no data as an absent series: firing → resolved', () => {
      const evaluator = new AlertEvaluator(rule);
      run(evaluator, Array.from({ length: 6 }, () => value(0.02)), MINUTE);
      assert.equal(evaluator.state.state, 'firing');
      const resolved = evaluator.evaluate(noData(), T0 + 6 * MINUTE);
      assert.deepEqual(brief(resolved), [['firing', 'inactive', 6 * MINUTE]]);
      assert.equal(resolved[0]?.firingSince, T0 + 5 * MINUTE);
      assert.equal(evaluator.state.resolvedAt, T0 + 6 * MINUTE);
    });

    it('does not read no data as zero (zero holds a "<" rule, no data does not)', () => {
      const below = condition('request_rate < 1 req/s');
      assert.equal(evaluateAlert(below, INITIAL_ALERT_STATE, value(0), T0).state.state, 'firing');
      assert.equal(evaluateAlert(below, INITIAL_ALERT_STATE, noData(), T0).state.state, 'inactive');
      assert.equal(evaluateAlert(below, INITIAL_ALERT_STATE, value(Number.NaN), T0).state.state, 'inactive');
      assert.deepEqual(evaluateAlert(below, INITIAL_ALERT_STATE, value(Number.NaN), T0).state.noData, { since: T0, reason: '0/0' });
    });

    it('keeps the no-data start while no data goes on, and clears it when data returns', () => {
      const evaluator = new AlertEvaluator(rule);
      run(evaluator, [noData('a'), noData('b'), value(0.001)], MINUTE);
      assert.equal(evaluator.state.noData, undefined);
      const again = new AlertEvaluator(rule);
      run(again, [noData('a'), noData('b')], MINUTE);
      assert.deepEqual(again.state.noData, { since: T0, reason: 'b' });
    });

    it('resolves a firing alert at the first evaluation that does not hold', () => {
      const evaluator = new AlertEvaluator(rule);
      const transitions = run(evaluator, [...Array.from({ length: 7 }, () => value(0.02)), value(0.004)], MINUTE);
      assert.deepEqual(brief(transitions), [
        ['inactive', 'pending', 0],
        ['pending', 'firing', 5 * MINUTE],
        ['firing', 'inactive', 7 * MINUTE],
      ]);
      assert.equal(transitions[2]?.value, 0.004);
      assert.equal(evaluator.state.activeSince, undefined);
      assert.equal(evaluator.state.firingSince, undefined);
    });
  });

  it('fires at once without a for (one transition inactive → firing)', () => {
    const evaluator = new AlertEvaluator(condition('error_rate > 1%'));
    assert.deepEqual(brief(evaluator.evaluate(value(0.005), T0)), []);
    const fired = evaluator.evaluate(value(0.02), T0 + MINUTE);
    assert.deepEqual(brief(fired), [['inactive', 'firing', MINUTE]]);
    assert.equal(fired[0]?.value, 0.02);
    assert.equal(evaluator.state.firingSince, T0 + MINUTE);
  });

  it('lets the timing override the rule’s for (the config’s forSeconds)', () => {
    const rule = condition('error_rate > 1% for 5m');
    const immediate = new AlertEvaluator(rule, { forSeconds: 0 });
    assert.deepEqual(brief(immediate.evaluate(value(0.02), T0)), [['inactive', 'firing', 0]]);
    const longer = new AlertEvaluator(condition('error_rate > 1%'), { forSeconds: 120 });
    const transitions = run(longer, [0.02, 0.02, 0.02].map(value), MINUTE);
    assert.deepEqual(brief(transitions), [
      ['inactive', 'pending', 0],
      ['pending', 'firing', 2 * MINUTE],
    ]);
  });

  it('keeps firing for keepFiringFor after the rule stops holding, and resolves after it', () => {
    const evaluator = new AlertEvaluator(condition('error_rate > 1%'), { keepFiringForSeconds: 120 });
    const transitions = run(evaluator, [0.02, 0.001, 0.001, 0.001].map(value), MINUTE);
    assert.deepEqual(brief(transitions), [
      ['inactive', 'firing', 0],
      ['firing', 'inactive', 3 * MINUTE],
    ]);
  });

  it('cancels the keepFiringFor countdown when the rule holds again', () => {
    const evaluator = new AlertEvaluator(condition('error_rate > 1%'), { keepFiringForSeconds: 120 });
    const transitions = run(evaluator, [0.02, 0.001, 0.02, 0.001, 0.001, 0.001].map(value), MINUTE);
    assert.deepEqual(brief(transitions), [
      ['inactive', 'firing', 0],
      ['firing', 'inactive', 5 * MINUTE],
    ]);
  });

  it('ignores an evaluation older than the last one', () => {
    const rule = condition('error_rate > 1% for 5m');
    const pending = evaluateAlert(rule, INITIAL_ALERT_STATE, value(0.02), T0 + MINUTE).state;
    const stale = evaluateAlert(rule, pending, value(0.001), T0);
    assert.equal(stale.state, pending);
    assert.deepEqual(stale.transitions, []);
  });

  it('is pure: the given state is not changed', () => {
    const rule = condition('error_rate > 1% for 5m');
    const before = evaluateAlert(rule, INITIAL_ALERT_STATE, value(0.02), T0).state;
    const copy = { ...before };
    evaluateAlert(rule, before, value(0.001), T0 + MINUTE);
    assert.deepEqual(before, copy);
    assert.deepEqual(INITIAL_ALERT_STATE, { state: 'inactive' });
  });
});
