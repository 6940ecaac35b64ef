import { QueryRangeError } from './errors';

/**
 * Prometheus's per-series limit for range queries (web/api/v1/api.go: "exceeded maximum
 * resolution of 11,000 points per timeseries"), checked as it does: ⌊(end − start) / step⌋ > 11000.
 */
export const MAX_RANGE_POINTS = 11_000;

/**
 * Throws QueryRangeError for a range Prometheus would refuse: step ≤ 0, end before start, or more
 * than 11,000 points. Times in Unix milliseconds, step in seconds.
 */
export function checkQueryRange(startMs: number, endMs: number, stepSeconds: number): void {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    throw new QueryRangeError('endBeforeStart', 'start and end must be valid times');
  }
  if (!(stepSeconds > 0) || !Number.isFinite(stepSeconds)) {
    throw new QueryRangeError('invalidStep', `the step must be a positive number of seconds, got ${stepSeconds}`);
  }
  if (endMs < startMs) {
    throw new QueryRangeError('endBeforeStart', 'the end of a range query must not be before its start');
  }
  const points = Math.floor((endMs - startMs) / (stepSeconds * 1000));
  if (points > MAX_RANGE_POINTS) {
    const minStep = Math.ceil((endMs - startMs) / 1000 / MAX_RANGE_POINTS);
    throw new QueryRangeError(
      'tooManyPoints',
      `range query of ${points} steps exceeds Prometheus's limit of ${MAX_RANGE_POINTS} points per series: use a step of at least ${minStep} s or a shorter range`,
      points,
    );
  }
}
