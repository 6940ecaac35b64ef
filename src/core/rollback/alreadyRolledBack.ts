/**
 * Rolling back an environment that already runs the target is a no-op that says so. Two ways to
 * know: its containers all run the target tag (the engine says so), or the run record's last
 * rollback of it ended healthy on the target and nothing but rollback commands ran since.
 */
import type { RunRecord } from '../run/runModel';
import { imageTagOf } from './imageTags';
import type { RunningContainer } from './verification';

/** Commands a rollback ran have ids under this prefix (`/rollback/<environment>#code1:…`). */
export const ROLLBACK_COMMAND_PREFIX = '/rollback/';

function clock(iso: string): string {
  return iso.slice(11, 16);
}

/** Why rolling `environment` back to `to` would do nothing, or undefined when it would do something. */
export function alreadyRolledBack(input: {
  readonly environment: string;
  readonly to: string;
  readonly record?: RunRecord;
  /** The environment's running containers; undefined when it names none or the engine was not asked. */
  readonly containers?: readonly RunningContainer[];
}): string | undefined {
  const { environment, to, record, containers } = input;
  if (containers && containers.length > 0 && containers.every((c) => (to.includes(':') ? c.image === to : imageTagOf(c.image) === to))) {
    return `${environment} already runs ${to} (${containers.map((c) => `${c.name}: ${c.image}`).join(', ')}): nothing to roll back.`;
  }
  const last = [...(record?.rollbacks ?? [])].reverse().find((r) => r.environment === environment && r.state !== 'cancelled');
  if (!record || !last || last.state !== 'healthy' || last.to !== to || last.endedAt === undefined) return undefined;
  const endedAt = last.endedAt;
  const deployedSince = record.commands.some((c) => !c.commandId.startsWith(ROLLBACK_COMMAND_PREFIX) && c.startedAt !== undefined && c.startedAt > endedAt);
  if (deployedSince) return undefined;
  return `${environment} already runs ${to} (rolled back from ${last.from ?? 'the release before'} at ${clock(endedAt)} UTC, healthy): nothing to roll back.`;
}
