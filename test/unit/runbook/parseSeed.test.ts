import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeBlockNode, Runbook, RunbookNode, SectionNode, TaskNode } from '../../../src/core/runbook';
import { nodePathAtLine, parseRunbook, walk } from '../../../src/core/runbook';
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

  it('reads the title and the subtitle, and reports no diagnostics', () => {
    assert.equal(runbook.title, 'PHASE 8 EXECUTION: MERGE TO MASTER & DEPLOYMENT');
    assert.equal(runbook.subtitle, 'Step-by-Step Production Deployment Guide - October 20, 2025');
    assert.deepEqual(runbook.diagnostics, []);
    assert.equal(runbook.lineCount, 558);
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
