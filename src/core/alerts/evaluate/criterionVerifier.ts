/**
 * Auto-verification of a measurable checklist item ("Error rate < 0.5%" under "First Hour").
 *
 * The item is VERIFIED when its rule held at every evaluation across the window the caller
 * gives (its section's: "First Hour" = 3600 s), counted from the first evaluation that held,
 * with at least `minSamples` evaluations that had data, and with no no-data gap longer than
 * `maxGapSeconds` between them. In detail:
 *
 * - `unverified`: no streak yet (nothing measured, or the streak was broken by a gap).
 * - `holding`: the rule has held at every evaluation with data since `since`. It becomes
 *   `verified` at the first evaluation with data where `now − since >= window` and
 *   `samples >= minSamples` (so with too few samples it keeps holding past the window).
 * - `violated`: an evaluation with data did not hold. Like a failed measurement in an Argo
 *   Rollouts analysis, this ends the verification: it stays violated (with the value and time)
 *   until `reset`, so a bad minute is not forgotten by a later good hour.
 * - No data is neither success nor failure (see ../model.ts). Evaluations without data do
 *   not count as samples. A gap is the time since the last evaluation WITH data; once it
 *   exceeds `maxGapSeconds` (default 60 s, four missed 15 s scrapes) the holding streak is
 *   broken: the item goes back to `unverified` and a new streak starts with the next value
 *   that holds. A gap up to the tolerance is bridged.
 * - `verified` and `violated` are final until `reset`.
 *
 * A rule's `for` has no role here (the window is the requirement); its `window` is the range the
 * metric is computed over, which is the measuring side's business.
 */
import type { AlertRule } from '../model';
import { holds, violationSymbol } from './holds';
import type { Measurement } from './measurement';
import { measuredValue, noDataReason } from './measurement';
import type { TimeFormatter } from './formatValue';
import { formatObserved, formatThreshold, formatUtcTime, groupThousands } from './formatValue';

export type CriterionState = 'unverified' | 'holding' | 'verified' | 'violated';

export interface CriterionOptions {
  /** How long the rule must hold: the checklist section's window, in seconds. */
  readonly windowSeconds: number;
  /** Evaluations with data needed, at least. Default 10. */
  readonly minSamples?: number;
  /** The longest bridged stretch without data, in seconds. Default 60. */
  readonly maxGapSeconds?: number;
  /** Formats times in `text`; default UTC "HH:MM". */
  readonly formatTime?: TimeFormatter;
}

export const DEFAULT_MIN_SAMPLES = 10;
export const DEFAULT_MAX_GAP_SECONDS = 60;

/** The verifier's memory between evaluations (pure data; see `verifyCriterion`). */
export interface CriterionProgress {
  readonly state: CriterionState;
  /** holding / verified: when the streak began; violated: when it was violated. */
  readonly since?: number;
  /** Evaluations with data in the current streak (or up to the violation). */
  readonly samples: number;
  readonly verifiedAt?: number;
  /** The value that violated the rule, in canonical units. */
  readonly violation?: number;
  readonly lastDataAt?: number;
  readonly lastEvaluatedAt?: number;
  /** Set while evaluations have no data. */
  readonly noData?: { readonly since: number; readonly reason?: string };
  /** Set when a gap broke the last streak: when it was noticed. */
  readonly brokenAt?: number;
}

export const INITIAL_CRITERION_PROGRESS: CriterionProgress = { state: 'unverified', samples: 0 };

export interface CriterionVerification {
  readonly state: CriterionState;
  readonly since?: number;
  readonly samples: number;
  readonly verifiedAt?: number;
  /** "auto-verified at 14:03 from 3,600 samples", "holding for 12 min of 60 (720 samples)", "violated at 14:10: 0.8% ≥ 0.5%". */
  readonly text: string;
}

/** One evaluation of the item's rule at `now` (Unix ms). Pure; out-of-order evaluations are ignored. */
export function verifyCriterion(
  rule: AlertRule,
  progress: CriterionProgress,
  measurement: Measurement,
  now: number,
  options: CriterionOptions,
): CriterionProgress {
  if (progress.state === 'verified' || progress.state === 'violated') return progress;
  if (progress.lastEvaluatedAt !== undefined && now < progress.lastEvaluatedAt) return progress;
  const maxGapMs = (options.maxGapSeconds ?? DEFAULT_MAX_GAP_SECONDS) * 1000;
  const gapTooLong = progress.state === 'holding' && progress.lastDataAt !== undefined && now - progress.lastDataAt > maxGapMs;
  const value = measuredValue(measurement);

  if (value === undefined) {
    const noData = { since: progress.noData?.since ?? now, reason: noDataReason(measurement) };
    if (gapTooLong) return { state: 'unverified', samples: 0, lastDataAt: progress.lastDataAt, lastEvaluatedAt: now, noData, brokenAt: now };
    return { ...progress, lastEvaluatedAt: now, noData };
  }

  const streak = progress.state === 'holding' && !gapTooLong ? progress : undefined;
  const brokenAt = gapTooLong ? now : progress.brokenAt;
  if (!holds(rule, value)) {
    return { state: 'violated', since: now, samples: (streak?.samples ?? 0) + 1, violation: value, lastDataAt: now, lastEvaluatedAt: now, brokenAt };
  }
  const since = streak?.since ?? now;
  const samples = (streak?.samples ?? 0) + 1;
  const windowMs = Math.max(0, options.windowSeconds * 1000);
  const enough = now - since >= windowMs && samples >= (options.minSamples ?? DEFAULT_MIN_SAMPLES);
  return {
    state: enough ? 'verified' : 'holding',
    since,
    samples,
    ...(enough ? { verifiedAt: now } : {}),
    lastDataAt: now,
    lastEvaluatedAt: now,
    brokenAt,
  };
}

function plural(count: number, word: string): string {
  return `${groupThousands(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** The progress as people read it (see CriterionVerification.text). */
export function describeCriterion(rule: AlertRule, progress: CriterionProgress, options: CriterionOptions): CriterionVerification {
  const formatTime = options.formatTime ?? formatUtcTime;
  const base = { state: progress.state, since: progress.since, samples: progress.samples, verifiedAt: progress.verifiedAt };
  switch (progress.state) {
    case 'verified':
      return { ...base, text: `auto-verified at ${formatTime(progress.verifiedAt ?? 0)} from ${plural(progress.samples, 'sample')}` };
    case 'violated': {
      const observed = formatObserved(rule, progress.violation ?? Number.NaN);
      return { ...base, text: `violated at ${formatTime(progress.since ?? 0)}: ${observed} ${violationSymbol(rule.comparator)} ${formatThreshold(rule)}` };
    }
    case 'holding': {
      const elapsedMs = (progress.lastEvaluatedAt ?? progress.since ?? 0) - (progress.since ?? 0);
      const inMinutes = options.windowSeconds >= 120;
      const unit = inMinutes ? 60_000 : 1000;
      const elapsed = Math.floor(elapsedMs / unit);
      const total = Math.round((options.windowSeconds * 1000) / unit);
      const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
      const samples = elapsedMs >= options.windowSeconds * 1000 && progress.samples < minSamples
        ? `${plural(progress.samples, 'sample')} of the ${groupThousands(minSamples)} needed`
        : plural(progress.samples, 'sample');
      return { ...base, text: `holding for ${elapsed} ${inMinutes ? 'min' : 's'} of ${total} (${samples})` };
    }
    case 'unverified': {
      const reason = progress.noData?.reason ? `: ${progress.noData.reason}` : '';
      if (progress.noData) {
        const restart = progress.brokenAt === undefined ? '' : '; the window starts again with the next sample that holds';
        return { ...base, text: `no data since ${formatTime(progress.noData.since)}${reason}${restart}` };
      }
      return { ...base, text: progress.lastEvaluatedAt === undefined ? 'not measured yet' : 'unverified' };
    }
  }
}

/** A checklist item's auto-verification: `verifyCriterion` with its progress kept between evaluations. */
export class CriterionVerifier {
  #progress: CriterionProgress = INITIAL_CRITERION_PROGRESS;

  constructor(
    readonly rule: AlertRule,
    readonly options: CriterionOptions,
  ) {}

  get progress(): CriterionProgress {
    return this.#progress;
  }

  /** Records one evaluation at `now` (Unix ms) and returns the item's verification. */
  record(measurement: Measurement, now: number): CriterionVerification {
    this.#progress = verifyCriterion(this.rule, this.#progress, measurement, now, this.options);
    return this.status();
  }

  status(): CriterionVerification {
    return describeCriterion(this.rule, this.#progress, this.options);
  }

  /** Starts over (after a redeploy, or when a person asks to re-verify). */
  reset(): void {
    this.#progress = INITIAL_CRITERION_PROGRESS;
  }
}
