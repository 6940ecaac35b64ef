import type { CommandRecord, CommandStatus, RunRecord } from '../../../src/core/run/runModel';
import { createRunRecord } from '../../../src/core/run/runModel';

/** A run record started at `startedAt` whose commands have the given texts (succeeded unless said). */
export function record(startedAt: string, commands: readonly (string | [string, CommandStatus])[], extra: { environment?: string; dryRun?: boolean } = {}): RunRecord {
  const base = createRunRecord({ runbook: { path: 'DEPLOY.md', sha256: '0'.repeat(64) }, operator: 'op', ...extra }, new Date(startedAt));
  const records: CommandRecord[] = commands.map((c, i) => {
    const [text, status] = typeof c === 'string' ? [c, 'succeeded' as const] : c;
    return { commandId: `b:${i}`, stepId: 's', label: text, text, status, attempts: 1 };
  });
  return { ...base, commands: records };
}
