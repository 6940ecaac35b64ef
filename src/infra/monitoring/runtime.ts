/**
 * The monitoring runtime, bundled on its own as dist/monitoring.js (see runtimeTypes.ts): it
 * wires an environment's configuration to the real adapters and the core monitor.
 */
import type { EnvironmentConfig } from '../../core/config';
import type { ContainerPort, MetricsPort } from '../../core/monitoring';
import { EnvironmentMonitor, monitoredAlerts, monitoredCriteria, systemClock, systemTimers } from '../../core/monitoring';
import type { FindContainersOptions } from '../docker';
import { createDocker } from '../docker';
import { HttpClient } from '../http';
import { PrometheusClient } from '../prometheus';
import { DockerContainerSource } from './containerSource';
import { HttpHealthProbe } from './healthProbe';
import { PromqlMetricsSource } from './promqlSource';
import type { MonitorHandle, MonitorRequest, MonitoringRuntime } from './runtimeTypes';
import { ScrapeMetricsSource } from './scrapeSource';

/** A scrape or a query may take at most this share of the interval (as a probe's timeout). */
const TIMEOUT_SHARE = 0.8;

export function hasContainers(env: EnvironmentConfig): boolean {
  return env.containers.length > 0 || env.composeProject !== undefined || env.services.length > 0;
}

function containerQuery(env: EnvironmentConfig): FindContainersOptions {
  return {
    ...(env.containers.length > 0 ? { names: env.containers } : {}),
    ...(env.composeProject !== undefined ? { composeProject: env.composeProject } : {}),
    ...(env.services.length > 0 ? { services: env.services } : {}),
  };
}

/** The environment's running containers and their images (`docker ps` for its names / project / services). */
export async function runningContainers(env: EnvironmentConfig): Promise<{ name: string; image: string }[]> {
  const found = await createDocker(env.dockerHost).findContainers(containerQuery(env));
  return found.map((c) => ({ name: c.name, image: c.image }));
}

function hasPromql(env: EnvironmentConfig): boolean {
  return env.prometheusUrl !== undefined && Object.keys(env.promql).length > 0;
}

export function isMonitorable(env: EnvironmentConfig): boolean {
  return env.healthUrl !== undefined || env.metricsUrl !== undefined || hasPromql(env) || hasContainers(env);
}

export function createMonitor(request: MonitorRequest): MonitorHandle {
  const { environment: env, runbook } = request;
  const clock = request.clock ?? systemClock;
  const timers = request.timers ?? systemTimers;
  const http = new HttpClient();
  const closers: (() => Promise<void> | void)[] = [() => http.close()];
  const description: string[] = [];
  const intervalMs = request.scrapeIntervalSeconds * 1000;

  const health = env.healthUrl
    ? { port: new HttpHealthProbe(env.healthUrl, env.health, http, request.resolveSecret, clock), config: env.health }
    : undefined;
  if (env.healthUrl) description.push(`health ${env.healthUrl} every ${env.health.intervalSeconds} s (timeout ${env.health.timeoutSeconds} s, ${env.health.retries} retries)`);

  let metrics: MetricsPort | undefined;
  if (hasPromql(env) && env.prometheusUrl) {
    const client = new PrometheusClient({ url: env.prometheusUrl, http });
    metrics = new PromqlMetricsSource(client, env.promql, intervalMs * TIMEOUT_SHARE, clock);
    description.push(`PromQL at ${env.prometheusUrl} for ${Object.keys(env.promql).join(', ')} every ${request.scrapeIntervalSeconds} s`);
  } else if (env.metricsUrl) {
    metrics = new ScrapeMetricsSource(env.metricsUrl, http, intervalMs * TIMEOUT_SHARE, clock);
    description.push(`metrics ${env.metricsUrl} every ${request.scrapeIntervalSeconds} s`);
  }

  let containers: ContainerPort | undefined;
  if (hasContainers(env)) {
    const docker = createDocker(env.dockerHost);
    containers = new DockerContainerSource(docker, containerQuery(env));
    const what = [env.containers.length > 0 ? `containers ${env.containers.join(', ')}` : '', env.composeProject ? `compose project ${env.composeProject}` : '', env.services.length > 0 ? `services ${env.services.join(', ')}` : '']
      .filter(Boolean)
      .join(', ');
    description.push(`Docker (${docker.host}): ${what} every ${request.scrapeIntervalSeconds} s`);
  }

  const alerts = monitoredAlerts(runbook, env.name);
  const criteria = monitoredCriteria(runbook);
  description.push(`${alerts.length} alert rule${alerts.length === 1 ? '' : 's'}, ${criteria.length} measurable checklist item${criteria.length === 1 ? '' : 's'}`);

  const monitor = new EnvironmentMonitor({
    environment: env.name,
    ...(health ? { health } : {}),
    ...(metrics ? { metrics: { port: metrics, intervalSeconds: request.scrapeIntervalSeconds } } : {}),
    ...(containers ? { containers: { port: containers, intervalSeconds: request.scrapeIntervalSeconds } } : {}),
    alerts,
    criteria,
    promqlMetrics: new Set(hasPromql(env) ? Object.keys(env.promql) : []),
    evaluationIntervalSeconds: request.evaluationIntervalSeconds,
    ...(request.rateWindowSeconds !== undefined ? { rateWindowSeconds: request.rateWindowSeconds } : {}),
    store: request.store,
    clock,
    timers,
    ...(request.formatTime ? { formatTime: request.formatTime } : {}),
  });

  return {
    monitor,
    description,
    async close() {
      // Stop the loops first (synchronously: no timer survives), then close the sockets.
      monitor.dispose();
      await Promise.all(closers.map(async (close) => close()));
    },
  };
}

export function createMonitoringRuntime(): MonitoringRuntime {
  return { isMonitorable, hasContainers, runningContainers, createMonitor };
}
