import type { RunEvent } from './runEvents';

/**
 * The run record, format version 1: one JSON file per run under the runs folder
 * (`runs.folder` of the runbook config, default `.deploy-pilot/runs/`), named `<id>.json`.
 *
 * - Times are ISO 8601 strings in UTC (`2025-10-20T14:03:07.412Z`); durations are milliseconds.
 * - Command and step ids are the runbook model's ids (`RunbookCommand.id`, `SectionNode.id`),
 *   stable across edits that move lines, so a record can be laid over a re-parsed runbook.
 * - No secret value is ever part of a record: command texts are stored as sent to the shell,
 *   and secrets are only sent as environment references (`$API_KEY`, `"${DP_TOKEN}"`); secret
 *   variables are listed without their value. The store redacts known secret values from the
 *   serialized JSON as well (defence in depth).
 * - Readers must check `formatVersion` and refuse versions they do not know. Fields may be
 *   added to version 1 as optional fields; renaming or removing one makes version 2.
 */

export const RUN_RECORD_FORMAT_VERSION = 1;

/** Events kept in a record; older ones are dropped and counted in `droppedEvents`. */
export const MAX_RUN_EVENTS = 2000;

/**
 * - `running`: the run is in progress (or the host died while it was: see `restoreAfterCrash`).
 * - `completed`: ended with every command it ran succeeded, skipped or marked done.
 * - `failed`: ended with a command failed, unknown or interrupted.
 * - `aborted`: the operator chose Abort at a failed command.
 * - `interrupted`: the host died or the window reloaded while it ran; can be resumed.
 */
export type RunState = 'running' | 'completed' | 'failed' | 'aborted' | 'interrupted';

/**
 * - `pending`: not run (yet) in this run; a command without a record is pending too.
 * - `running`: sent to the shell; its exit is awaited.
 * - `started`: a long-running or interactive command sent to the shell, not awaited.
 * - `succeeded`: exit code 0, or marked done by the operator (`markedDone`).
 * - `failed`: a non-zero exit code.
 * - `skipped`: the operator skipped it.
 * - `unknown`: it ended but shell integration reported no exit code: the operator is asked.
 * - `interrupted`: the host died, the window reloaded or the terminal closed while it ran.
 */
export type CommandStatus = 'pending' | 'running' | 'started' | 'succeeded' | 'failed' | 'skipped' | 'unknown' | 'interrupted';

export interface RunbookRef {
  /** Workspace-relative, `/`-separated. */
  readonly path: string;
  /** sha256 of the runbook file's bytes, lower-case hex. */
  readonly sha256: string;
  readonly title?: string;
}

export interface GitRef {
  readonly commit?: string;
  readonly branch?: string;
}

export interface CommandRecord {
  readonly commandId: string;
  /** The innermost section holding the command (an option's id for an option group). */
  readonly stepId: string;
  readonly label: string;
  /**
   * The command text exactly as sent to the shell: placeholders filled in, `$VAR` kept, secrets
   * as environment references (`${API_KEY}`), never their values.
   */
  readonly text: string;
  readonly status: CommandStatus;
  /** How many times it was sent to the shell in this run (retries included). */
  readonly attempts: number;
  /** False for a long-running or interactive command that was started, not awaited. */
  readonly awaited?: boolean;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly durationMs?: number;
  readonly exitCode?: number;
  /** `succeeded` because the operator said so, not because of an exit code. */
  readonly markedDone?: true;
  readonly note?: string;
}

export interface ChecklistTick {
  /** `TaskNode.id`. */
  readonly taskId: string;
  readonly checked: boolean;
  /** When it was last ticked or unticked. */
  readonly at: string;
  /** The task's text when it was ticked, for reports read without the runbook. */
  readonly text?: string;
}

export type VariableSource = 'run' | 'prompt' | 'config' | 'settings' | 'env';

/** A variable's value as used by the run; `value` is never present for a secret. */
export interface VariableRecord {
  readonly name: string;
  readonly source: VariableSource;
  readonly secret: boolean;
  readonly value?: string;
}

export interface RunRecord {
  readonly formatVersion: typeof RUN_RECORD_FORMAT_VERSION;
  /** Sortable: the start time (ISO, `:` replaced by `-`) and a random suffix. Also the file name. */
  readonly id: string;
  readonly runbook: RunbookRef;
  /** The runbook config's environment the run targets, e.g. `production`. */
  readonly environment?: string;
  readonly operator: string;
  readonly git?: GitRef;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly state: RunState;
  /** Commands were printed, not run. */
  readonly dryRun: boolean;
  /** One entry per command touched in the run, in the order they were first touched. */
  readonly commands: readonly CommandRecord[];
  /** The latest tick of each checklist item touched in the run (the history is in `events`). */
  readonly checklist: readonly ChecklistTick[];
  /** Option group section id → the chosen option's section id. */
  readonly choices: Readonly<Record<string, string>>;
  /** Variables resolved for the run, latest value per name; secrets without value. */
  readonly variables: readonly VariableRecord[];
  /** What happened, oldest first; at most MAX_RUN_EVENTS. */
  readonly events: readonly RunEvent[];
  /** Events dropped from the front of `events` to keep it bounded. */
  readonly droppedEvents: number;
  /** Rollbacks started (or cancelled) during the run, oldest first; at most MAX_RUN_ROLLBACKS. */
  readonly rollbacks?: readonly RollbackRecord[];
}

/** Rollbacks kept in a record; older ones are dropped (their events stay until `events` drops them). */
export const MAX_RUN_ROLLBACKS = 50;

/**
 * - `running`: its commands run; `verifying`: they ended and health, alerts and containers are watched;
 * - `healthy` / `unhealthy`: verified, or not within the timeout; `unverified`: nothing to verify with;
 * - `failed`: a rollback command failed (see `failedCommand`);
 * - `cancelled`: an automatic rollback's countdown was cancelled (or paused for the operator);
 * - `interrupted`: the host stopped while it ran.
 */
export type RollbackState = 'running' | 'verifying' | 'healthy' | 'unhealthy' | 'unverified' | 'failed' | 'cancelled' | 'interrupted';

/** One rollback in a run: what, why, how it went and how long it took. Never holds a secret value. */
export interface RollbackRecord {
  readonly environment: string;
  /** The release rolled back from and to; absent for a cancelled countdown (no target was sought). */
  readonly from?: string;
  readonly to?: string;
  /** Started by an alert after its countdown, not by the operator. */
  readonly automatic: boolean;
  /** The alert that triggered an automatic rollback. */
  readonly trigger?: string;
  readonly alertFiredAt?: string;
  readonly state: RollbackState;
  readonly startedAt: string;
  /** When the commands ended and verification began. */
  readonly commandsEndedAt?: string;
  readonly endedAt?: string;
  /** Healthy: consecutive healthy probes seen, ms from start to healthy, and from the alert firing. */
  readonly healthyChecks?: number;
  readonly timeToHealthyMs?: number;
  readonly timeFromAlertMs?: number;
  /** Unhealthy: what was still missing at the timeout. */
  readonly missing?: readonly string[];
  /** Failed: the command (1-based among the plan's commands) and how it ended. */
  readonly failedCommand?: { readonly index: number; readonly text: string; readonly exitCode?: number; readonly status?: string };
  /** Cancelled: why. */
  readonly reason?: string;
}

export interface NewRun {
  readonly runbook: RunbookRef;
  readonly operator: string;
  readonly environment?: string;
  readonly git?: GitRef;
  readonly dryRun?: boolean;
  /** Defaults to newRunId(now). */
  readonly id?: string;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A sortable, file-name-safe run id: `2025-10-20T14-03-07.412Z-k3x9qa`. Ids of runs started in
 * different milliseconds sort by start time; the suffix keeps same-millisecond ids apart.
 */
export function newRunId(now: Date, random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET.charAt(Math.floor(random() * ALPHABET.length) % ALPHABET.length);
  return `${now.toISOString().replace(/:/g, '-')}-${suffix}`;
}

/** Ids the store accepts as file names: no separators, no `..`. */
export function isValidRunId(id: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z._-]{0,127}$/.test(id) && !id.includes('..');
}

/** A new record in state `running`, with its `runStarted` event. */
export function createRunRecord(init: NewRun, now: Date): RunRecord {
  const at = now.toISOString();
  return {
    formatVersion: RUN_RECORD_FORMAT_VERSION,
    id: init.id ?? newRunId(now),
    runbook: { ...init.runbook },
    ...(init.environment !== undefined ? { environment: init.environment } : {}),
    operator: init.operator,
    ...(init.git !== undefined ? { git: { ...init.git } } : {}),
    startedAt: at,
    state: 'running',
    dryRun: init.dryRun ?? false,
    commands: [],
    checklist: [],
    choices: {},
    variables: [],
    events: [{ type: 'runStarted', at }],
    droppedEvents: 0,
  };
}
