import * as assert from 'node:assert/strict';
import type { CommandStatus } from '../../../src/core/run';
import { aggregateStatus, checklistState, commandStatus, planStep, reduce, stepStatus } from '../../../src/core/run';
import { at, info, newRecord, replay, section, seedRunbook } from './runTestHelpers';

describe('status derivations', () => {
  it('aggregateStatus: failed > running > interrupted > unknown > started > partial/pending > succeeded; skipped counts as done', () => {
    const cases: [CommandStatus[], string][] = [
      [[], 'pending'],
      [['pending', 'pending'], 'pending'],
      [['succeeded', 'succeeded'], 'succeeded'],
      [['succeeded', 'skipped'], 'succeeded'],
      [['skipped', 'skipped'], 'skipped'],
      [['succeeded', 'pending'], 'partial'],
      [['skipped', 'pending'], 'partial'],
      [['succeeded', 'started', 'pending'], 'started'],
      [['started', 'unknown'], 'unknown'],
      [['unknown', 'interrupted'], 'interrupted'],
      [['interrupted', 'running'], 'running'],
      [['running', 'failed', 'succeeded'], 'failed'],
    ];
    for (const [statuses, expected] of cases) assert.equal(aggregateStatus(statuses), expected, statuses.join(','));
  });

  it('commandStatus: pending for commands the run has not touched', () => {
    const plan = planStep(section(seedRunbook(), 'STEP 1'));
    const [first, second] = plan.commands;
    assert.ok(first && second);
    const r = reduce(newRecord(), { type: 'commandStarted', ...info(first), awaited: true }, at(1));
    assert.equal(commandStatus(r, first.command.id), 'running');
    assert.equal(commandStatus(r, second.command.id), 'pending');
    assert.equal(stepStatus(r, section(seedRunbook(), 'STEP 1')), 'running');
  });

  it('stepStatus of an option group: the chosen option, else the options touched, else pending', () => {
    const group = section(seedRunbook(), 'STEP 2: Execute Merge');
    const optionB = section(seedRunbook(), 'OPTION B: REGULAR');
    const planB = planStep(group, { optionId: optionB.id });
    const [b1] = planB.commands;
    assert.ok(b1);
    assert.equal(stepStatus(newRecord(), group), 'pending');
    const touched = replay(newRecord(), [{ type: 'commandStarted', ...info(b1), awaited: true }, { type: 'commandEnded', commandId: b1.command.id, exitCode: 0 }]);
    assert.equal(stepStatus(touched, group), 'partial', 'option B: one of two done');
    const chosenA = reduce(touched, { type: 'stepStarted', stepId: group.id, optionId: section(seedRunbook(), 'OPTION A: SQUASH').id, commandIds: [] }, at(9));
    assert.equal(stepStatus(chosenA, group), 'pending', 'option A chosen, nothing of it run');
  });

  it('a section of steps aggregates them all; a section without commands is pending', () => {
    const guide = section(seedRunbook(), 'Step-by-Step Detailed Guide');
    const step1 = planStep(section(seedRunbook(), 'STEP 1'));
    let r = newRecord();
    for (const c of step1.commands) r = replay(r, [{ type: 'commandStarted', ...info(c), awaited: true }, { type: 'commandEnded', commandId: c.command.id, exitCode: 0 }]);
    assert.equal(stepStatus(r, section(seedRunbook(), 'STEP 1')), 'succeeded');
    assert.equal(stepStatus(r, guide), 'partial');
    assert.equal(stepStatus(r, section(seedRunbook(), 'Sign-Off Checklist')), 'pending');
  });

  it('checklistState: the latest tick per item, to restore checkboxes', () => {
    const r = replay(newRecord(), [
      { type: 'checklistTicked', taskId: 'a', checked: true },
      { type: 'checklistTicked', taskId: 'a', checked: false },
      { type: 'checklistTicked', taskId: 'b', checked: true },
    ]);
    assert.deepEqual(
      [...checklistState(r)].map(([id, t]) => [id, t.checked]),
      [
        ['a', false],
        ['b', true],
      ],
    );
  });
});
