import type { KeyPath } from './keyPath';
import { formatKeyPath } from './keyPath';

/** Where a config file's text starts: the markdown file and the line of the first YAML line. */
export interface ConfigOrigin {
  /** The file the diagnostics point into (the runbook for front matter, or the sidecar). */
  readonly file: string;
  /** 0-based line of the YAML text's first line in `file` (0 for a sidecar). */
  readonly lineOffset: number;
}

/** A range in a file; lines and columns are 0-based, the end is exclusive. */
export interface ConfigLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type ConfigDiagnosticSeverity = 'error' | 'warning';

export type ConfigDiagnosticCode =
  /** The YAML cannot be read as written (bad indentation, unclosed quote, duplicate key…). */
  | 'yaml-syntax'
  /** YAML that reads but is suspect (an unknown tag). */
  | 'yaml-warning'
  /** A value of the wrong type or form, a missing key. */
  | 'schema'
  /** A key the format does not have (typo); the message suggests the closest one. */
  | 'unknown-key'
  /** A duration that must be more than 0 is 0. */
  | 'zero-duration'
  | 'interval-too-short'
  /** health.timeout over 80 % of health.interval: it is capped, as Uptime Kuma does. */
  | 'timeout-exceeds-interval'
  /** A status range written high to low ("299-200"). */
  | 'status-range'
  /** Health settings without a healthUrl to check. */
  | 'health-without-url'
  /** PromQL queries without a prometheusUrl to send them to. */
  | 'promql-without-prometheus'
  /** A `${secret:…}` reference that is not `${secret:NAME}`. */
  | 'secret-reference'
  /** A credential header written into the file instead of `${secret:NAME}`. */
  | 'credential-in-file'
  /** A secret variable with a default value: secrets do not belong in files. */
  | 'secret-default'
  /** Two alerts with one name. */
  | 'duplicate-alert'
  /** An alert's `environments` names an environment that is not defined. */
  | 'unknown-environment'
  /** `autoRollback.alerts` names an alert that is not defined. */
  | 'unknown-alert'
  /** `autoRollback.alerts` names an alert that does not apply to that environment. */
  | 'alert-not-for-environment'
  /** Auto-rollback is enabled but no alert can trigger it. */
  | 'no-rollback-trigger';

/** A problem in a runbook config, with the range it points at. */
export interface ConfigDiagnostic extends ConfigLocation {
  readonly severity: ConfigDiagnosticSeverity;
  readonly code: ConfigDiagnosticCode;
  /** The key path it is about, like `environments.staging.health.timeout`; '' for the root. */
  readonly path: string;
  /** Starts with the key path (`environments.staging.health.timeout: must be …`) unless it is ''. */
  readonly message: string;
}

export function createDiagnostic(
  severity: ConfigDiagnosticSeverity,
  code: ConfigDiagnosticCode,
  path: KeyPath,
  message: string,
  location: ConfigLocation,
): ConfigDiagnostic {
  const pathText = formatKeyPath(path);
  return { ...location, severity, code, path: pathText, message: pathText === '' ? message : `${pathText}: ${message}` };
}

/** Diagnostics in file order, without repeats of one message at one place. */
export function sortDiagnostics(diagnostics: readonly ConfigDiagnostic[]): ConfigDiagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
