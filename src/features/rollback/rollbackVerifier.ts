import type { EnvironmentConfig } from '../../core/config';
import { SeriesNames, seriesKey } from '../../core/monitoring';
import type { RollbackResult, RunningContainer, VerificationInput, VerificationState, VerifyConfig } from '../../core/rollback';
import { reduceVerification, resultFromVerification, startVerification } from '../../core/rollback';
import type { MonitoringService } from '../monitoring/monitoringService';

export interface VerifyRequest {
  readonly environment: EnvironmentConfig;
  readonly from: string;
  readonly to: string;
  /** When the rollback started (its commands); time to healthy counts from here. */
  readonly rollbackStartedAt: number;
  readonly alertFiredAt?: number;
  readonly config: VerifyConfig;
  /** Containers are polled this often (ms); default 1000. */
  readonly pollMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Verifies a rollback whose commands ended: the environment's monitor (started for it when it was
 * not running) must see N consecutive healthy probes and no firing alert, and every container of
 * the environment (names / compose project / services, through the Docker engine) must run the
 * target tag — all within the timeout, counted from now. Without a health URL the probe
 * condition is dropped; with nothing at all to watch the result is `unverified`, never `healthy`.
 */
export async function verifyRollback(monitoring: MonitoringService, request: VerifyRequest): Promise<RollbackResult> {
  const { environment: env, from, to } = request;
  const base = { environment: env.name, from, to };
  let monitor = monitoring.monitorOf(env.name);
  if (!monitor && monitoring.monitorableEnvironments().includes(env.name)) {
    request.log?.(`Starting monitoring of ${env.name} to verify the rollback.`);
    await monitoring.start([env.name]);
    monitor = monitoring.monitorOf(env.name);
  }
  const containers = await monitoring.runningContainers(env).catch((error: unknown) => {
    request.log?.(`Cannot list the containers of ${env.name}: ${error instanceof Error ? error.message : String(error)}`);
    return [] as RunningContainer[];
  });
  const checkContainers = containers !== undefined;
  if (!monitor && !checkContainers) {
    return { outcome: 'unverified', ...base, reason: `${env.name} has no healthUrl, metrics or containers to watch` };
  }
  const startedAt = Date.now();
  const config: VerifyConfig = env.healthUrl ? request.config : { ...request.config, consecutiveHealthy: 0 };
  let state: VerificationState = startVerification({ target: to, startedAt, config, checkContainers, ...(request.alertFiredAt !== undefined ? { alertFiredAt: request.alertFiredAt } : {}) });
  const firingNow = (): string[] => (monitor ? [...monitor.alertStates()].filter(([, s]) => s.state === 'firing').map(([id]) => id) : []);
  const healthKey = seriesKey(env.name, SeriesNames.healthUp);
  const verified = await new Promise<VerificationState>((resolve) => {
    let polling = false;
    const feed = (input: VerificationInput): void => {
      if (state.outcome !== 'verifying') return;
      state = reduceVerification(state, input);
      if (state.outcome === 'verifying') return;
      subscription.dispose();
      clearInterval(timer);
      resolve(state);
    };
    const subscription = monitoring.onSample((sample) => {
      if (sample.key !== healthKey) return;
      feed({ type: 'alerts', at: sample.t, firing: firingNow() });
      feed({ type: 'probe', at: sample.t, ok: sample.v === 1 });
    });
    const poll = (): void => {
      if (!checkContainers || polling) return;
      polling = true;
      monitoring
        .runningContainers(env)
        .then((list) => feed({ type: 'containers', at: Date.now(), containers: list ?? [] }))
        .catch((error: unknown) => request.log?.(`Cannot list the containers of ${env.name}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          polling = false;
        });
    };
    const timer = setInterval(() => {
      feed({ type: 'alerts', at: Date.now(), firing: firingNow() });
      feed({ type: 'tick', at: Date.now() });
      poll();
    }, request.pollMs ?? 1000);
    if (containers) feed({ type: 'containers', at: Date.now(), containers });
    if (!env.healthUrl) feed({ type: 'alerts', at: Date.now(), firing: firingNow() });
  });
  const result = resultFromVerification(verified, { environment: env.name, from });
  if (result?.outcome === 'healthy' && verified.endedAt !== undefined) return { ...result, timeToHealthyMs: verified.endedAt - request.rollbackStartedAt };
  return result ?? { outcome: 'unverified', ...base, reason: 'verification ended without a result' };
}
