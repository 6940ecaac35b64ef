/** A stateful wrapper of `evaluateAlert` for one rule: keeps the state between evaluations. */
import type { AlertRule } from '../model';
import type { AlertRuleState, AlertTiming, AlertTransition } from './evaluateAlert';
import { INITIAL_ALERT_STATE, evaluateAlert } from './evaluateAlert';
import type { Measurement } from './measurement';

/**
 * One alert rule's Prometheus-style state (see evaluateAlert.ts). Call `evaluate` at every
 * evaluation, with the time it happened (Unix ms); nothing here reads the clock.
 */
export class AlertEvaluator {
  #state: AlertRuleState;

  constructor(
    readonly rule: AlertRule,
    readonly timing: AlertTiming = {},
    initial: AlertRuleState = INITIAL_ALERT_STATE,
  ) {
    this.#state = initial;
  }

  get state(): AlertRuleState {
    return this.#state;
  }

  /** Evaluates the rule against one measurement and returns the transitions it made (usually none). */
  evaluate(measurement: Measurement, now: number): readonly AlertTransition[] {
    const result = evaluateAlert(this.rule, this.#state, measurement, now, this.timing);
    this.#state = result.state;
    return result.transitions;
  }
}
