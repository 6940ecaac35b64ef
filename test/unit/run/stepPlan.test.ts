import * as assert from 'node:assert/strict';
import type { StepPlan } from '../../../src/core/run';
import { OptionRequiredError, planCommand, planStep, sectionIdOfCommand } from '../../../src/core/run';
import { parseRunbook } from '../../../src/core/runbook';
import { section, seedRunbook } from './runTestHelpers';

const labels = (plan: StepPlan): string[] => plan.commands.map((c) => c.command.label);

describe('planStep on the seed runbook', () => {
  it('STEP 1: its four commands, in order, all awaited', () => {
    const step = section(seedRunbook(), 'STEP 1: Prepare Master Branch');
    const plan = planStep(step);
    assert.deepEqual(labels(plan), ['git checkout master', 'git pull origin master', 'git status', 'git log --oneline -3 master']);
    assert.equal(plan.stepId, step.id);
    assert.equal(plan.label, 'STEP 1: Prepare Master Branch');
    assert.deepEqual(new Set(plan.commands.map((c) => c.mode)), new Set(['await']));
    assert.deepEqual(new Set(plan.commands.map((c) => c.stepId)), new Set([step.id]));
  });

  it('STEP 2 is an option group: without a choice it asks, listing the options', () => {
    const step = section(seedRunbook(), 'STEP 2: Execute Merge');
    assert.throws(
      () => planStep(step),
      (error: unknown) => {
        assert.ok(error instanceof OptionRequiredError);
        assert.equal(error.groupId, step.id);
        assert.deepEqual(
          error.options.map((o) => o.label),
          ['OPTION A: SQUASH MERGE (RECOMMENDED - Cleaner history)', 'OPTION B: REGULAR MERGE (Keep full history)'],
        );
        assert.match(error.message, /choose one of "OPTION A/);
        return true;
      },
    );
  });

  it('STEP 2 with Option A: only Option A\'s three commands', () => {
    const step = section(seedRunbook(), 'STEP 2: Execute Merge');
    const optionA = section(seedRunbook(), 'OPTION A: SQUASH MERGE');
    const plan = planStep(step, { optionId: optionA.id });
    assert.deepEqual(labels(plan), [
      'git merge --squash feature/resilience-hardening',
      'git commit -m "feat: Memory leak prevention in deposito_client with validation',
      'git log --oneline master | head -1',
    ]);
    assert.deepEqual(plan.choices, { [step.id]: optionA.id });
    assert.deepEqual(new Set(plan.commands.map((c) => c.stepId)), new Set([optionA.id]));
    assert.equal(planStep(step, { choices: { [step.id]: section(seedRunbook(), 'OPTION B: REGULAR').id } }).commands.length, 2);
  });

  it('refuses an option that is not one of the group\'s', () => {
    const step = section(seedRunbook(), 'STEP 2: Execute Merge');
    assert.throws(() => planStep(step, { choices: { [step.id]: '/nope' } }), /"\/nope" is not an option of "STEP 2/);
  });

  it('a section holding steps: every step in order, asking for the nested group\'s option', () => {
    const guide = section(seedRunbook(), 'Step-by-Step Detailed Guide');
    assert.throws(() => planStep(guide), OptionRequiredError);
    const plan = planStep(guide, { optionId: section(seedRunbook(), 'OPTION B: REGULAR').id });
    assert.equal(plan.commands.length, 4 + 2 + 3 + 2 + 4 + 4);
    assert.equal(plan.commands[4]?.command.label, 'git merge feature/resilience-hardening');
  });

  it('starts interactive and long-running commands without awaiting them', () => {
    const changelog = planStep(section(seedRunbook(), 'STEP 3: Update CHANGELOG')).commands;
    assert.deepEqual(
      changelog.map((c) => [c.command.label, c.mode, c.startReason]),
      [
        ['nano CHANGELOG.md', 'start', 'interactive'],
        ['git add CHANGELOG.md', 'await', undefined],
        ['git commit -m "docs: Update CHANGELOG for v1.0.0-rc1"', 'await', undefined],
      ],
    );
    const stats = planStep(section(seedRunbook(), 'Immediate Checks')).commands.find((c) => c.command.label === 'docker stats aidrive-dashboard');
    assert.deepEqual([stats?.mode, stats?.startReason], ['start', 'longRunning']);
    const sleep = planStep(section(seedRunbook(), 'Quick Rollback')).commands.at(-1);
    assert.deepEqual([sleep?.mode, sleep?.startReason, sleep?.waitSeconds], ['start', 'longRunning', 300]);
  });

  it('leaves a step\'s rollback sub-section out, unless the rollback itself is planned', () => {
    const rb = parseRunbook(['## Step 1: Deploy', '```bash', 'make deploy', '```', '### Rollback', '```bash', 'make rollback', '```', '### Verify', '```bash', 'make verify', '```'].join('\n'));
    const step = section(rb, 'Step 1: Deploy');
    assert.deepEqual(labels(planStep(step)), ['make deploy', 'make verify']);
    assert.deepEqual(labels(planStep(section(rb, 'Rollback'))), ['make rollback']);
    assert.deepEqual(labels(planStep(section(seedRunbook(), 'Rollback Procedures'))).length, 6 + 3);
  });

  it('plans content and output blocks as nothing', () => {
    assert.equal(planStep(section(seedRunbook(), 'Expected Timeline')).commands.length, 0);
    assert.equal(planStep(section(seedRunbook(), 'DEPLOYMENT OPTIONS'), { optionId: section(seedRunbook(), 'OPTION C: Canary').id }).commands.length, 0);
  });
});

describe('planCommand', () => {
  it('plans one command in its own section', () => {
    const step = section(seedRunbook(), 'STEP 6: Cleanup');
    const plan = planStep(step);
    const destructive = plan.commands[1]?.command;
    assert.ok(destructive);
    const single = planCommand(destructive);
    assert.equal(single.stepId, step.id);
    assert.equal(single.label, 'git push origin --delete feature/resilience-hardening');
    assert.deepEqual(single.commands, [plan.commands[1]]);
    assert.equal(planCommand(destructive, 'custom').stepId, 'custom');
  });

  it('reads the section id out of a command id', () => {
    assert.equal(sectionIdOfCommand('/a/b#code2:3'), '/a/b');
    assert.equal(sectionIdOfCommand('#code1:0'), '');
    assert.equal(sectionIdOfCommand('weird'), '');
  });
});
