import * as assert from 'node:assert/strict';
import type { RunEventInput, RunRecord } from '../../../src/core/run';
import { formatDeltaMs, formatDurationMs, planStep, reduce, renderRunReport } from '../../../src/core/run';
import { info, newRecord, section, seedRunbook, T0 } from './runTestHelpers';

const ms = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

/** A fake run of STEP 1: four commands over 6 min 12 s, the second one retried. */
function step1Run(): RunRecord {
  const plan = planStep(section(seedRunbook(), 'STEP 1: Prepare Master Branch'));
  const [checkout, pull, status, log] = plan.commands;
  assert.ok(checkout && pull && status && log);
  const timeline: [number, RunEventInput][] = [
    [10, { type: 'stepStarted', stepId: plan.stepId, commandIds: plan.commands.map((c) => c.command.id) }],
    [10, { type: 'commandStarted', ...info(checkout), awaited: true }],
    [11.2, { type: 'commandEnded', commandId: checkout.command.id, exitCode: 0 }],
    [20, { type: 'commandStarted', ...info(pull), awaited: true }],
    [62, { type: 'commandEnded', commandId: pull.command.id, exitCode: 1 }],
    [200, { type: 'commandStarted', ...info(pull), awaited: true }],
    [205, { type: 'commandEnded', commandId: pull.command.id, exitCode: 0 }],
    [300, { type: 'commandStarted', ...info(status), awaited: true }],
    [300.4, { type: 'commandEnded', commandId: status.command.id }],
    [310, { type: 'commandMarkedDone', ...info(status), note: 'output looked right' }],
    [381, { type: 'commandSkipped', ...info(log) }],
    [382, { type: 'commandStarted', ...info(log), awaited: true }],
    [382, { type: 'commandEnded', commandId: log.command.id, exitCode: 0 }],
    [400, { type: 'checklistTicked', taskId: '/sign-off-checklist::code review approved ✅', checked: true }],
    [401, { type: 'checklistTicked', taskId: 'gone', checked: true, text: 'Pipes | and `ticks`' }],
    [402, { type: 'variablesResolved', variables: [{ name: 'TAG', source: 'config', secret: false, value: 'v1.0.0-rc1' }, { name: 'API_KEY', source: 'prompt', secret: true }] }],
    [420, { type: 'runEnded' }],
  ];
  return timeline.reduce((r, [t, e]) => reduce(r, e, ms(t)), newRecord());
}

describe('renderRunReport', () => {
  it('renders the header: runbook, hash, environment, operator, commit, times, state', () => {
    const md = renderRunReport(step1Run(), seedRunbook());
    assert.ok(md.startsWith('# Run report: Phase 8\n'));
    for (const row of [
      '| Runbook | `docs/DEPLOY.md` |',
      `| Runbook sha256 | \`${'a'.repeat(64)}\` |`,
      '| Environment | production |',
      '| Operator | alice |',
      '| Git | `0123456789abcdef0123456789abcdef01234567` on `master` |',
      '| Started | 2025-10-20 14:00:00 UTC |',
      '| Ended | 2025-10-20 14:07:00 UTC |',
      '| Duration | 7 min |',
      '| State | ✅ completed |',
    ]) {
      assert.ok(md.includes(row), `missing ${row}\n${md}`);
    }
  });

  it('a table per step with statuses, exit codes and durations, and planned vs actual for STEP 1 (5 min)', () => {
    const md = renderRunReport(step1Run(), seedRunbook());
    const expected = [
      '### STEP 1: Prepare Master Branch',
      '',
      'Planned 5 min · actual 6 min 12 s (+1 min 12 s)',
      '',
      '| # | Command | Status | Exit code | Duration |',
      '|---:|---|---|---:|---:|',
      '| 1 | `git checkout master` | ✅ succeeded | 0 | 1.2 s |',
      '| 2 | `git pull origin master` | ✅ succeeded (2 attempts) | 0 | 5 s |',
      '| 3 | `git status` | ✅ succeeded (marked done) — output looked right | — | 400 ms |',
      '| 4 | `git log --oneline -3 master` | ✅ succeeded | 0 | 0 ms |',
    ].join('\n');
    assert.ok(md.includes(expected), md);
    assert.ok(md.includes('- Commands: 4 (✅ 4 succeeded)'), md);
    assert.ok(md.includes('- Time in commands: 6.6 s'), md);
    assert.ok(md.includes('- Steps with a planned duration: planned 5 min · actual 6 min 12 s (+1 min 12 s)'), md);
  });

  it('lists checklist ticks with their times and the variables, secrets without value', () => {
    const md = renderRunReport(step1Run(), seedRunbook());
    assert.ok(md.includes('- [x] Code review approved ✅ — ticked 2025-10-20 14:06:40 UTC'), md);
    assert.ok(md.includes('- [x] Pipes \\| and `ticks` — ticked 2025-10-20 14:06:41 UTC'), md);
    assert.ok(md.includes('| `TAG` | config | `v1.0.0-rc1` |'), md);
    assert.ok(md.includes('| `API_KEY` | prompt | (secret) |'), md);
  });

  it('groups option commands under their step, names the option, and takes planned time from the timeline', () => {
    const step = section(seedRunbook(), 'STEP 2: Execute Merge');
    const option = section(seedRunbook(), 'OPTION A: SQUASH MERGE');
    const plan = planStep(step, { optionId: option.id });
    let r = newRecord();
    let t = 0;
    for (const c of plan.commands) {
      r = reduce(r, { type: 'commandStarted', ...info(c), awaited: true }, ms((t += 60)));
      r = reduce(r, { type: 'commandEnded', commandId: c.command.id, exitCode: c === plan.commands[2] ? 1 : 0 }, ms((t += 60)));
    }
    const md = renderRunReport(reduce(r, { type: 'stepAborted', stepId: step.id }, ms(t + 1)), seedRunbook());
    assert.ok(md.includes('### STEP 2: Execute Merge (Choose One Option)\n\nOption: OPTION A: SQUASH MERGE (RECOMMENDED - Cleaner history)\n\nPlanned 5 min (timeline: "Execute merge") · actual 5 min (±0 s)'), md);
    assert.ok(md.includes('| 3 | `git log --oneline master \\| head -1` | ❌ failed | 1 | 1 min |'), md);
    assert.ok(md.includes('| State | 🛑 aborted |'), md);
  });

  it('works without the runbook: commands grouped by section id, no planned times', () => {
    const md = renderRunReport(step1Run());
    assert.ok(md.includes('### /step-by-step-detailed-guide/step-1-prepare-master-branch'), md);
    assert.ok(!md.includes('Planned'), md);
    assert.ok(md.includes('- [x] /sign-off-checklist::code review approved ✅ — ticked'), md);
  });

  it('says when nothing ran, and marks a dry run', () => {
    const md = renderRunReport(newRecord({ dryRun: true }));
    assert.ok(md.includes('No command was run.'));
    assert.ok(md.includes('| Mode | dry run (commands printed, not run) |'));
    assert.ok(md.includes('| State | ⏳ running |'));
  });
});

describe('durations for people', () => {
  it('formats milliseconds to hours', () => {
    assert.deepEqual(
      [0, 400, 1234, 9_960, 42_400, 60_000, 372_000, 3_600_000, 3_900_000, 90_061_000].map(formatDurationMs),
      ['0 ms', '400 ms', '1.2 s', '10 s', '42 s', '1 min', '6 min 12 s', '1 h', '1 h 5 min', '25 h 1 min'],
    );
    assert.deepEqual([72_000, -30_000, 200].map(formatDeltaMs), ['+1 min 12 s', '-30 s', '±0 s']);
  });
});
