import type { CommandStatus, RunRecord, RunState } from './runModel';
import { RUN_RECORD_FORMAT_VERSION } from './runModel';

/** A run record that cannot be read: names the file and what is wrong with it. */
export class RunRecordFormatError extends Error {
  override readonly name = 'RunRecordFormatError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Run record ${file}: ${problem}`);
  }
}

const STATES: ReadonlySet<string> = new Set<RunState>(['running', 'completed', 'failed', 'aborted', 'interrupted']);
const STATUSES: ReadonlySet<string> = new Set<CommandStatus>(['pending', 'running', 'started', 'succeeded', 'failed', 'skipped', 'unknown', 'interrupted']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks parsed JSON against run record format version 1 (the fields readers rely on; unknown
 * extra fields are kept) and fills in the optional collections. Throws RunRecordFormatError.
 */
export function parseRunRecord(data: unknown, file: string): RunRecord {
  const fail = (problem: string): never => {
    throw new RunRecordFormatError(file, problem);
  };
  if (!isObject(data)) return fail('not a JSON object');
  if (data.formatVersion !== RUN_RECORD_FORMAT_VERSION) {
    return fail(`unsupported formatVersion ${JSON.stringify(data.formatVersion) ?? 'undefined'} (this version of Deploy Pilot reads ${RUN_RECORD_FORMAT_VERSION})`);
  }
  if (typeof data.id !== 'string' || data.id === '') fail('missing "id"');
  const runbook = data.runbook;
  if (!isObject(runbook) || typeof runbook.path !== 'string' || typeof runbook.sha256 !== 'string') fail('"runbook" must have "path" and "sha256"');
  if (typeof data.operator !== 'string') fail('missing "operator"');
  if (typeof data.startedAt !== 'string') fail('missing "startedAt"');
  if (typeof data.state !== 'string' || !STATES.has(data.state)) fail(`invalid "state" ${JSON.stringify(data.state) ?? 'undefined'}`);
  if (!Array.isArray(data.commands)) fail('"commands" must be an array');
  const commands = data.commands as unknown[];
  commands.forEach((c, i) => {
    if (!isObject(c) || typeof c.commandId !== 'string' || typeof c.stepId !== 'string' || typeof c.status !== 'string' || !STATUSES.has(c.status)) {
      fail(`commands[${i}] is not a command record`);
    }
  });
  for (const key of ['checklist', 'variables', 'events', 'rollbacks'] as const) {
    if (data[key] !== undefined && !Array.isArray(data[key])) fail(`"${key}" must be an array`);
  }
  return {
    ...data,
    dryRun: data.dryRun === true,
    checklist: data.checklist ?? [],
    choices: isObject(data.choices) ? data.choices : {},
    variables: data.variables ?? [],
    events: data.events ?? [],
    droppedEvents: typeof data.droppedEvents === 'number' ? data.droppedEvents : 0,
    ...(Array.isArray(data.rollbacks) ? { rollbacks: data.rollbacks.filter((r) => isObject(r) && typeof r.environment === 'string' && typeof r.state === 'string') } : {}),
  } as unknown as RunRecord;
}
