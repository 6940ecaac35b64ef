// Health checks with Uptime Kuma's model: response checks, UP/PENDING/DOWN with retries and
// notifications, probe scheduling, error classification, the status-bar roll-up. No VS Code.
export type { ProbeFailureKind } from './failureKind';
export { evaluateResponse } from './evaluateResponse';
export type { ProbeResponse, ResponseVerdict } from './evaluateResponse';
export { lookupJsonPath, parseJsonPath } from './jsonPath';
export type { JsonPathSegment } from './jsonPath';
export { INITIAL_HEALTH_STATE, notifiesChange, reduceHealth } from './healthState';
export type { HealthChange, HealthState, HealthStatus, HealthUpdate, ProbeResult } from './healthState';
export { MAX_BACKOFF_MS, effectiveTimeout, nextProbeDelay } from './schedule';
export { classifyNodeError } from './classifyNodeError';
export type { ClassifiedError, ErrorContext } from './classifyNodeError';
export { environmentHealth, overallHealth } from './overallHealth';
export type { EnvironmentHealthInput, OverallHealth } from './overallHealth';
