/**
 * The runbook config: what a runbook's prose cannot say. `RunbookConfigInput` is what the
 * YAML holds (front matter and/or sidecar file); `RunbookConfig` is the same with defaults
 * applied and durations in seconds, ready to use.
 */

/** A duration as written: "30s", "1m", "1h30m", "5 minutes", or a number of seconds. */
export type DurationInput = string | number;

export interface HealthCheckInput {
  interval?: DurationInput;
  timeout?: DurationInput;
  retries?: number;
  acceptedStatus?: (number | string)[];
  keyword?: string;
  jsonPath?: string;
  expected?: string | number | boolean;
  headers?: Record<string, string>;
}

export interface AutoRollbackInput {
  enabled?: boolean;
  alerts?: string[];
  countdown?: DurationInput;
}

export interface EnvironmentInput {
  healthUrl?: string;
  metricsUrl?: string;
  prometheusUrl?: string;
  dockerHost?: string;
  composeFile?: string | string[];
  composeProject?: string;
  containers?: string[];
  services?: string[];
  cwd?: string;
  health?: HealthCheckInput;
  autoRollback?: AutoRollbackInput;
  promql?: Record<string, string>;
}

export interface VariableInput {
  default?: string;
  description?: string;
  secret?: boolean;
  prompt?: string;
}

export type AlertSeverity = 'warning' | 'critical';

export interface AlertInput {
  name: string;
  condition: string;
  for?: DurationInput;
  severity?: AlertSeverity;
  environments?: string[];
}

/** The config as written in YAML (see schemas/runbook-config.schema.json). */
export interface RunbookConfigInput {
  $schema?: string;
  version?: 1;
  environments?: Record<string, EnvironmentInput>;
  variables?: Record<string, string | VariableInput>;
  alerts?: AlertInput[];
  tagPattern?: string;
  rollback?: { verify?: { consecutiveHealthy?: number; timeout?: DurationInput } };
  runs?: { folder?: string };
}

/** HTTP status codes from `min` to `max`, both included. */
export interface StatusRange {
  readonly min: number;
  readonly max: number;
}

export interface HealthCheckConfig {
  readonly intervalSeconds: number;
  /** The timeout in effect: as written but at most 80 % of the interval; 80 % when not written. */
  readonly timeoutSeconds: number;
  /** Failed checks in a row tolerated (PENDING) before DOWN. */
  readonly retries: number;
  readonly acceptedStatus: readonly StatusRange[];
  readonly keyword?: string;
  /** The JSON body check: the value at `path` must equal `expected`. */
  readonly json?: { readonly path: string; readonly expected: string | number | boolean };
  /** Header values may hold `${secret:NAME}` references, resolved when the check runs. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface AutoRollbackConfig {
  readonly enabled: boolean;
  /** Alerts that trigger it: as listed (known ones only), or every critical alert of the environment. */
  readonly alerts: readonly string[];
  readonly countdownSeconds: number;
}

export interface EnvironmentConfig {
  readonly name: string;
  readonly healthUrl?: string;
  readonly metricsUrl?: string;
  readonly prometheusUrl?: string;
  readonly dockerHost?: string;
  /** `composeFile` as a list (empty when not set). */
  readonly composeFiles: readonly string[];
  readonly composeProject?: string;
  readonly containers: readonly string[];
  readonly services: readonly string[];
  readonly cwd?: string;
  readonly health: HealthCheckConfig;
  readonly autoRollback: AutoRollbackConfig;
  /** Metric name → PromQL query. */
  readonly promql: Readonly<Record<string, string>>;
}

export interface VariableConfig {
  readonly name: string;
  /** Never set for a secret. */
  readonly default?: string;
  readonly description?: string;
  readonly secret: boolean;
  readonly prompt?: string;
}

export interface AlertConfig {
  readonly name: string;
  readonly condition: string;
  readonly forSeconds: number;
  readonly severity: AlertSeverity;
  /** The environments it applies to; undefined: all of them. */
  readonly environments?: readonly string[];
}

export interface RunbookConfig {
  readonly version: 1;
  readonly environments: Readonly<Record<string, EnvironmentConfig>>;
  readonly variables: Readonly<Record<string, VariableConfig>>;
  readonly alerts: readonly AlertConfig[];
  readonly tagPattern: string;
  readonly rollback: { readonly verify: { readonly consecutiveHealthy: number; readonly timeoutSeconds: number } };
  readonly runs: { readonly folder: string };
}
