import { alertAppliesTo } from './alertScope';
import { maxHealthTimeoutSeconds } from './defaults';
import type { ConfigDiagnostic, ConfigDiagnosticCode, ConfigDiagnosticSeverity } from './diagnostics';
import { createDiagnostic } from './diagnostics';
import { durationFromValue, formatDuration } from './duration';
import type { KeyPath } from './keyPath';
import { isRecord } from './keyPath';
import { didYouMean } from './levenshtein';
import { hasMalformedSecretReference, isLiteralCredential } from './secretReferences';
import { parseStatusRange } from './statusRanges';
import type { ConfigLocator, LocationTarget } from './yamlSource';

/**
 * Checks the schema cannot express, on config data (merged, when there are two files):
 * timeouts over 80 % of the interval, zero intervals, secrets with defaults, duplicate alert
 * names, references to unknown environments and alerts, settings that have no effect.
 * Values of the wrong type are skipped here: the schema reports them.
 */
export function checkSemantics(data: unknown, locator: ConfigLocator): ConfigDiagnostic[] {
  if (!isRecord(data)) return [];
  const diagnostics: ConfigDiagnostic[] = [];
  const report = (severity: ConfigDiagnosticSeverity, code: ConfigDiagnosticCode, path: KeyPath, message: string, target: LocationTarget): void => {
    diagnostics.push(createDiagnostic(severity, code, path, message, locator.locate(path, target)));
  };
  const environments = isRecord(data['environments']) ? data['environments'] : {};
  const alerts = checkAlerts(data['alerts'], Object.keys(environments), report);
  for (const [name, environment] of Object.entries(environments)) {
    if (isRecord(environment)) checkEnvironment(name, environment, alerts, report);
  }
  checkVariables(data['variables'], report);
  checkRollback(data['rollback'], report);
  return diagnostics;
}

type Report = (severity: ConfigDiagnosticSeverity, code: ConfigDiagnosticCode, path: KeyPath, message: string, target: LocationTarget) => void;

interface AlertSummary {
  readonly environments?: readonly string[];
  readonly critical: boolean;
}

function checkAlerts(value: unknown, environmentNames: readonly string[], report: Report): Map<string, AlertSummary> {
  const alerts = new Map<string, AlertSummary>();
  const firstIndex = new Map<string, number>();
  if (!Array.isArray(value)) return alerts;
  value.forEach((alert: unknown, index) => {
    if (!isRecord(alert)) return;
    const name = alert['name'];
    const listed = alert['environments'];
    const environments = Array.isArray(listed) ? listed.filter((item): item is string => typeof item === 'string') : undefined;
    if (Array.isArray(listed)) {
      listed.forEach((environment: unknown, position) => {
        if (typeof environment !== 'string' || environmentNames.includes(environment)) return;
        const hint = environmentNames.length === 0 ? ' (no environments are defined)' : didYouMean(environment, environmentNames);
        report('error', 'unknown-environment', ['alerts', index, 'environments', position], `unknown environment "${environment}"${hint}`, 'value');
      });
    }
    if (typeof name !== 'string') return;
    const earlier = firstIndex.get(name);
    if (earlier !== undefined) {
      report('error', 'duplicate-alert', ['alerts', index, 'name'], `duplicate alert name "${name}" (also alerts[${earlier}])`, 'value');
      return;
    }
    firstIndex.set(name, index);
    alerts.set(name, { ...(environments ? { environments } : {}), critical: alert['severity'] === 'critical' });
  });
  return alerts;
}

function checkEnvironment(name: string, environment: Record<string, unknown>, alerts: ReadonlyMap<string, AlertSummary>, report: Report): void {
  const base = ['environments', name];
  const health = environment['health'];
  if (isRecord(health)) {
    checkHealth([...base, 'health'], health, report);
    if (Object.keys(health).length > 0 && environment['healthUrl'] === undefined) {
      report('warning', 'health-without-url', [...base, 'health'], 'has no effect without "healthUrl"', 'key');
    }
  }
  const promql = environment['promql'];
  if (isRecord(promql) && Object.keys(promql).length > 0 && environment['prometheusUrl'] === undefined) {
    report('warning', 'promql-without-prometheus', [...base, 'promql'], 'these queries need "prometheusUrl" (the Prometheus server to send them to)', 'key');
  }
  const autoRollback = environment['autoRollback'];
  if (isRecord(autoRollback)) checkAutoRollback(name, [...base, 'autoRollback'], autoRollback, alerts, report);
}

function checkHealth(path: KeyPath, health: Record<string, unknown>, report: Report): void {
  const interval = durationFromValue(health['interval']);
  const timeout = durationFromValue(health['timeout']);
  if (interval === 0) report('error', 'zero-duration', [...path, 'interval'], 'must be more than 0 seconds', 'value');
  // Below 250 ms the 80 % timeout (Uptime Kuma rounds it to 0.1 s) leaves a probe no time to answer.
  else if (interval !== undefined && interval < 0.25) report('error', 'interval-too-short', [...path, 'interval'], 'must be at least 250 ms (a probe needs time to answer)', 'value');
  if (timeout === 0) report('error', 'zero-duration', [...path, 'timeout'], 'must be more than 0 seconds', 'value');
  const effectiveInterval = interval === undefined || interval === 0 ? 60 : interval;
  const cap = maxHealthTimeoutSeconds(effectiveInterval);
  if (timeout !== undefined && timeout > cap) {
    const intervalText = interval === undefined ? `default ${formatDuration(effectiveInterval)}` : formatDuration(effectiveInterval);
    report(
      'warning',
      'timeout-exceeds-interval',
      [...path, 'timeout'],
      `${formatDuration(timeout)} is more than 80 % of the ${intervalText} interval; each check times out after ${formatDuration(cap)} (capped as Uptime Kuma does)`,
      'value',
    );
  }
  const accepted = health['acceptedStatus'];
  if (Array.isArray(accepted)) {
    accepted.forEach((status: unknown, index) => {
      if (typeof status !== 'string') return;
      const range = parseStatusRange(status);
      if (range && range.min > range.max) {
        report('error', 'status-range', [...path, 'acceptedStatus', index], `"${status}" must go from the lower code to the higher one ("${range.max}-${range.min}")`, 'value');
      }
    });
  }
  const headers = health['headers'];
  if (isRecord(headers)) {
    for (const [header, value] of Object.entries(headers)) {
      if (typeof value !== 'string') continue;
      if (hasMalformedSecretReference(value)) {
        report('error', 'secret-reference', [...path, 'headers', header], 'must reference a secret as ${secret:NAME} (NAME: letters, digits and "_")', 'value');
      } else if (isLiteralCredential(header, value)) {
        report('warning', 'credential-in-file', [...path, 'headers', header], 'looks like a credential written into the file; reference a secret instead, like "${secret:API_KEY}"', 'value');
      }
    }
  }
}

function checkAutoRollback(
  environment: string,
  path: KeyPath,
  autoRollback: Record<string, unknown>,
  alerts: ReadonlyMap<string, AlertSummary>,
  report: Report,
): void {
  const listed = autoRollback['alerts'];
  let triggers = 0;
  let unknown = 0;
  if (Array.isArray(listed)) {
    listed.forEach((name: unknown, index) => {
      if (typeof name !== 'string') return;
      const alert = alerts.get(name);
      if (alert === undefined) {
        unknown++;
        const hint = alerts.size === 0 ? ' (no alerts are defined)' : didYouMean(name, alerts.keys());
        report('error', 'unknown-alert', [...path, 'alerts', index], `unknown alert "${name}"${hint}`, 'value');
      } else if (!alertAppliesTo(alert, environment)) {
        report('warning', 'alert-not-for-environment', [...path, 'alerts', index], `alert "${name}" does not apply to "${environment}" (see its "environments")`, 'value');
      } else {
        triggers++;
      }
    });
  } else {
    triggers = [...alerts.values()].filter((alert) => alert.critical && alertAppliesTo(alert, environment)).length;
  }
  if (autoRollback['enabled'] === true && triggers === 0 && unknown === 0) {
    const hint = Array.isArray(listed) ? '' : `; list them in "alerts" or add a critical alert that applies to "${environment}"`;
    report('warning', 'no-rollback-trigger', [...path, 'enabled'], `auto-rollback is enabled but no alert can trigger it${hint}`, 'key');
  }
}

function checkVariables(value: unknown, report: Report): void {
  if (!isRecord(value)) return;
  for (const [name, variable] of Object.entries(value)) {
    if (isRecord(variable) && variable['secret'] === true && variable['default'] !== undefined) {
      report('error', 'secret-default', ['variables', name, 'default'], 'a secret variable must not have a default value: secrets do not belong in files (it is asked for when needed)', 'key');
    }
  }
}

function checkRollback(value: unknown, report: Report): void {
  const verify = isRecord(value) ? value['verify'] : undefined;
  if (isRecord(verify) && durationFromValue(verify['timeout']) === 0) {
    report('error', 'zero-duration', ['rollback', 'verify', 'timeout'], 'must be more than 0 seconds', 'value');
  }
}
