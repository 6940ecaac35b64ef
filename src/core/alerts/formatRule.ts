/**
 * Canonical text for rules, thresholds and durations (tooltips, the CLI's JSON). The output
 * parses back to the same rule with parseAlertCondition.
 */
import type { AlertRule, Duration, Quantity, QuantityUnit } from './model';
import { DURATION_UNITS } from './units';

const SUFFIX: Readonly<Record<QuantityUnit, string>> = {
  '%': '%',
  ms: 'ms',
  s: 's',
  min: 'min',
  h: 'h',
  B: 'B',
  KB: 'KB',
  MB: 'MB',
  GB: 'GB',
  TB: 'TB',
  KiB: 'KiB',
  MiB: 'MiB',
  GiB: 'GiB',
  TiB: 'TiB',
  count: '',
  status: '',
  '/s': '/s',
};

/** "5%", "1000ms", "512MB", "0", "200": the value as written, in the unit as written. */
export function formatQuantity(quantity: Quantity): string {
  return `${quantity.value}${SUFFIX[quantity.unit]}`;
}

export type DurationStyle = 'short' | 'long';

/**
 * A duration from its largest unit (weeks) down: `short` is Prometheus syntax ("1h30m", "5m",
 * "1d", "500ms"), `long` is words ("1 hour 30 minutes"). Rounded to the millisecond; zero
 * is "0s" / "0 seconds".
 */
export function describeDuration(duration: Duration | number, style: DurationStyle = 'short'): string {
  const seconds = typeof duration === 'number' ? duration : duration.seconds;
  let rest = Math.max(0, Math.round(seconds * 1000));
  const parts: string[] = [];
  for (const unit of DURATION_UNITS) {
    if (unit.symbol === 'y') continue; // a year is not a fixed length; windows never need one
    const unitMs = Math.round(unit.seconds * 1000);
    const count = Math.floor(rest / unitMs);
    if (count === 0) continue;
    rest -= count * unitMs;
    parts.push(style === 'short' ? `${count}${unit.symbol}` : `${count} ${unit.singular}${count === 1 ? '' : 's'}`);
  }
  if (parts.length === 0) return style === 'short' ? '0s' : '0 seconds';
  return parts.join(style === 'short' ? '' : ' ');
}

/**
 * "memory_growth > 5% in 1h", "error_rate < 0.5%", "memory_usage within ±2%",
 * "cpu_usage > 90% for 10m": metric, comparator, threshold as written, then the window
 * and `for` in Prometheus duration syntax.
 */
export function formatRule(rule: AlertRule): string {
  const threshold = formatQuantity(rule.threshold);
  let text = rule.comparator === 'within' ? `${rule.metric} within ±${threshold}` : `${rule.metric} ${rule.comparator} ${threshold}`;
  if (rule.window) text += ` in ${describeDuration(rule.window)}`;
  if (rule.for) text += ` for ${describeDuration(rule.for)}`;
  return text;
}
