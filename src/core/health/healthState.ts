/**
 * The health of one target, with Uptime Kuma's monitor semantics:
 *
 * - UNKNOWN until the first probe result.
 * - A success → UP (the retry count resets).
 * - A failure while retries remain → PENDING: with `retries` = N, the first N failures in a
 *   row from UP (or from the start) are PENDING and the (N+1)th is DOWN. With 0 retries (the
 *   default) the first failure is DOWN. While DOWN, failures stay DOWN.
 *
 * Which status changes notify (`notify` on the change), as Uptime Kuma's
 * `isImportantForNotification` with its first-beat rule (a first beat is announced only when
 * it is DOWN):
 *   UP → DOWN, PENDING → DOWN, DOWN → UP: notify.
 *   UNKNOWN → DOWN: notify (the target is down from the first probe: someone should know).
 *   UNKNOWN → UP, UNKNOWN → PENDING: no (starting to watch a healthy target is not news).
 *   UP → PENDING, PENDING → UP: no (a blip that retries absorbed).
 *
 * Pure: the caller supplies each result with its time (Unix ms).
 */
import type { HealthCheckConfig } from '../config';
import type { ProbeFailureKind } from './failureKind';

export type HealthStatus = 'UNKNOWN' | 'UP' | 'PENDING' | 'DOWN';

/** One finished probe. `latencyMs` is the time to the response (absent when none came). */
export type ProbeResult =
  | { readonly ok: true; readonly at: number; readonly latencyMs: number; readonly status?: number }
  | {
      readonly ok: false;
      readonly at: number;
      readonly latencyMs?: number;
      readonly status?: number;
      readonly kind: ProbeFailureKind;
      readonly message: string;
    };

export interface HealthState {
  readonly status: HealthStatus;
  /** When the current status began (Unix ms); undefined while UNKNOWN. */
  readonly since?: number;
  readonly consecutiveSuccesses: number;
  readonly consecutiveFailures: number;
  readonly lastCheckedAt?: number;
  readonly lastLatencyMs?: number;
  /** The most recent failure, kept after recovery (for "last error 12 min ago: …"). */
  readonly lastError?: { readonly at: number; readonly kind: ProbeFailureKind; readonly message: string };
}

export const INITIAL_HEALTH_STATE: HealthState = { status: 'UNKNOWN', consecutiveSuccesses: 0, consecutiveFailures: 0 };

export interface HealthChange {
  readonly from: HealthStatus;
  readonly to: HealthStatus;
  readonly at: number;
  /** Whether this change is worth a notification (see the module comment). */
  readonly notify: boolean;
}

export interface HealthUpdate {
  readonly state: HealthState;
  /** Set when the status changed. */
  readonly change?: HealthChange;
}

/** Whether a status change notifies (see the module comment). */
export function notifiesChange(from: HealthStatus, to: HealthStatus): boolean {
  if (from === to) return false;
  return to === 'DOWN' || (from === 'DOWN' && to === 'UP');
}

/** The next state after one probe result; `config.retries` failures in a row are PENDING before DOWN. */
export function reduceHealth(state: HealthState, result: ProbeResult, config: Pick<HealthCheckConfig, 'retries'>): HealthUpdate {
  let status: HealthStatus;
  let next: HealthState;
  if (result.ok) {
    status = 'UP';
    next = {
      ...state,
      status,
      consecutiveSuccesses: state.consecutiveSuccesses + 1,
      consecutiveFailures: 0,
      lastCheckedAt: result.at,
      lastLatencyMs: result.latencyMs,
    };
  } else {
    const failures = state.consecutiveFailures + 1;
    status = state.status === 'DOWN' || failures > Math.max(0, config.retries) ? 'DOWN' : 'PENDING';
    next = {
      ...state,
      status,
      consecutiveSuccesses: 0,
      consecutiveFailures: failures,
      lastCheckedAt: result.at,
      lastLatencyMs: result.latencyMs,
      lastError: { at: result.at, kind: result.kind, message: result.message },
    };
  }
  if (status === state.status) return { state: next };
  const change: HealthChange = { from: state.status, to: status, at: result.at, notify: notifiesChange(state.status, status) };
  return { state: { ...next, since: result.at }, change };
}
