import { alertAppliesTo } from './alertScope';
import { CONFIG_DEFAULTS, maxHealthTimeoutSeconds } from './defaults';
import { durationFromValue } from './duration';
import { isRecord } from './keyPath';
import { parseStatusRange } from './statusRanges';
import type {
  AlertConfig,
  AutoRollbackConfig,
  EnvironmentConfig,
  HealthCheckConfig,
  RunbookConfig,
  StatusRange,
  VariableConfig,
} from './types';

/**
 * The config ready to use: defaults applied (Uptime Kuma's for health checks), durations in
 * seconds, the health timeout capped at 80 % of the interval, secrets without defaults.
 * Takes any data: values that are missing or invalid (the diagnostics say which) get defaults.
 */
export function normalizeConfig(input: unknown): RunbookConfig {
  const data = isRecord(input) ? input : {};
  const alerts = normalizeAlerts(data['alerts']);
  const environments = entriesOf(data['environments']).map(([name, value]) => normalizeEnvironment(name, value, alerts));
  const rollback = isRecord(data['rollback']) ? data['rollback'] : {};
  const verify = isRecord(rollback['verify']) ? rollback['verify'] : {};
  const runs = isRecord(data['runs']) ? data['runs'] : {};
  return {
    version: 1,
    environments: Object.fromEntries(environments.map((environment) => [environment.name, environment])),
    variables: Object.fromEntries(entriesOf(data['variables']).flatMap(([name, value]) => normalizeVariable(name, value))),
    alerts,
    tagPattern: nonEmptyString(data['tagPattern']) ?? CONFIG_DEFAULTS.tagPattern,
    rollback: {
      verify: {
        consecutiveHealthy: wholeNumber(verify['consecutiveHealthy'], 1) ?? CONFIG_DEFAULTS.rollbackConsecutiveHealthy,
        timeoutSeconds: positiveDuration(verify['timeout']) ?? CONFIG_DEFAULTS.rollbackVerifyTimeoutSeconds,
      },
    },
    runs: { folder: nonEmptyString(runs['folder']) ?? CONFIG_DEFAULTS.runsFolder },
  };
}

function normalizeEnvironment(name: string, value: unknown, alerts: readonly AlertConfig[]): EnvironmentConfig {
  const environment = isRecord(value) ? value : {};
  const composeFile = environment['composeFile'];
  return withoutUndefined({
    name,
    healthUrl: nonEmptyString(environment['healthUrl']),
    metricsUrl: nonEmptyString(environment['metricsUrl']),
    prometheusUrl: nonEmptyString(environment['prometheusUrl']),
    dockerHost: nonEmptyString(environment['dockerHost']),
    composeFiles: typeof composeFile === 'string' ? [composeFile] : strings(composeFile),
    composeProject: nonEmptyString(environment['composeProject']),
    containers: strings(environment['containers']),
    services: strings(environment['services']),
    cwd: nonEmptyString(environment['cwd']),
    health: normalizeHealth(environment['health']),
    autoRollback: normalizeAutoRollback(name, environment['autoRollback'], alerts),
    promql: Object.fromEntries(entriesOf(environment['promql']).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  });
}

function normalizeHealth(value: unknown): HealthCheckConfig {
  const health = isRecord(value) ? value : {};
  const intervalSeconds = positiveDuration(health['interval']) ?? CONFIG_DEFAULTS.healthIntervalSeconds;
  const maxTimeout = maxHealthTimeoutSeconds(intervalSeconds);
  const timeout = positiveDuration(health['timeout']);
  const acceptedStatus = Array.isArray(health['acceptedStatus'])
    ? health['acceptedStatus'].map(parseStatusRange).filter((range): range is StatusRange => range !== undefined && range.min <= range.max)
    : [];
  const jsonPath = nonEmptyString(health['jsonPath']);
  const expected = health['expected'];
  const hasExpected = typeof expected === 'string' || typeof expected === 'number' || typeof expected === 'boolean';
  return withoutUndefined({
    intervalSeconds,
    timeoutSeconds: timeout === undefined ? maxTimeout : Math.min(timeout, maxTimeout),
    retries: wholeNumber(health['retries'], 0) ?? CONFIG_DEFAULTS.healthRetries,
    acceptedStatus: acceptedStatus.length > 0 ? acceptedStatus : CONFIG_DEFAULTS.acceptedStatus,
    keyword: nonEmptyString(health['keyword']),
    json: jsonPath !== undefined && hasExpected ? { path: jsonPath, expected } : undefined,
    headers: Object.fromEntries(entriesOf(health['headers']).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  });
}

function normalizeAutoRollback(environment: string, value: unknown, alerts: readonly AlertConfig[]): AutoRollbackConfig {
  const autoRollback = isRecord(value) ? value : {};
  const known = new Set(alerts.map((alert) => alert.name));
  const listed = autoRollback['alerts'];
  const triggers = Array.isArray(listed)
    ? strings(listed).filter((name) => known.has(name))
    : alerts.filter((alert) => alert.severity === 'critical' && alertAppliesTo(alert, environment)).map((alert) => alert.name);
  const countdown = durationFromValue(autoRollback['countdown']);
  return {
    enabled: autoRollback['enabled'] === true,
    alerts: triggers,
    countdownSeconds: countdown ?? CONFIG_DEFAULTS.autoRollbackCountdownSeconds,
  };
}

function normalizeVariable(name: string, value: unknown): [string, VariableConfig][] {
  if (typeof value === 'string') return [[name, { name, default: value, secret: false }]];
  if (!isRecord(value)) return [];
  const secret = value['secret'] === true;
  const variable: VariableConfig = withoutUndefined({
    name,
    default: secret || typeof value['default'] !== 'string' ? undefined : value['default'],
    description: typeof value['description'] === 'string' ? value['description'] : undefined,
    secret,
    prompt: typeof value['prompt'] === 'string' ? value['prompt'] : undefined,
  });
  return [[name, variable]];
}

function normalizeAlerts(value: unknown): AlertConfig[] {
  if (!Array.isArray(value)) return [];
  const alerts: AlertConfig[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item)) continue;
    const name = nonEmptyString(item['name']);
    const condition = nonEmptyString(item['condition']);
    if (name === undefined || condition === undefined || alerts.some((alert) => alert.name === name)) continue;
    const severity = item['severity'];
    alerts.push(
      withoutUndefined({
        name,
        condition,
        forSeconds: durationFromValue(item['for']) ?? CONFIG_DEFAULTS.alertForSeconds,
        severity: severity === 'critical' || severity === 'warning' ? severity : CONFIG_DEFAULTS.alertSeverity,
        environments: Array.isArray(item['environments']) ? strings(item['environments']) : undefined,
      }),
    );
  }
  return alerts;
}

function entriesOf(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function wholeNumber(value: unknown, minimum: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum ? value : undefined;
}

function positiveDuration(value: unknown): number | undefined {
  const seconds = durationFromValue(value);
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}

/** The object without its undefined properties (optional fields are absent, not undefined). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
