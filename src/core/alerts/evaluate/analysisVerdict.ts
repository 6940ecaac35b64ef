/**
 * Verdicts of one analysis measurement, copied from Argo Rollouts (`evaluate.EvaluateResult`
 * and the AnalysisRun's consecutive-error limit). Rollback logic uses them: failed or error →
 * abort and roll back; inconclusive → pause for a person.
 */

export type AnalysisVerdict = 'successful' | 'failed' | 'inconclusive' | 'error';

export interface AnalysisOutcome {
  /** The success condition's result; undefined when the analysis has none. */
  readonly successCondition?: boolean;
  /** The failure condition's result; undefined when the analysis has none. */
  readonly failureCondition?: boolean;
  /** The measurement could not be evaluated: a query error, or an empty result (no data). */
  readonly error?: boolean;
}

/**
 * Argo Rollouts' rules, in order:
 * - an evaluation error (or empty result) → `error`, never `failed`;
 * - neither condition defined → `successful`;
 * - success condition only: true → `successful`, false → `failed`;
 * - failure condition only: true → `failed`, false → `successful`;
 * - both: the failure condition wins (true → `failed`); else success true → `successful`;
 *   neither true → `inconclusive`.
 */
export function analysisVerdict(outcome: AnalysisOutcome): AnalysisVerdict {
  if (outcome.error) return 'error';
  const { successCondition, failureCondition } = outcome;
  if (successCondition === undefined && failureCondition === undefined) return 'successful';
  const failed = failureCondition ?? !successCondition;
  const succeeded = successCondition ?? !failureCondition;
  if (failed) return 'failed';
  return succeeded ? 'successful' : 'inconclusive';
}

/** Argo Rollouts' default `consecutiveErrorLimit`: errors in a row tolerated; the 5th trips it. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

export interface VerdictTally {
  readonly successful: number;
  readonly failed: number;
  readonly inconclusive: number;
  readonly errors: number;
  /** Errors in a row; any other verdict resets it to 0 (as Argo does). */
  readonly consecutiveErrors: number;
}

export const EMPTY_VERDICT_TALLY: VerdictTally = { successful: 0, failed: 0, inconclusive: 0, errors: 0, consecutiveErrors: 0 };

/** Adds one measurement's verdict to the tally. */
export function tallyVerdict(tally: VerdictTally, verdict: AnalysisVerdict): VerdictTally {
  switch (verdict) {
    case 'error':
      return { ...tally, errors: tally.errors + 1, consecutiveErrors: tally.consecutiveErrors + 1 };
    case 'successful':
      return { ...tally, successful: tally.successful + 1, consecutiveErrors: 0 };
    case 'failed':
      return { ...tally, failed: tally.failed + 1, consecutiveErrors: 0 };
    case 'inconclusive':
      return { ...tally, inconclusive: tally.inconclusive + 1, consecutiveErrors: 0 };
  }
}

/**
 * True once the errors in a row exceed the limit (Argo: `consecutiveErrors > limit`): with the
 * default 4, four errors in a row are tolerated and the 5th trips it. The analysis then counts
 * as `error`: abort and roll back.
 */
export function consecutiveErrorLimitTripped(tally: VerdictTally, limit: number = DEFAULT_CONSECUTIVE_ERROR_LIMIT): boolean {
  return tally.consecutiveErrors > limit;
}
