/**
 * The rollback part of the run reducer: a rollback is a small record of its own inside the run
 * (`RunRecord.rollbacks`), opened by `rollbackStarted`, moved on by `rollbackVerifying`, closed
 * by `rollbackEnded`; `rollbackCancelled` records a countdown that never led to one. One
 * rollback per environment is open at a time. These events are accepted after the run ended too:
 * a rollback often follows a run that failed.
 */
import type { RunEventInput } from './runEvents';
import type { RollbackRecord, RollbackState, RunRecord } from './runModel';
import { MAX_RUN_ROLLBACKS } from './runModel';

type RollbackEvent = Extract<RunEventInput, { type: 'rollbackStarted' | 'rollbackVerifying' | 'rollbackEnded' | 'rollbackCancelled' }>;

const OPEN: ReadonlySet<RollbackState> = new Set<RollbackState>(['running', 'verifying']);

export function isRollbackEvent(event: RunEventInput): event is RollbackEvent {
  return event.type === 'rollbackStarted' || event.type === 'rollbackVerifying' || event.type === 'rollbackEnded' || event.type === 'rollbackCancelled';
}

function openIndex(rollbacks: readonly RollbackRecord[], environment: string): number {
  for (let i = rollbacks.length - 1; i >= 0; i--) {
    const r = rollbacks[i];
    if (r && r.environment === environment && OPEN.has(r.state)) return i;
  }
  return -1;
}

function appended(record: RunRecord, rollback: RollbackRecord): RunRecord {
  const rollbacks = [...(record.rollbacks ?? []), rollback];
  return { ...record, rollbacks: rollbacks.slice(Math.max(0, rollbacks.length - MAX_RUN_ROLLBACKS)) };
}

function replaced(record: RunRecord, index: number, rollback: RollbackRecord): RunRecord {
  const rollbacks = [...(record.rollbacks ?? [])];
  rollbacks[index] = rollback;
  return { ...record, rollbacks };
}

/** The record after a rollback event, or why it is ignored. */
export function rollbackTransition(record: RunRecord, event: RollbackEvent, at: string): RunRecord | string {
  const rollbacks = record.rollbacks ?? [];
  const index = openIndex(rollbacks, event.environment);
  const open = rollbacks[index];
  switch (event.type) {
    case 'rollbackStarted':
      if (open) return `a rollback of ${event.environment} is already ${open.state}`;
      return appended(record, {
        environment: event.environment,
        from: event.from,
        to: event.to,
        automatic: event.automatic,
        ...(event.trigger !== undefined ? { trigger: event.trigger } : {}),
        ...(event.alertFiredAt !== undefined ? { alertFiredAt: event.alertFiredAt } : {}),
        state: 'running',
        startedAt: at,
      });
    case 'rollbackVerifying':
      if (open?.state !== 'running') return `no rollback of ${event.environment} is running`;
      return replaced(record, index, { ...open, state: 'verifying', commandsEndedAt: at });
    case 'rollbackEnded': {
      if (!open) return `no rollback of ${event.environment} is open`;
      const { type: _t, environment: _e, outcome, ...details } = event;
      return replaced(record, index, { ...open, ...details, state: outcome, endedAt: at });
    }
    case 'rollbackCancelled':
      if (open) return `a rollback of ${event.environment} is already ${open.state}`;
      return appended(record, {
        environment: event.environment,
        automatic: true,
        ...(event.trigger !== undefined ? { trigger: event.trigger } : {}),
        ...(event.alertFiredAt !== undefined ? { alertFiredAt: event.alertFiredAt } : {}),
        state: 'cancelled',
        startedAt: at,
        endedAt: at,
        reason: event.reason,
      });
  }
}

/** After a crash: an open rollback is `interrupted` (its commands and verification stopped with the host). */
export function interruptRollbacks(record: RunRecord, at: string): RunRecord {
  if (!record.rollbacks?.some((r) => OPEN.has(r.state))) return record;
  return { ...record, rollbacks: record.rollbacks.map((r) => (OPEN.has(r.state) ? { ...r, state: 'interrupted' as const, endedAt: at } : r)) };
}
