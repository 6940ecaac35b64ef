/**
 * Whether a rule holds for one observed value, compared in canonical units (see ../model.ts):
 * Prometheus comparison semantics on plain numbers.
 */
import type { AlertRule, CanonicalUnit, Comparator } from '../model';
import { clean } from '../units';

/**
 * True when `observed <comparator> threshold` in the threshold's canonical unit: a ratio (0..1)
 * for `%` thresholds, `ms` for durations, `B` for sizes, else `count`, `status` or `/s`. The
 * caller converts: an error rate of 2.3 % is passed as 0.023, a latency of 1.2 s as 1200.
 *
 * `within` (a stability band) holds when `|observed| <= threshold`. Here `observed` is not the
 * metric's value but its CHANGE from a baseline (taken at deploy time), as `changeFromBaseline`
 * computes it: relative (a ratio: +0.031 for +3.1 %) when the threshold is a `%`, absolute in
 * the threshold's canonical unit otherwise (+12 MB → 12000000 for a `MB` threshold).
 *
 * NaN never holds (a NaN comes from 0/0, which is no data: evaluators treat it so before
 * comparing). Infinities compare as numbers, as in Prometheus (`x / 0` is `+Inf`).
 */
export function holds(rule: AlertRule, observed: number): boolean {
  if (Number.isNaN(observed)) return false;
  return compare(observed, rule.comparator, rule.threshold.canonical.value);
}

function compare(observed: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>':
      return observed > threshold;
    case '>=':
      return observed >= threshold;
    case '<':
      return observed < threshold;
    case '<=':
      return observed <= threshold;
    case '==':
      return observed === threshold;
    case '!=':
      return observed !== threshold;
    case 'within':
      return Math.abs(observed) <= threshold;
  }
}

/**
 * The value a `within` rule compares: the change of `current` from `baseline`, both in the
 * metric's canonical unit. With a `ratio` threshold (the rule was written in `%`) the change is
 * relative, `(current − baseline) / |baseline|`, and undefined for a zero or non-finite
 * baseline (no data: a relative change from nothing is not a number); with any other unit it
 * is absolute, `current − baseline`. Binary floating-point noise is dropped (102 from 100 is
 * exactly 0.02).
 */
export function changeFromBaseline(thresholdUnit: CanonicalUnit, baseline: number, current: number): number | undefined {
  if (!Number.isFinite(baseline) || !Number.isFinite(current)) return undefined;
  if (thresholdUnit !== 'ratio') return clean(current - baseline);
  if (baseline === 0) return undefined;
  return clean((current - baseline) / Math.abs(baseline));
}

/** The comparator that states a rule's violation, as a symbol: `<` → `≥`, `==` → `≠`; `within` → `outside`. */
export function violationSymbol(comparator: Comparator): string {
  switch (comparator) {
    case '>':
      return '≤';
    case '>=':
      return '<';
    case '<':
      return '≥';
    case '<=':
      return '>';
    case '==':
      return '≠';
    case '!=':
      return '=';
    case 'within':
      return 'outside';
  }
}
