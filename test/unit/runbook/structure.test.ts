import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeBlockNode, SectionNode } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';
import { parseTimeline } from '../../../src/core/runbook/timeline';
import { headingTraits, successWindowSeconds } from '../../../src/core/runbook/traits';
import { SEED_RUNBOOK } from '../../repoPaths';

const seed = parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8'));
const seedSections = [...walk(seed.children)].filter((n): n is SectionNode => n.kind === 'section');
const byLabel = (label: string): SectionNode => {
  const s = seedSections.find((x) => x.label === label);
  assert.ok(s, label);
  return s;
};

describe('runbook structure', () => {
  it('marks the rollback section and only it (and its parts)', () => {
    assert.deepEqual(
      seedSections.filter((s) => s.traits.rollback).map((s) => s.label),
      ['Rollback Procedures (If Needed)', 'Quick Rollback (< 15 minutes)'],
    );
  });

  it('marks option groups, from the heading or from the options inside', () => {
    assert.deepEqual(
      seedSections.filter((s) => s.traits.optionGroup).map((s) => s.label),
      ['STEP 2: Execute Merge (Choose One Option)', 'DEPLOYMENT OPTIONS (After Merge)'],
    );
  });

  it('gives success-criteria windows and validation groups their durations', () => {
    assert.deepEqual(
      seedSections.filter((s) => s.traits.windowSeconds !== undefined).map((s) => [s.label, s.traits.windowSeconds]),
      [
        ['Immediate Checks (First 5 minutes)', 300],
        ['Comprehensive Checks (First 30 minutes)', 1800],
        ['Extended Monitoring (First 24 hours)', 86400],
        ['First Hour', 3600],
        ['First Day', 86400],
        ['First Week', 604800],
        ['First Month', 2592000],
      ],
    );
  });

  it('marks the sign-off checklist', () => {
    assert.deepEqual(seedSections.filter((s) => s.traits.signOff).map((s) => s.label), ['Sign-Off Checklist']);
    assert.equal(headingTraits('Pre-flight checklist').signOff, true);
  });

  it('captions code blocks with the paragraph before them', () => {
    const step1 = byLabel('STEP 1: Prepare Master Branch');
    const blocks = step1.children.filter((c): c is CodeBlockNode => c.kind === 'code');
    assert.equal(blocks[0]?.caption, undefined);
    assert.equal(blocks[1]?.caption, 'Expected Output:');
    const step3 = byLabel('STEP 3: Update CHANGELOG');
    assert.deepEqual(
      step3.children.map((c) => (c.kind === 'code' ? c.caption ?? null : null)),
      [null, 'Add to CHANGELOG.md (at top):', 'Commit changelog:'],
    );
  });

  it('reads the Expected Timeline block', () => {
    const block = byLabel('Expected Timeline').children[0] as CodeBlockNode;
    const timeline = parseTimeline(block.displayText);
    assert.deepEqual(
      timeline.map((e) => [e.label, e.minutes, e.maxMinutes ?? null, e.children.length]),
      [
        ['Merge to Master', 20, null, 6],
        ['Staging Deployment', 120, null, 3],
        ['Production Deploy', 60, null, 3],
        ['TOTAL', 180, 240, 0],
      ],
    );
    assert.deepEqual(
      timeline[0]?.children.map((e) => [e.label, e.minutes]),
      [
        ['Prepare branch', 2],
        ['Execute merge', 5],
        ['Update CHANGELOG', 5],
        ['Push to remote', 2],
        ['Create tag', 3],
        ['Cleanup', 2],
      ],
    );
  });

  it('turns a numbered list whose items hold code blocks into steps', () => {
    const rb = parseRunbook(
      [
        '# Release',
        '',
        '1. Build the image (2 min):',
        '   ```bash',
        '   docker build -t app .',
        '   ```',
        '2. Start it',
        '   ```bash',
        '   docker-compose up -d',
        '   ```',
        '3. Tell the team.',
        '',
        '- [ ] verified',
      ].join('\n'),
    );
    assert.deepEqual(
      rb.children.map((c) => (c.kind === 'section' ? [c.role, c.label, c.plannedMinutes ?? null, c.line, c.endLine, c.children.length] : c.kind)),
      [['step', '1. Build the image', 2, 2, 6, 1], ['step', '2. Start it', null, 6, 10, 1], 'task'],
    );
    const first = rb.children[0] as SectionNode;
    assert.equal((first.children[0] as CodeBlockNode).text, 'docker build -t app .');
  });

  it('computes window lengths from common phrasings', () => {
    assert.equal(successWindowSeconds('First Hour'), 3600);
    assert.equal(successWindowSeconds('During the first 2 days'), 172800);
    assert.equal(successWindowSeconds('Firstly'), undefined);
  });
});
