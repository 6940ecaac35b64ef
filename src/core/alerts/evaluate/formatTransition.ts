/** Operator-facing text for alert transitions (notifications, the status bar's tooltip, logs). */
import { formatRule } from '../formatRule';
import type { AlertTransition } from './evaluateAlert';
import { describeElapsed, formatObserved } from './formatValue';

export interface TransitionTextOptions {
  /** The environment the rule was evaluated on: "… on staging". */
  readonly environment?: string;
  /** What names the alert; default formatRule(rule) ("error_rate > 1%"). */
  readonly name?: string;
}

/**
 * - inactive → pending: "error_rate > 1% is PENDING on staging: 2.3%"
 * - → firing: "error_rate > 1% is FIRING on staging: 2.3% for 5 min" (no "for" when it fired at once)
 * - firing → inactive: "error_rate > 1% RESOLVED on staging: 0.4% after 12 min firing"
 * - pending → inactive: "error_rate > 1% is no longer pending on staging: 0.4%"
 *
 * Values are in the unit of the rule's threshold; an evaluation without data reads
 * "no data (reason)" where the value would be.
 */
export function formatAlertTransition(transition: AlertTransition, options: TransitionTextOptions = {}): string {
  const { rule, from, to, at } = transition;
  const name = options.name ?? formatRule(rule);
  const where = options.environment ? ` on ${options.environment}` : '';
  const observed =
    transition.value !== undefined
      ? formatObserved(rule, transition.value)
      : `no data${transition.noData?.reason ? ` (${transition.noData.reason})` : ''}`;
  if (to === 'firing') {
    const heldMs = transition.activeSince === undefined ? 0 : at - transition.activeSince;
    return `${name} is FIRING${where}: ${observed}${heldMs > 0 ? ` for ${describeElapsed(heldMs)}` : ''}`;
  }
  if (to === 'pending') return `${name} is PENDING${where}: ${observed}`;
  if (from === 'firing') {
    const firedFor = transition.firingSince === undefined ? '' : ` after ${describeElapsed(at - transition.firingSince)} firing`;
    return `${name} RESOLVED${where}: ${observed}${firedFor}`;
  }
  return `${name} is no longer pending${where}: ${observed}`;
}
