import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeBlockNode, Runbook, RunbookNode, SectionNode, TaskNode } from '../../../src/core/runbook';
import { allCommands, nodePathAtLine, parseRunbook, walk } from '../../../src/core/runbook';
import { SEED_RUNBOOK } from '../../repoPaths';

const seedText = readFileSync(SEED_RUNBOOK, 'utf8');

function sections(nodes: readonly RunbookNode[]): SectionNode[] {
  return nodes.filter((n): n is SectionNode => n.kind === 'section');
}
function find(nodes: readonly RunbookNode[], label: string): SectionNode {
  const hit = sections(nodes).find((s) => s.label === label);
  assert.ok(hit, `no section "${label}" among: ${sections(nodes).map((s) => s.label).join(' | ')}`);
  return hit;
}
function tasks(node: SectionNode): TaskNode[] {
  return node.children.filter((n): n is TaskNode => n.kind === 'task');
}
function codes(node: SectionNode): CodeBlockNode[] {
  return node.children.filter((n): n is CodeBlockNode => n.kind === 'code');
}

describe('parseRunbook on the seed runbook', () => {
  let runbook: Runbook;
  before(() => {
    runbook = parseRunbook(seedText);
  });

  it('reads the title and the subtitle', () => {
    assert.equal(runbook.title, 'PHASE 8 EXECUTION: MERGE TO MASTER & DEPLOYMENT');
    assert.equal(runbook.subtitle, 'Step-by-Step Production Deployment Guide - October 20, 2025');
    assert.equal(runbook.lineCount, 558);
  });

  it('reports exactly the seed\'s real problems, with 1-based line:column', () => {
    assert.deepEqual(
      runbook.diagnostics.map((d) => `${d.line + 1}:${d.column + 1} ${d.severity} ${d.code}`),
      [
        '362:24 information unknown-variable', // -H "X-API-Key: $API_KEY": nothing sets it
        '424:3 error command', // docker-compose … -e "DOCKER_TAG=…" up -d: -e is not an option of up
        '437:13 error command', // docker logs aidrive-dashboard:v1.0.0-rc1: an image tag, not a container
      ],
    );
    const misuse = runbook.diagnostics[1];
    assert.match(misuse?.message ?? '', /^`-e` is not a docker-compose global option nor an option of `up`/);
    assert.match(misuse?.message ?? '', /DOCKER_TAG=\$PREVIOUS_TAG docker-compose -f docker-compose\.production\.yml up -d/);
  });

  it('classifies the seed\'s commands', () => {
    const commands = [...allCommands(runbook.children)];
    assert.equal(commands.length, 73);
    const labels = (pick: (c: (typeof commands)[number]) => unknown): string[] => commands.filter(pick).map((c) => c.label);
    assert.deepEqual(labels((c) => c.classification.destructive), [
      'git push origin --delete feature/resilience-hardening',
      'git push origin --delete feature/resilience-hardening',
      'docker-compose -f docker-compose.staging.yml down',
      'docker-compose -f docker-compose.production.yml down',
      'docker-compose -f docker-compose.production.yml down',
      'docker-compose -f docker-compose.production.yml down',
    ]);
    assert.deepEqual(labels((c) => c.classification.longRunning), [
      'docker stats aidrive-dashboard',
      'sleep 300 && curl -s http://dashboard/api/health | jq .',
    ]);
    assert.deepEqual(labels((c) => c.classification.interactive), ['nano CHANGELOG.md']);
  });

  it('collects variables, secrets and the alert conditions with their positions', () => {
    assert.deepEqual(
      runbook.variables.map((v) => [v.name, v.secret, v.assignedInRunbook, v.uses.length]),
      [
        ['API_KEY', true, false, 2],
        ['i', false, true, 1],
        ['ALERT_CONDITIONS', false, true, 1],
        ['PREVIOUS_TAG', false, true, 3],
      ],
    );
    assert.deepEqual(
      runbook.alerts.map((a) => `${a.line + 1}:${a.column + 1} ${a.rule.metric} ${a.rule.comparator} ${a.rule.threshold.raw}`),
      [
        '286:5 memory_growth > 5%',
        '287:5 error_rate > 1%',
        '288:5 response_time_p95 > 1000ms',
        '392:4 memory_growth > 5%',
        '393:4 error_rate > 1%',
        '394:4 response_time_p95 > 1000ms',
        '395:4 process_restarts > 0',
        '396:4 oom_conditions > 0',
      ],
    );
    assert.equal(runbook.alerts[3]?.rule.window?.seconds, 3600);
  });

  it('marks the output and content blocks as not runnable', () => {
    const roles = [...walk(runbook.children)].filter((n): n is CodeBlockNode => n.kind === 'code').map((c) => `${c.line + 1} ${c.role}`);
    assert.ok(roles.includes('53 output'), 'Expected Output block');
    assert.ok(roles.includes('118 content'), 'CHANGELOG markdown block');
    assert.ok(roles.includes('530 content'), 'Expected Timeline block');
    assert.equal(roles.filter((r) => r.endsWith(' commands')).length, 17, 'the seed has 17 ```bash blocks');
  });

  it('reads the measurable checklist criteria', () => {
    const measurable = [...walk(runbook.children)].filter((n): n is TaskNode => n.kind === 'task' && n.criterion !== undefined);
    assert.deepEqual(
      measurable.map((t) => t.text),
      ['Health check endpoint responding (HTTP 200)', 'Error rate < 0.5%', 'Memory usage stable ±2%', 'No OOM conditions'],
    );
    assert.deepEqual(runbook.timeline?.map((e) => e.label), ['Merge to Master', 'Staging Deployment', 'Production Deploy', 'TOTAL']);
  });

  it('has exactly the top-level sections of the guide, in order, with readable labels', () => {
    assert.deepEqual(
      sections(runbook.children).map((s) => s.label),
      [
        'Quick Start (For Experienced DevOps)',
        'Step-by-Step Detailed Guide',
        'DEPLOYMENT OPTIONS (After Merge)',
        'Post-Deployment Validation',
        'Rollback Procedures (If Needed)',
        'Success Criteria',
        'Support & Escalation',
        'Sign-Off Checklist',
        'Expected Timeline',
      ],
    );
  });

  it('repairs the Mac Roman mojibake and never shows it raw', () => {
    assert.equal(runbook.repairedMojibake, true);
    const quickStart = find(runbook.children, 'Quick Start (For Experienced DevOps)');
    assert.equal(quickStart.heading, '⚡ Quick Start (For Experienced DevOps)');
    assert.equal(find(runbook.children, 'Step-by-Step Detailed Guide').heading, '📋 Step-by-Step Detailed Guide');
    for (const node of walk(runbook.children)) {
      const shown = node.kind === 'section' ? `${node.label} ${node.heading}` : node.kind === 'task' ? node.text : node.firstCommand;
      assert.doesNotMatch(shown, /‚ö|üì|‚úÖ|¬±|‚â•|Ô∏è/, `raw mojibake in "${shown}"`);
    }
    const signOff = tasks(find(runbook.children, 'Sign-Off Checklist'));
    assert.equal(signOff[0]?.text, 'All tests passing (40/40 unit tests ✅)');
    assert.equal(signOff[1]?.text, 'Code coverage ≥85% (85.74% ✅)');
  });

  it('finds STEP 1 to STEP 6 as steps with their planned durations', () => {
    const guide = find(runbook.children, 'Step-by-Step Detailed Guide');
    const steps = sections(guide.children);
    assert.deepEqual(
      steps.map((s) => [s.role, s.label, s.plannedMinutes]),
      [
        ['step', 'STEP 1: Prepare Master Branch', 5],
        ['step', 'STEP 2: Execute Merge (Choose One Option)', undefined],
        ['step', 'STEP 3: Update CHANGELOG', 5],
        ['step', 'STEP 4: Push to Remote', 5],
        ['step', 'STEP 5: Create Release Tag', 5],
        ['step', 'STEP 6: Cleanup Feature Branch', 2],
      ],
    );
    const step1 = find(guide.children, 'STEP 1: Prepare Master Branch');
    assert.equal(step1.line, 34, 'STEP 1 heading is on line 35 (1-based)');
    assert.deepEqual(
      codes(step1).map((c) => [c.lang, c.firstCommand, c.line]),
      [
        ['bash', 'git checkout master', 36],
        ['', 'On branch master', 52],
      ],
    );
  });

  it('finds Option A and Option B inside STEP 2', () => {
    const step2 = find(find(runbook.children, 'Step-by-Step Detailed Guide').children, 'STEP 2: Execute Merge (Choose One Option)');
    const options = sections(step2.children);
    assert.deepEqual(
      options.map((o) => [o.role, o.label]),
      [
        ['option', 'OPTION A: SQUASH MERGE (RECOMMENDED - Cleaner history)'],
        ['option', 'OPTION B: REGULAR MERGE (Keep full history)'],
      ],
    );
    const squash = codes(options[0] as SectionNode)[0];
    assert.equal(squash?.firstCommand, 'git merge --squash feature/resilience-hardening');
    assert.match(squash?.text ?? '', /REFERENCES:\n- COMPREHENSIVE_FORENSIC_SESSION_REPORT_FINAL\.md/);
  });

  it('finds the three deployment options A, B and C', () => {
    const options = sections(find(runbook.children, 'DEPLOYMENT OPTIONS (After Merge)').children);
    assert.deepEqual(
      options.map((o) => [o.role, o.label]),
      [
        ['option', 'OPTION A: Staged Deployment (RECOMMENDED)'],
        ['option', 'OPTION B: Direct Production Deployment'],
        ['option', 'OPTION C: Canary Deployment (Safest)'],
      ],
    );
  });

  it('finds the three post-deployment validation groups', () => {
    const groups = sections(find(runbook.children, 'Post-Deployment Validation').children);
    assert.deepEqual(
      groups.map((g) => [g.label, codes(g).length]),
      [
        ['Immediate Checks (First 5 minutes)', 1],
        ['Comprehensive Checks (First 30 minutes)', 1],
        ['Extended Monitoring (First 24 hours)', 1],
      ],
    );
  });

  it('finds the rollback procedures', () => {
    const rollback = find(runbook.children, 'Rollback Procedures (If Needed)');
    assert.deepEqual(
      sections(rollback.children).map((s) => s.label),
      ['Quick Rollback (< 15 minutes)', 'Investigation & Fix'],
    );
    const quick = codes(find(rollback.children, 'Quick Rollback (< 15 minutes)'))[0];
    assert.equal(quick?.firstCommand, "PREVIOUS_TAG=$(git tag -l 'v*' | sort -V | tail -2 | head -1)");
  });

  it('finds the four success-criteria windows and their task items', () => {
    const windows = sections(find(runbook.children, 'Success Criteria').children);
    assert.deepEqual(
      windows.map((w) => [w.label, tasks(w).length]),
      [
        ['First Hour', 6],
        ['First Day', 5],
        ['First Week', 5],
        ['First Month', 4],
      ],
    );
    const firstHour = tasks(windows[0] as SectionNode);
    assert.deepEqual(
      firstHour.map((t) => t.text),
      [
        'Application started successfully',
        'No deployment errors in logs',
        'Health check endpoint responding (HTTP 200)',
        'Error rate < 0.5%',
        'Response times within normal range',
        'Memory usage stable ±2%',
      ],
    );
    assert.ok(firstHour.every((t) => !t.checked));
    assert.equal(firstHour[0]?.line, 454, 'the first item is on line 455 (1-based)');
  });

  it('finds the sign-off checklist with 10 items and the expected timeline', () => {
    assert.equal(tasks(find(runbook.children, 'Sign-Off Checklist')).length, 10);
    const timeline = codes(find(runbook.children, 'Expected Timeline'));
    assert.equal(timeline.length, 1);
    assert.match(timeline[0]?.displayText ?? '', /├─ Prepare branch:\s+2 min/);
  });

  it('gives every node a unique id that does not depend on line numbers', () => {
    const ids = [...walk(runbook.children)].map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    const moved = parseRunbook(`\n\n<!-- a note added at the top -->\n\n${seedText}`);
    assert.deepEqual([...walk(moved.children)].map((n) => n.id), ids);
  });

  it('locates the innermost node at a line', () => {
    const path = nodePathAtLine(runbook.children, 454).map((n) => (n.kind === 'task' ? n.text : n.kind === 'section' ? n.label : n.kind));
    assert.deepEqual(path, ['Success Criteria', 'First Hour', 'Application started successfully']);
  });
});
