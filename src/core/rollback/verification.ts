/**
 * Verifying a rollback: a pure reducer over what is observed after the rollback commands ran.
 * Healthy when the health probe passed N times in a row (Flagger and Argo count consecutive
 * successes the same way), no alert is firing, and every running container runs the target tag.
 * Unhealthy when the timeout passes first. Times are injected (ms since the epoch), never read.
 */
import { CONFIG_DEFAULTS } from '../config/defaults';
import { imageNameOf, imageTagOf } from './imageTags';

/** Defaults of `rollback.verify` in the runbook config: one source, the config's defaults (3 in a row within 5 min). */
export const DEFAULT_VERIFY = {
  consecutiveHealthy: CONFIG_DEFAULTS.rollbackConsecutiveHealthy,
  timeoutSeconds: CONFIG_DEFAULTS.rollbackVerifyTimeoutSeconds,
} as const;

export interface VerifyConfig {
  readonly consecutiveHealthy: number;
  readonly timeoutSeconds: number;
}

export interface RunningContainer {
  readonly name: string;
  /** The image reference it runs, `app:v1.0.0`. */
  readonly image: string;
}

export type VerificationInput =
  | { readonly type: 'probe'; readonly at: number; readonly ok: boolean }
  /** The alerts firing now (names); empty when none fires. */
  | { readonly type: 'alerts'; readonly at: number; readonly firing: readonly string[] }
  /** The environment's running containers now. */
  | { readonly type: 'containers'; readonly at: number; readonly containers: readonly RunningContainer[] }
  /** Time passes with nothing observed. */
  | { readonly type: 'tick'; readonly at: number };

export type VerificationOutcome = 'verifying' | 'healthy' | 'unhealthy';

export interface VerificationState {
  readonly outcome: VerificationOutcome;
  /** The tag every container must run. */
  readonly target: string;
  readonly config: VerifyConfig;
  /** When verification started (the rollback commands ended). */
  readonly startedAt: number;
  /** When the alert that led to the rollback fired, for time from alert to healthy. */
  readonly alertFiredAt?: number;
  /** Containers are not checked when false (an environment without containers). */
  readonly checkContainers: boolean;
  readonly consecutiveHealthy: number;
  readonly probes: number;
  readonly firing: readonly string[];
  /** Undefined until the first containers observation. */
  readonly containers?: readonly RunningContainer[];
  readonly endedAt?: number;
  /** Healthy: ms from `startedAt`. */
  readonly timeToHealthyMs?: number;
  /** Healthy with `alertFiredAt`: ms from the alert firing. */
  readonly timeFromAlertMs?: number;
  /** Unhealthy: what was missing at the timeout. */
  readonly missing?: readonly string[];
}

export interface StartVerification {
  readonly target: string;
  readonly startedAt: number;
  readonly alertFiredAt?: number;
  readonly config?: Partial<VerifyConfig>;
  readonly checkContainers?: boolean;
}

export function startVerification(init: StartVerification): VerificationState {
  return {
    outcome: 'verifying',
    target: init.target,
    config: { ...DEFAULT_VERIFY, ...init.config },
    startedAt: init.startedAt,
    ...(init.alertFiredAt !== undefined ? { alertFiredAt: init.alertFiredAt } : {}),
    checkContainers: init.checkContainers ?? true,
    consecutiveHealthy: 0,
    probes: 0,
    firing: [],
  };
}

function tagMatches(image: string, target: string): boolean {
  return target.includes(':') ? image === target : imageTagOf(image) === target;
}

/** What is still missing for `healthy`: `2 of 3 healthy probes; HighErrorRate still firing; web runs app:v2 not app:v1`. */
export function missingConditions(state: VerificationState): string[] {
  const missing: string[] = [];
  const need = state.config.consecutiveHealthy;
  if (state.consecutiveHealthy < need) missing.push(`${state.consecutiveHealthy} of ${need} healthy probes${state.probes === 0 ? ' (no probe answered)' : ''}`);
  for (const alert of state.firing) missing.push(`${alert} still firing`);
  if (state.checkContainers) {
    if (state.containers === undefined) missing.push('no container state seen');
    else if (state.containers.length === 0) missing.push('no container running');
    for (const c of state.containers ?? []) {
      if (tagMatches(c.image, state.target)) continue;
      const want = state.target.includes(':') ? state.target : `${imageNameOf(c.image)}:${state.target}`;
      missing.push(`${c.name} runs ${c.image} not ${want}`);
    }
  }
  return missing;
}

/**
 * Folds one observation in. Once `healthy` or `unhealthy` the state no longer changes. An
 * observation later than the deadline (`startedAt + timeoutSeconds`) ends it as `unhealthy`
 * with what was missing before it; one at the deadline still counts.
 */
export function reduceVerification(state: VerificationState, input: VerificationInput): VerificationState {
  if (state.outcome !== 'verifying') return state;
  const deadline = state.startedAt + state.config.timeoutSeconds * 1000;
  if (input.at > deadline) return { ...state, outcome: 'unhealthy', endedAt: deadline, missing: missingConditions(state) };
  let next: VerificationState = state;
  switch (input.type) {
    case 'probe':
      next = { ...state, probes: state.probes + 1, consecutiveHealthy: input.ok ? state.consecutiveHealthy + 1 : 0 };
      break;
    case 'alerts':
      next = { ...state, firing: [...input.firing] };
      break;
    case 'containers':
      next = { ...state, containers: [...input.containers] };
      break;
    case 'tick':
      break;
  }
  if (missingConditions(next).length > 0) return next;
  return {
    ...next,
    outcome: 'healthy',
    endedAt: input.at,
    timeToHealthyMs: input.at - state.startedAt,
    ...(state.alertFiredAt !== undefined ? { timeFromAlertMs: input.at - state.alertFiredAt } : {}),
  };
}
