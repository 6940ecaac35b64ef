/** Observed values, times, counts and elapsed times as people read them in messages. */
import { formatQuantity } from '../formatRule';
import type { AlertRule } from '../model';
import { UNIT_INFO } from '../units';

/** Formats a Unix-ms time for a message; injectable so tests and users pick the zone and style. */
export type TimeFormatter = (unixMs: number) => string;

/** "14:03": hours and minutes in UTC, the default TimeFormatter. */
export const formatUtcTime: TimeFormatter = (unixMs) => new Date(unixMs).toISOString().slice(11, 16);

/** 3600 → "3,600", 1234567 → "1,234,567" (rounded to an integer, locale-independent). */
export function groupThousands(count: number): string {
  const text = String(Math.round(Math.abs(count))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return count < 0 ? `-${text}` : text;
}

/** Three significant digits, whole numbers from 1000 up: 2.3000000000000003 → 2.3, 1234.5 → 1235. */
function roundForDisplay(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  if (Math.abs(value) >= 1000) return Math.round(value);
  return Number(value.toPrecision(3));
}

/**
 * A value in the rule's canonical unit, written in the unit of the rule's threshold (with
 * formatQuantity): 0.023 for `error_rate > 1%` → "2.3%", 1200 (ms) for a `1s` threshold →
 * "1.2s". For a `within` rule the value is a change from the baseline and is signed: "+3.1%".
 */
export function formatObserved(rule: AlertRule, canonicalValue: number): string {
  const unit = rule.threshold.unit;
  const value = roundForDisplay(canonicalValue / UNIT_INFO[unit].factor);
  const text = formatQuantity({ value, unit, raw: '', canonical: { value: canonicalValue, unit: rule.threshold.canonical.unit } });
  return rule.comparator === 'within' && value > 0 ? `+${text}` : text;
}

/** The rule's threshold as written in the rule: "1%", "±2%" for `within`. */
export function formatThreshold(rule: AlertRule): string {
  const text = formatQuantity(rule.threshold);
  return rule.comparator === 'within' ? `±${text}` : text;
}

/**
 * An elapsed time, rounded down to its two largest units: "45 s", "5 min", "1 h 20 min",
 * "2 d 3 h". Below a second: "0 s".
 */
export function describeElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
