// Alert evaluation: Prometheus alerting-rule states, checklist auto-verification, Argo
// Rollouts analysis verdicts, and the text operators read. Pure, clock injected; no VS Code.
export { holds, changeFromBaseline, violationSymbol } from './holds';
export type { Measurement } from './measurement';
export { measuredValue, noDataReason } from './measurement';
export { evaluateAlert, effectiveForMs, INITIAL_ALERT_STATE } from './evaluateAlert';
export type { AlertEvaluation, AlertRuleState, AlertState, AlertTiming, AlertTransition } from './evaluateAlert';
export { AlertEvaluator } from './alertEvaluator';
export {
  CriterionVerifier,
  DEFAULT_MAX_GAP_SECONDS,
  DEFAULT_MIN_SAMPLES,
  INITIAL_CRITERION_PROGRESS,
  describeCriterion,
  verifyCriterion,
} from './criterionVerifier';
export type { CriterionOptions, CriterionProgress, CriterionState, CriterionVerification } from './criterionVerifier';
export { formatAlertTransition } from './formatTransition';
export type { TransitionTextOptions } from './formatTransition';
export { describeElapsed, formatObserved, formatThreshold, formatUtcTime, groupThousands } from './formatValue';
export type { TimeFormatter } from './formatValue';
export {
  DEFAULT_CONSECUTIVE_ERROR_LIMIT,
  EMPTY_VERDICT_TALLY,
  analysisVerdict,
  consecutiveErrorLimitTripped,
  tallyVerdict,
} from './analysisVerdict';
export type { AnalysisOutcome, AnalysisVerdict, VerdictTally } from './analysisVerdict';
