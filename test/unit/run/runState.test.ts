import * as assert from 'node:assert/strict';
import type { CommandInfo, RunRecord } from '../../../src/core/run';
import { applyEvent, createRunRecord, isValidRunId, MAX_RUN_EVENTS, newRunId, reduce, restoreAfterCrash } from '../../../src/core/run';
import { at, deepFreeze, newRecord, replay, T0 } from './runTestHelpers';

const A: CommandInfo = { commandId: '/step-1#code1:0', stepId: '/step-1', label: 'git checkout master', text: 'git checkout master' };
const B: CommandInfo = { commandId: '/step-1#code1:1', stepId: '/step-1', label: 'git pull', text: 'git pull origin master' };

const started = (c: CommandInfo, awaited = true) => ({ type: 'commandStarted' as const, ...c, awaited });
const ended = (c: CommandInfo, exitCode?: number) => ({ type: 'commandEnded' as const, commandId: c.commandId, ...(exitCode !== undefined ? { exitCode } : {}) });

function command(record: RunRecord, c: CommandInfo) {
  return record.commands.find((r) => r.commandId === c.commandId);
}

describe('run record', () => {
  it('creates a running record with its runStarted event and a sortable, file-safe id', () => {
    const record = createRunRecord({ runbook: { path: 'RUNBOOK.md', sha256: 'f'.repeat(64) }, operator: 'bob' }, T0);
    assert.equal(record.formatVersion, 1);
    assert.equal(record.state, 'running');
    assert.equal(record.startedAt, '2025-10-20T14:00:00.000Z');
    assert.equal(record.dryRun, false);
    assert.deepEqual(record.events, [{ type: 'runStarted', at: '2025-10-20T14:00:00.000Z' }]);
    assert.match(record.id, /^2025-10-20T14-00-00\.000Z-[0-9a-z]{6}$/);
    assert.ok(isValidRunId(record.id));
    assert.equal(JSON.stringify(JSON.parse(JSON.stringify(record))), JSON.stringify(record));
  });

  it('orders ids by start time and keeps same-millisecond ids apart', () => {
    const ids = [at(3600), at(0), at(0.001), at(86400 * 400)].map((d) => newRunId(d));
    assert.deepEqual([...ids].sort(), [ids[1], ids[2], ids[0], ids[3]]);
    assert.notEqual(newRunId(T0), newRunId(T0));
    assert.ok(!isValidRunId('../etc/passwd') && !isValidRunId('a/b') && !isValidRunId('') && !isValidRunId('..'));
  });
});

describe('reduce', () => {
  it('never mutates its input', () => {
    const record = deepFreeze(replay(newRecord(), [started(A)]));
    assert.doesNotThrow(() => replay(record, [ended(A, 0), started(B), ended(B, 1), { type: 'checklistTicked', taskId: 't', checked: true }, { type: 'runEnded' }]));
  });

  describe('commandStarted', () => {
    it('awaited → running, with start time and first attempt', () => {
      const r = reduce(newRecord(), started(A), at(5));
      assert.deepEqual(command(r, A), { ...A, status: 'running', awaited: true, attempts: 1, startedAt: at(5).toISOString() });
      assert.deepEqual(r.events.at(-1), { type: 'commandStarted', ...A, awaited: true, at: at(5).toISOString() });
    });

    it('not awaited (long-running, interactive) → started', () => {
      assert.equal(command(reduce(newRecord(), started(A, false), at(1)), A)?.status, 'started');
    });

    it('is ignored while the command is running (a double click), and says why', () => {
      const r = reduce(newRecord(), started(A), at(1));
      const result = applyEvent(r, started(A), at(2));
      assert.equal(result.accepted, false);
      assert.equal(result.record, r);
      assert.match(result.accepted ? '' : result.reason, /already running/);
    });

    it('retries a failed command: new attempt, previous outcome cleared', () => {
      const r = replay(newRecord(), [started(A), ended(A, 2), started(A)]);
      const c = command(r, A);
      assert.equal(c?.status, 'running');
      assert.equal(c?.attempts, 2);
      assert.equal(c?.exitCode, undefined);
      assert.equal(c?.endedAt, undefined);
      assert.equal(c?.startedAt, at(3).toISOString());
    });
  });

  describe('commandEnded', () => {
    it('exit 0 → succeeded, with end time and duration', () => {
      const r = replay(newRecord(), [started(A)], 10);
      const done = reduce(r, ended(A, 0), new Date(at(10).getTime() + 1234));
      assert.deepEqual(command(done, A), {
        ...A,
        status: 'succeeded',
        awaited: true,
        attempts: 1,
        startedAt: at(10).toISOString(),
        endedAt: new Date(at(10).getTime() + 1234).toISOString(),
        durationMs: 1234,
        exitCode: 0,
      });
    });

    it('non-zero → failed; no exit code reported → unknown', () => {
      assert.equal(command(replay(newRecord(), [started(A), ended(A, 127)]), A)?.status, 'failed');
      const unknown = command(replay(newRecord(), [started(A), ended(A)]), A);
      assert.equal(unknown?.status, 'unknown');
      assert.equal(unknown?.exitCode, undefined);
      assert.equal(unknown?.durationMs, 1000);
    });

    it('a started stream stopped by a signal (Ctrl+C: 130) succeeded; other codes fail it', () => {
      const stopped = command(replay(newRecord(), [started(A, false), ended(A, 130)]), A);
      assert.equal(stopped?.status, 'succeeded');
      assert.match(stopped?.note ?? '', /signal/);
      assert.equal(command(replay(newRecord(), [started(A, false), ended(A, 1)]), A)?.status, 'failed');
      assert.equal(command(replay(newRecord(), [started(A), ended(A, 130)]), A)?.status, 'failed');
    });

    it('is ignored for a command that is not running (late exit after a skip)', () => {
      const r = replay(newRecord(), [started(A), ended(A, 1), { type: 'commandSkipped', ...A }]);
      assert.equal(reduce(r, ended(A, 0), at(9)), r);
      assert.equal(reduce(newRecord(), ended(B, 0), at(9)).commands.length, 0);
    });
  });

  describe('commandSkipped', () => {
    it('skips a failed command, keeping what happened', () => {
      const c = command(replay(newRecord(), [started(A), ended(A, 1), { type: 'commandSkipped', ...A, note: 'not needed' }]), A);
      assert.equal(c?.status, 'skipped');
      assert.equal(c?.exitCode, 1);
      assert.equal(c?.note, 'not needed');
    });

    it('skips a command never run', () => {
      assert.deepEqual(command(reduce(newRecord(), { type: 'commandSkipped', ...B }, at(1)), B), { ...B, status: 'skipped', attempts: 0 });
    });

    it('is ignored for succeeded, running and started commands', () => {
      for (const events of [[started(A), ended(A, 0)], [started(A)], [started(A, false)]]) {
        const r = replay(newRecord(), events);
        assert.equal(reduce(r, { type: 'commandSkipped', ...A }, at(20)), r);
      }
    });
  });

  describe('commandMarkedDone', () => {
    it('marks a failed or unknown command succeeded by the operator', () => {
      for (const code of [1, undefined]) {
        const c = command(replay(newRecord(), [started(A), ended(A, code), { type: 'commandMarkedDone', ...A }]), A);
        assert.equal(c?.status, 'succeeded');
        assert.equal(c?.markedDone, true);
        assert.equal(c?.exitCode, code);
      }
    });

    it('ends a running or started command at that time; marks a pending one done', () => {
      const c = command(replay(newRecord(), [started(A, false), { type: 'commandMarkedDone', ...A }]), A);
      assert.equal(c?.endedAt, at(2).toISOString());
      assert.equal(c?.durationMs, 1000);
      assert.equal(command(reduce(newRecord(), { type: 'commandMarkedDone', ...B }, at(1)), B)?.status, 'succeeded');
    });

    it('is ignored for a succeeded command', () => {
      const r = replay(newRecord(), [started(A), ended(A, 0)]);
      assert.equal(reduce(r, { type: 'commandMarkedDone', ...A }, at(9)), r);
    });
  });

  it('commandInterrupted: a running or started command → interrupted; otherwise ignored', () => {
    const c = command(replay(newRecord(), [started(A), { type: 'commandInterrupted', commandId: A.commandId, note: 'terminal closed' }]), A);
    assert.equal(c?.status, 'interrupted');
    assert.equal(c?.note, 'terminal closed');
    assert.equal(command(replay(newRecord(), [started(A, false), { type: 'commandInterrupted', commandId: A.commandId }]), A)?.status, 'interrupted');
    const r = replay(newRecord(), [started(A), ended(A, 0)]);
    assert.equal(reduce(r, { type: 'commandInterrupted', commandId: A.commandId }, at(9)), r);
  });

  it('stepStarted resets the step\'s ended commands to pending and records the option chosen', () => {
    const r = replay(newRecord(), [started(A), ended(A, 0), started(B, false), { type: 'stepStarted', stepId: '/step-2', optionId: '/step-2/option-a', commandIds: [A.commandId, B.commandId] }]);
    assert.deepEqual(command(r, A), { ...A, status: 'pending', attempts: 1 });
    assert.equal(command(r, B)?.status, 'started', 'in flight: left alone');
    assert.deepEqual(r.choices, { '/step-2': '/step-2/option-a' });
  });

  it('checklistTicked keeps the latest tick per item with its time; the history stays in events', () => {
    const r = replay(newRecord(), [
      { type: 'checklistTicked', taskId: 'a', checked: true, text: 'Tests pass' },
      { type: 'checklistTicked', taskId: 'b', checked: true },
      { type: 'checklistTicked', taskId: 'a', checked: false, text: 'Tests pass' },
    ]);
    assert.deepEqual(r.checklist, [
      { taskId: 'b', checked: true, at: at(2).toISOString() },
      { taskId: 'a', checked: false, at: at(3).toISOString(), text: 'Tests pass' },
    ]);
    assert.equal(r.events.filter((e) => e.type === 'checklistTicked').length, 3);
  });

  it('variablesResolved keeps the latest value per name and never a secret value, not even in the event log', () => {
    const r = replay(newRecord(), [
      { type: 'variablesResolved', variables: [{ name: 'TAG', source: 'config', secret: false, value: 'v1' }] },
      { type: 'variablesResolved', variables: [{ name: 'TAG', source: 'prompt', secret: false, value: 'v2' }, { name: 'API_KEY', source: 'prompt', secret: true, value: 'sk-live-123456' }] },
    ]);
    assert.deepEqual(r.variables, [
      { name: 'TAG', source: 'prompt', secret: false, value: 'v2' },
      { name: 'API_KEY', source: 'prompt', secret: true },
    ]);
    assert.ok(!JSON.stringify(r).includes('sk-live-123456'));
  });

  describe('the run', () => {
    it('runEnded: completed when nothing failed, failed otherwise, or as told', () => {
      assert.equal(replay(newRecord(), [started(A), ended(A, 0), { type: 'runEnded' }]).state, 'completed');
      assert.equal(replay(newRecord(), [started(A), ended(A, 1), { type: 'commandSkipped', ...A }, { type: 'runEnded' }]).state, 'completed');
      const failed = replay(newRecord(), [started(A), ended(A), { type: 'runEnded' }]);
      assert.equal(failed.state, 'failed');
      assert.equal(failed.endedAt, at(3).toISOString());
      assert.equal(replay(newRecord(), [{ type: 'runEnded', state: 'failed' }]).state, 'failed');
    });

    it('stepAborted ends the run as aborted; afterwards only ticks and late exits are accepted', () => {
      const r = replay(newRecord(), [started(A, false), started(B), ended(B, 1), { type: 'stepAborted', stepId: '/step-1', commandId: B.commandId }]);
      assert.equal(r.state, 'aborted');
      assert.equal(r.endedAt, at(4).toISOString());
      assert.equal(reduce(r, started(B), at(10)), r);
      assert.equal(reduce(r, { type: 'runEnded' }, at(10)), r);
      assert.equal(reduce(r, { type: 'runStarted' }, at(10)), r);
      assert.equal(command(reduce(r, ended(A, 130), at(10)), A)?.status, 'succeeded', 'the stream started before the abort ends later');
      assert.equal(reduce(r, { type: 'checklistTicked', taskId: 'x', checked: true }, at(10)).checklist.length, 1);
    });

    it('runStarted is ignored on a running run and resumes an interrupted one', () => {
      const r = newRecord();
      assert.equal(reduce(r, { type: 'runStarted' }, at(1)), r);
      const crashed = restoreAfterCrash(replay(r, [started(A)]), at(50));
      const resumed = reduce(crashed, { type: 'runStarted' }, at(60));
      assert.equal(resumed.state, 'running');
      assert.equal(command(resumed, A)?.status, 'interrupted');
    });

    it('keeps at most MAX_RUN_EVENTS events, dropping the oldest and counting them', () => {
      let r = newRecord();
      for (let i = 0; i < MAX_RUN_EVENTS + 99; i++) r = reduce(r, { type: 'checklistTicked', taskId: `t${i}`, checked: true }, at(i));
      assert.equal(r.events.length, MAX_RUN_EVENTS);
      assert.equal(r.droppedEvents, 100);
      assert.deepEqual(r.events[0], { type: 'checklistTicked', taskId: 't99', checked: true, at: at(99).toISOString() });
    });
  });
});

describe('restoreAfterCrash', () => {
  it('turns running commands and the run into interrupted; started ones stay started', () => {
    const r = replay(newRecord(), [started(A, false), started(B)]);
    const restored = restoreAfterCrash(JSON.parse(JSON.stringify(r)) as RunRecord, at(100));
    assert.equal(restored.state, 'interrupted');
    assert.equal(command(restored, B)?.status, 'interrupted');
    assert.equal(command(restored, B)?.endedAt, undefined, 'when it really ended is unknown');
    assert.equal(command(restored, A)?.status, 'started');
    assert.deepEqual(restored.events.at(-1), { type: 'commandInterrupted', commandId: B.commandId, note: 'restored after a reload or crash', at: at(100).toISOString() });
  });

  it('is idempotent and leaves ended runs alone', () => {
    const r = restoreAfterCrash(replay(newRecord(), [started(A)]), at(100));
    assert.equal(restoreAfterCrash(r, at(200)), r);
    const done = replay(newRecord(), [started(A), ended(A, 0), { type: 'runEnded' }]);
    assert.equal(restoreAfterCrash(done, at(200)), done);
  });
});
