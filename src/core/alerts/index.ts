export * from './model';
export { parseAlertCondition, parseDurationText } from './parseCondition';
export { parseChecklistCriterion } from './parseCriterion';
export { extractAlertConditions } from './extractConditions';
export type { ExtractedCondition } from './extractConditions';
export { describeDuration, formatQuantity, formatRule } from './formatRule';
export type { DurationStyle } from './formatRule';
export { recognizeMetric } from './metricNames';
