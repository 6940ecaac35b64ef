/** Unit spellings for thresholds and durations, and their conversion to canonical units. */
import type { CanonicalUnit, QuantityUnit } from './model';

/** What a threshold measures; each known metric accepts some of these (see metricNames.ts). */
export type Dimension = 'percent' | 'duration' | 'size' | 'count' | 'status' | 'rate';

interface UnitInfo {
  readonly dimension: Dimension;
  readonly canonicalUnit: CanonicalUnit;
  /** Multiply a value in this unit by `factor` for the canonical value. */
  readonly factor: number;
}

export const UNIT_INFO: Readonly<Record<QuantityUnit, UnitInfo>> = {
  '%': { dimension: 'percent', canonicalUnit: 'ratio', factor: 0.01 },
  ms: { dimension: 'duration', canonicalUnit: 'ms', factor: 1 },
  s: { dimension: 'duration', canonicalUnit: 'ms', factor: 1000 },
  min: { dimension: 'duration', canonicalUnit: 'ms', factor: 60_000 },
  h: { dimension: 'duration', canonicalUnit: 'ms', factor: 3_600_000 },
  B: { dimension: 'size', canonicalUnit: 'B', factor: 1 },
  KB: { dimension: 'size', canonicalUnit: 'B', factor: 1e3 },
  MB: { dimension: 'size', canonicalUnit: 'B', factor: 1e6 },
  GB: { dimension: 'size', canonicalUnit: 'B', factor: 1e9 },
  TB: { dimension: 'size', canonicalUnit: 'B', factor: 1e12 },
  KiB: { dimension: 'size', canonicalUnit: 'B', factor: 2 ** 10 },
  MiB: { dimension: 'size', canonicalUnit: 'B', factor: 2 ** 20 },
  GiB: { dimension: 'size', canonicalUnit: 'B', factor: 2 ** 30 },
  TiB: { dimension: 'size', canonicalUnit: 'B', factor: 2 ** 40 },
  count: { dimension: 'count', canonicalUnit: 'count', factor: 1 },
  status: { dimension: 'status', canonicalUnit: 'status', factor: 1 },
  '/s': { dimension: 'rate', canonicalUnit: '/s', factor: 1 },
};

/** Drops binary floating-point noise from a conversion: 1.1 × 1000 is 1100, not 1100.0000000000002. */
export function clean(value: number): number {
  return Number(value.toPrecision(15));
}

/** Canonical value of `value` written in `unit`: 5% → 0.05 (ratio), 2 s → 2000 (ms). */
export function toCanonical(value: number, unit: QuantityUnit): number {
  return clean(unit === '%' ? value / 100 : value * UNIT_INFO[unit].factor);
}

// Threshold unit words. Exact spellings first; words longer than two letters also match in
// any case ("Seconds"), and sizes match in any case ("mb"), but `M` is never minutes.
const THRESHOLD_UNITS = new Map<string, QuantityUnit>([
  ['%', '%'],
  ['percent', '%'],
  ['pct', '%'],
  ['ms', 'ms'],
  ['msec', 'ms'],
  ['msecs', 'ms'],
  ['millisecond', 'ms'],
  ['milliseconds', 'ms'],
  ['s', 's'],
  ['sec', 's'],
  ['secs', 's'],
  ['second', 's'],
  ['seconds', 's'],
  ['m', 'min'],
  ['min', 'min'],
  ['mins', 'min'],
  ['minute', 'min'],
  ['minutes', 'min'],
  ['h', 'h'],
  ['hr', 'h'],
  ['hrs', 'h'],
  ['hour', 'h'],
  ['hours', 'h'],
  ['rps', '/s'],
]);

const SIZE_UNITS = new Map<string, QuantityUnit>([
  ['b', 'B'],
  ['byte', 'B'],
  ['bytes', 'B'],
  ['kb', 'KB'],
  ['mb', 'MB'],
  ['gb', 'GB'],
  ['tb', 'TB'],
  ['kib', 'KiB'],
  ['mib', 'MiB'],
  ['gib', 'GiB'],
  ['tib', 'TiB'],
]);

/** The threshold unit a word spells, if any. */
export function thresholdUnit(word: string): QuantityUnit | undefined {
  return (
    THRESHOLD_UNITS.get(word) ??
    (word.length > 2 ? THRESHOLD_UNITS.get(word.toLowerCase()) : undefined) ??
    SIZE_UNITS.get(word.toLowerCase())
  );
}

/** Seconds per duration unit, largest first: the order Prometheus requires in `1h30m`. */
export const DURATION_UNITS = [
  { symbol: 'y', seconds: 365 * 86_400, singular: 'year' },
  { symbol: 'w', seconds: 7 * 86_400, singular: 'week' },
  { symbol: 'd', seconds: 86_400, singular: 'day' },
  { symbol: 'h', seconds: 3600, singular: 'hour' },
  { symbol: 'm', seconds: 60, singular: 'minute' },
  { symbol: 's', seconds: 1, singular: 'second' },
  { symbol: 'ms', seconds: 0.001, singular: 'millisecond' },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number];

const DURATION_WORDS = new Map<string, DurationUnit>();
for (const unit of DURATION_UNITS) {
  DURATION_WORDS.set(unit.symbol, unit);
  DURATION_WORDS.set(unit.singular, unit);
  DURATION_WORDS.set(`${unit.singular}s`, unit);
}
for (const [word, symbol] of [
  ['yr', 'y'],
  ['yrs', 'y'],
  ['wk', 'w'],
  ['wks', 'w'],
  ['hr', 'h'],
  ['hrs', 'h'],
  ['min', 'm'],
  ['mins', 'm'],
  ['sec', 's'],
  ['secs', 's'],
  ['msec', 'ms'],
  ['msecs', 'ms'],
] as const) {
  const unit = DURATION_UNITS.find((u) => u.symbol === symbol);
  if (unit) DURATION_WORDS.set(word, unit);
}

/** The duration unit a word spells ("m", "min", "Minutes"), if any; one- and two-letter symbols are lower-case only. */
export function durationUnit(word: string): DurationUnit | undefined {
  return DURATION_WORDS.get(word) ?? (word.length > 2 ? DURATION_WORDS.get(word.toLowerCase()) : undefined);
}
