/**
 * The alert state machine of one rule, with Prometheus alerting-rule semantics
 * (rules/alerting.go): inactive → pending → firing, driven by evaluations at injected times.
 *
 * - The rule holds (see `holds`) and the alert is inactive: it becomes pending, `activeSince`
 *   = now. With no `for` (or `for` 0) it fires in the same evaluation, as Prometheus does:
 *   one transition inactive → firing.
 * - Pending, and the rule holds again: it fires once `now − activeSince >= for`, so it fires
 *   exactly at the first evaluation at or after the `for` has elapsed, never before. Because
 *   any evaluation that does not hold resets the alert, a firing alert has held at EVERY
 *   evaluation for the `for` duration.
 * - The rule does not hold: pending → inactive (the timer resets); firing → inactive
 *   (resolved), unless `keepFiringFor` keeps it firing that long after the condition stopped
 *   holding (Prometheus `keep_firing_for`; holding again cancels the countdown).
 * - No data (an absent series, 0/0, a failed query) is not zero: it is never compared with the
 *   threshold. For the state machine it is what an absent series is to Prometheus: the alert is
 *   not in the result, so pending → inactive and firing → resolved (subject to keepFiringFor).
 *   The transition says so (`noData`) instead of carrying a value.
 *
 * Pure: the caller keeps the state and supplies `now` (Unix ms); no timers. An evaluation
 * older than the last one is ignored (state unchanged, no transitions).
 */
import type { AlertRule } from '../model';
import { holds } from './holds';
import type { Measurement } from './measurement';
import { measuredValue, noDataReason } from './measurement';

export type AlertState = 'inactive' | 'pending' | 'firing';

export interface AlertRuleState {
  readonly state: AlertState;
  /** When the rule started holding in the current episode (Prometheus `ActiveAt`); pending or firing only. */
  readonly activeSince?: number;
  /** When the alert started firing (Prometheus `FiredAt`); firing only. */
  readonly firingSince?: number;
  /** While firing and kept so by keepFiringFor: when the rule stopped holding. */
  readonly keepFiringSince?: number;
  /** When it last resolved (firing → inactive). */
  readonly resolvedAt?: number;
  /** The value of the last evaluation; undefined when it had no data. */
  readonly lastValue?: number;
  readonly lastEvaluatedAt?: number;
  /** Set while evaluations have no data: since when, and why (the latest reason). */
  readonly noData?: { readonly since: number; readonly reason?: string };
}

export const INITIAL_ALERT_STATE: AlertRuleState = { state: 'inactive' };

export interface AlertTiming {
  /** Overrides the rule's own `for` (e.g. an AlertConfig's forSeconds); 0: fire at once. */
  readonly forSeconds?: number;
  /** Prometheus `keep_firing_for`: how long a firing alert stays firing after the rule stops holding. Default 0. */
  readonly keepFiringForSeconds?: number;
}

/**
 * inactive → pending, inactive → firing (no `for`), pending → firing, pending → inactive
 * (stopped holding before `for` elapsed), firing → inactive (resolved).
 */
export interface AlertTransition {
  readonly rule: AlertRule;
  readonly from: AlertState;
  readonly to: AlertState;
  /** The evaluation time (Unix ms). */
  readonly at: number;
  /** The measured value; undefined when the evaluation had no data. */
  readonly value?: number;
  /** Present when the evaluation had no data. */
  readonly noData?: { readonly reason?: string };
  /** When the episode began holding (for "FIRING … for 5 min"). */
  readonly activeSince?: number;
  /** When the alert began firing (for "resolved after 12 min"). */
  readonly firingSince?: number;
}

export interface AlertEvaluation {
  readonly state: AlertRuleState;
  readonly transitions: readonly AlertTransition[];
}

/** The `for` in effect, in ms: the timing's, else the rule's, else 0. */
export function effectiveForMs(rule: AlertRule, timing: AlertTiming = {}): number {
  const seconds = timing.forSeconds ?? rule.for?.seconds ?? 0;
  return Math.max(0, seconds * 1000);
}

/** One evaluation of `rule` at `now` (Unix ms): the next state and the transitions it made. */
export function evaluateAlert(
  rule: AlertRule,
  state: AlertRuleState,
  measurement: Measurement,
  now: number,
  timing: AlertTiming = {},
): AlertEvaluation {
  if (state.lastEvaluatedAt !== undefined && now < state.lastEvaluatedAt) return { state, transitions: [] };
  const value = measuredValue(measurement);
  const noData = value === undefined ? { since: state.noData?.since ?? now, reason: noDataReason(measurement) } : undefined;
  const common = { lastValue: value, lastEvaluatedAt: now, noData, resolvedAt: state.resolvedAt };
  const transition = (from: AlertState, to: AlertState, times: { activeSince?: number; firingSince?: number }): AlertTransition => ({
    rule,
    from,
    to,
    at: now,
    value,
    ...(noData ? { noData: { reason: noData.reason } } : {}),
    ...times,
  });

  if (value !== undefined && holds(rule, value)) {
    const forMs = effectiveForMs(rule, timing);
    switch (state.state) {
      case 'inactive': {
        if (forMs === 0) {
          const next = { ...common, state: 'firing' as const, activeSince: now, firingSince: now };
          return { state: next, transitions: [transition('inactive', 'firing', { activeSince: now, firingSince: now })] };
        }
        return { state: { ...common, state: 'pending', activeSince: now }, transitions: [transition('inactive', 'pending', { activeSince: now })] };
      }
      case 'pending': {
        const activeSince = state.activeSince ?? now;
        if (now - activeSince >= forMs) {
          const next = { ...common, state: 'firing' as const, activeSince, firingSince: now };
          return { state: next, transitions: [transition('pending', 'firing', { activeSince, firingSince: now })] };
        }
        return { state: { ...common, state: 'pending', activeSince }, transitions: [] };
      }
      case 'firing':
        return { state: { ...common, state: 'firing', activeSince: state.activeSince, firingSince: state.firingSince }, transitions: [] };
    }
  }

  // Does not hold, or no data.
  switch (state.state) {
    case 'inactive':
      return { state: { ...common, state: 'inactive' }, transitions: [] };
    case 'pending':
      return { state: { ...common, state: 'inactive' }, transitions: [transition('pending', 'inactive', { activeSince: state.activeSince })] };
    case 'firing': {
      const keepMs = Math.max(0, (timing.keepFiringForSeconds ?? 0) * 1000);
      const keepFiringSince = state.keepFiringSince ?? now;
      if (keepMs > 0 && now - keepFiringSince < keepMs) {
        const next = { ...common, state: 'firing' as const, activeSince: state.activeSince, firingSince: state.firingSince, keepFiringSince };
        return { state: next, transitions: [] };
      }
      const times = { activeSince: state.activeSince, firingSince: state.firingSince };
      return { state: { ...common, state: 'inactive', resolvedAt: now }, transitions: [transition('firing', 'inactive', times)] };
    }
  }
}
