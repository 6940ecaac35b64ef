/**
 * The faults the test service can play, and how they are read from JSON, the environment
 * and the command line. Node built-ins only: this folder is copied alone into a Docker image.
 */

export const FAULT_MODES = ['none', 'error500', 'hang', 'slow', 'garbage', 'malformedMetrics', 'leak', 'restart'] as const;

/**
 * - `none`: healthy.
 * - `error500`: /health and /api/work answer 500 (a deterministic `errorRatio` share of them, default all).
 * - `hang`: /health, /metrics and /api/work accept the request and never answer.
 * - `slow`: /health, /metrics and /api/work answer after `delayMs`.
 * - `garbage`: /health answers 200 with an HTML page (not JSON); /metrics answers random bytes.
 * - `malformedMetrics`: /metrics mixes broken exposition lines into the real ones.
 * - `leak`: the process retains `leakBytesPerSecond` more memory every second (until a restart).
 * - `restart`: an action, not a state: resets counters, start time and leaked memory, then `none`.
 */
export type FaultMode = (typeof FAULT_MODES)[number];

export interface Fault {
  mode: FaultMode;
  /** `error500`: the share of requests that fail, 0..1 (default 1). Deterministic: exactly every 1/ratio-th request. */
  errorRatio?: number;
  /** `slow`: the delay before answering, ms (default 1000). */
  delayMs?: number;
  /** `leak`: bytes retained per second (default 1 MiB). */
  leakBytesPerSecond?: number;
}

export const DEFAULT_DELAY_MS = 1000;
export const DEFAULT_LEAK_BYTES_PER_SECOND = 1024 * 1024;

function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}

function optionalNumber(source: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const value = source[key];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) {
    throw new Error(`${key} must be a number between ${min} and ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Validates a fault from parsed JSON (the `POST /__fault` body); throws a readable error when invalid. */
export function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('the fault must be a JSON object like {"mode":"error500"}');
  }
  const source = input as Record<string, unknown>;
  if (!isFaultMode(source.mode)) {
    throw new Error(`mode must be one of ${FAULT_MODES.join(', ')}, got ${JSON.stringify(source.mode)}`);
  }
  const fault: Fault = { mode: source.mode };
  const errorRatio = optionalNumber(source, 'errorRatio', 0, 1);
  const delayMs = optionalNumber(source, 'delayMs', 0, 3_600_000);
  const leakBytesPerSecond = optionalNumber(source, 'leakBytesPerSecond', 0, 1024 * 1024 * 1024);
  if (errorRatio !== undefined) fault.errorRatio = errorRatio;
  if (delayMs !== undefined) fault.delayMs = delayMs;
  if (leakBytesPerSecond !== undefined) fault.leakBytesPerSecond = leakBytesPerSecond;
  return fault;
}

/**
 * The fault from the environment: `FAULT` (a mode name, or the JSON object itself),
 * `FAULT_ERROR_RATIO`, `FAULT_DELAY_MS`, `FAULT_LEAK_BYTES_PER_SECOND`.
 */
export function faultFromEnv(env: NodeJS.ProcessEnv): Fault | undefined {
  const raw = env.FAULT?.trim();
  if (!raw) return undefined;
  if (raw.startsWith('{')) return parseFault(JSON.parse(raw) as unknown);
  return parseFault({
    mode: raw,
    errorRatio: env.FAULT_ERROR_RATIO,
    delayMs: env.FAULT_DELAY_MS,
    leakBytesPerSecond: env.FAULT_LEAK_BYTES_PER_SECOND,
  });
}

/**
 * Decides deterministically which requests fail so that exactly `ratio` of them do:
 * request n (0-based) fails when ⌊(n+1)·ratio⌋ > ⌊n·ratio⌋ (0.25 → the 4th, 8th, …).
 */
export class ErrorSchedule {
  private n = 0;

  constructor(private readonly ratio: number) {}

  next(): boolean {
    const fails = Math.floor((this.n + 1) * this.ratio) > Math.floor(this.n * this.ratio);
    this.n += 1;
    return fails;
  }
}
