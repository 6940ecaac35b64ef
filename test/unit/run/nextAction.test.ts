import * as assert from 'node:assert/strict';
import type { NextAction, PlannedCommand, RunEventInput, RunRecord, StepPlan } from '../../../src/core/run';
import { nextAction, planStep, reduce, restoreAfterCrash, stepStatus } from '../../../src/core/run';
import { at, info, newRecord, section, seedRunbook } from './runTestHelpers';

const step1 = (): StepPlan => planStep(section(seedRunbook(), 'STEP 1: Prepare Master Branch'));
const cmd = (plan: StepPlan, i: number): PlannedCommand => {
  const c = plan.commands[i];
  assert.ok(c, `no command ${i}`);
  return c;
};

/**
 * A fake runner: does what nextAction says until it stops, finishes or must wait, with exit
 * codes from `exitCodes` (by label; default 0). Returns the record and the last action.
 */
function drive(plan: StepPlan, record: RunRecord, exitCodes: Record<string, number | undefined> = {}, clock = { t: 1 }): { record: RunRecord; action: NextAction; sent: string[] } {
  const sent: string[] = [];
  const apply = (e: RunEventInput): void => {
    record = reduce(record, e, at(clock.t++));
  };
  for (let guard = 0; guard < 100; guard++) {
    const action = nextAction(plan, record);
    if (action.kind !== 'run' && action.kind !== 'start') return { record, action, sent };
    sent.push(action.command.command.label);
    apply({ type: 'commandStarted', ...info(action.command), awaited: action.kind === 'run' });
    if (action.kind === 'run') {
      const label = action.command.command.label;
      apply({ type: 'commandEnded', commandId: action.command.command.id, ...(label in exitCodes ? (exitCodes[label] === undefined ? {} : { exitCode: exitCodes[label] }) : { exitCode: 0 }) });
    }
  }
  assert.fail('runner loops');
}

describe('nextAction', () => {
  it('runs the step\'s commands one after the other, then is done', () => {
    const plan = step1();
    assert.deepEqual(nextAction(plan, newRecord()), { kind: 'run', command: cmd(plan, 0) });
    const { record, action, sent } = drive(plan, newRecord());
    assert.deepEqual(action, { kind: 'done' });
    assert.equal(sent.length, 4);
    assert.equal(stepStatus(record, section(seedRunbook(), 'STEP 1')), 'succeeded');
  });

  it('waits while a command runs', () => {
    const plan = step1();
    const r = reduce(newRecord(), { type: 'commandStarted', ...info(cmd(plan, 0)), awaited: true }, at(1));
    assert.deepEqual(nextAction(plan, r), { kind: 'wait', command: cmd(plan, 0), until: 'exit' });
  });

  describe('stops at the first failing command and offers Retry / Skip / Mark done / Abort', () => {
    const failing = { 'git pull origin master': 1 };

    it('stops at the failure; later commands are not run', () => {
      const plan = step1();
      const { record, action, sent } = drive(plan, newRecord(), failing);
      assert.deepEqual(action, { kind: 'stop', command: cmd(plan, 1), status: 'failed', exitCode: 1, choices: ['retry', 'skip', 'markDone', 'abort'] });
      assert.deepEqual(sent, ['git checkout master', 'git pull origin master']);
      assert.equal(stepStatus(record, section(seedRunbook(), 'STEP 1')), 'failed');
    });

    it('Retry: runs it again and goes on when it succeeds', () => {
      const plan = step1();
      const stopped = drive(plan, newRecord(), failing).record;
      const retried = reduce(stopped, { type: 'commandStarted', ...info(cmd(plan, 1)), awaited: true }, at(50));
      assert.deepEqual(nextAction(plan, retried), { kind: 'wait', command: cmd(plan, 1), until: 'exit' });
      const { record, action, sent } = drive(plan, reduce(retried, { type: 'commandEnded', commandId: cmd(plan, 1).command.id, exitCode: 0 }, at(51)));
      assert.deepEqual(action, { kind: 'done' });
      assert.deepEqual(sent, ['git status', 'git log --oneline -3 master']);
      assert.equal(record.commands.find((c) => c.commandId === cmd(plan, 1).command.id)?.attempts, 2);
    });

    it('Skip: goes on with the next command', () => {
      const plan = step1();
      const stopped = drive(plan, newRecord(), failing).record;
      const skipped = reduce(stopped, { type: 'commandSkipped', ...info(cmd(plan, 1)) }, at(50));
      assert.deepEqual(nextAction(plan, skipped), { kind: 'run', command: cmd(plan, 2) });
      const { record, action } = drive(plan, skipped);
      assert.equal(action.kind, 'done');
      assert.equal(stepStatus(record, section(seedRunbook(), 'STEP 1')), 'succeeded');
    });

    it('Mark done: counts as succeeded and goes on', () => {
      const plan = step1();
      const stopped = drive(plan, newRecord(), failing).record;
      const marked = reduce(stopped, { type: 'commandMarkedDone', ...info(cmd(plan, 1)) }, at(50));
      assert.deepEqual(nextAction(plan, marked), { kind: 'run', command: cmd(plan, 2) });
    });

    it('Abort: the run ends as aborted', () => {
      const plan = step1();
      const stopped = drive(plan, newRecord(), failing).record;
      const aborted = reduce(stopped, { type: 'stepAborted', stepId: plan.stepId, commandId: cmd(plan, 1).command.id }, at(50));
      assert.deepEqual(nextAction(plan, aborted), { kind: 'ended', state: 'aborted' });
      assert.equal(aborted.state, 'aborted');
    });

    it('no exit code reported: stops as unknown, for the operator to say', () => {
      const plan = step1();
      const { record, action } = drive(plan, newRecord(), { 'git status': undefined });
      assert.equal(action.kind === 'stop' ? `${action.status} ${action.command.command.label}` : action.kind, 'unknown git status');
      assert.equal(stepStatus(record, section(seedRunbook(), 'STEP 1')), 'unknown');
    });
  });

  it('starts a long-running command without awaiting it and goes on', () => {
    const plan = planStep(section(seedRunbook(), 'Immediate Checks'));
    const { action, sent, record } = drive(plan, newRecord(), { 'docker logs -f aidrive-dashboard | head -50': 0 });
    assert.deepEqual(action, { kind: 'done' });
    assert.equal(sent.length, 4);
    const stats = record.commands.find((c) => c.label === 'docker stats aidrive-dashboard');
    assert.deepEqual([stats?.status, stats?.awaited], ['started', false]);
    assert.equal(stepStatus(record, section(seedRunbook(), 'Immediate Checks')), 'started');
  });

  it('starts an interactive command, then holds the step until it ends or is marked done', () => {
    const plan = planStep(section(seedRunbook(), 'STEP 3: Update CHANGELOG'));
    const first = drive(plan, newRecord());
    assert.deepEqual(first.sent, ['nano CHANGELOG.md']);
    assert.deepEqual(first.action, { kind: 'wait', command: cmd(plan, 0), until: 'operator' });
    const edited = reduce(first.record, { type: 'commandEnded', commandId: cmd(plan, 0).command.id, exitCode: 0 }, at(100));
    const rest = drive(plan, edited);
    assert.deepEqual(rest.sent, ['git add CHANGELOG.md', 'git commit -m "docs: Update CHANGELOG for v1.0.0-rc1"']);
    assert.equal(rest.action.kind, 'done');
    const marked = reduce(first.record, { type: 'commandMarkedDone', ...info(cmd(plan, 0)) }, at(100));
    assert.deepEqual(nextAction(plan, marked), { kind: 'run', command: cmd(plan, 1) });
  });

  it('runs the chosen option of an option group', () => {
    const step = section(seedRunbook(), 'STEP 2: Execute Merge');
    const optionA = section(seedRunbook(), 'OPTION A: SQUASH MERGE');
    const plan = planStep(step, { optionId: optionA.id });
    const startedStep = reduce(newRecord(), { type: 'stepStarted', stepId: step.id, optionId: optionA.id, commandIds: plan.commands.map((c) => c.command.id) }, at(0));
    const { record, sent } = drive(plan, startedStep);
    assert.equal(sent.length, 3);
    assert.equal(stepStatus(record, step), 'succeeded');
    assert.equal(stepStatus(record, section(seedRunbook(), 'OPTION B: REGULAR')), 'pending');
  });

  it('after a crash: interrupted; resumed, it stops at the interrupted command', () => {
    const plan = step1();
    let r = reduce(reduce(newRecord(), { type: 'commandStarted', ...info(cmd(plan, 0)), awaited: true }, at(1)), { type: 'commandEnded', commandId: cmd(plan, 0).command.id, exitCode: 0 }, at(2));
    r = reduce(r, { type: 'commandStarted', ...info(cmd(plan, 1)), awaited: true }, at(3));
    const restored = restoreAfterCrash(r, at(60));
    assert.deepEqual(nextAction(plan, restored), { kind: 'ended', state: 'interrupted' });
    assert.equal(stepStatus(restored, section(seedRunbook(), 'STEP 1')), 'interrupted');
    const resumed = reduce(restored, { type: 'runStarted' }, at(61));
    assert.deepEqual(nextAction(plan, resumed), { kind: 'stop', command: cmd(plan, 1), status: 'interrupted', choices: ['retry', 'skip', 'markDone', 'abort'] });
  });

  it('runs a done step again after stepStarted', () => {
    const plan = step1();
    const done = drive(plan, newRecord()).record;
    assert.deepEqual(nextAction(plan, done), { kind: 'done' });
    const again = reduce(done, { type: 'stepStarted', stepId: plan.stepId, commandIds: plan.commands.map((c) => c.command.id) }, at(90));
    assert.deepEqual(nextAction(plan, again), { kind: 'run', command: cmd(plan, 0) });
    assert.equal(stepStatus(again, section(seedRunbook(), 'STEP 1')), 'pending');
  });

  it('never runs anything in a dry run', () => {
    assert.deepEqual(nextAction(step1(), newRecord({ dryRun: true })), { kind: 'dryRun' });
  });
});
