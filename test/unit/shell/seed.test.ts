import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeBlockNode } from '../../../src/core/runbook';
import { parseRunbook, walk } from '../../../src/core/runbook';
import { classifyCommand, findVariables, isShellLanguage, label, lintCommand, looksLikeShell, splitCommands } from '../../../src/core/shell';
import type { ShellCommand } from '../../../src/core/shell';
import { SEED_RUNBOOK } from '../../repoPaths';

const runbook = parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8'));

/** The code blocks directly under the section with this label. */
function blocksIn(sectionLabel: string): CodeBlockNode[] {
  for (const node of walk(runbook.children)) {
    if (node.kind === 'section' && node.label === sectionLabel) return node.children.filter((c): c is CodeBlockNode => c.kind === 'code');
  }
  assert.fail(`no section "${sectionLabel}"`);
}

function commandsIn(sectionLabel: string, index = 0): ShellCommand[] {
  const block = blocksIn(sectionLabel)[index];
  assert.ok(block, `no block ${index} in "${sectionLabel}"`);
  return splitCommands(block.text, block.lang);
}

const labels = (commands: readonly ShellCommand[]): string[] => commands.map((c) => label(c));
const find = (commands: readonly ShellCommand[], text: string): ShellCommand => {
  const hit = commands.find((c) => label(c) === text);
  assert.ok(hit, `no command "${text}" among ${labels(commands).join(' | ')}`);
  return hit;
};

const allBlocks = [...walk(runbook.children)].filter((n): n is CodeBlockNode => n.kind === 'code');
const shellBlocks = allBlocks.filter((b) => isShellLanguage(b.lang));

describe('shell module on the seed runbook', () => {
  it('has 17 shell blocks; the unlabelled output and timeline blocks do not look like shell', () => {
    assert.equal(shellBlocks.length, 17);
    assert.deepEqual(
      allBlocks.filter((b) => b.lang === '').map((b) => [b.line, looksLikeShell(b.text)]),
      [
        [52, false],
        [529, false],
      ],
    );
    // Every bash block with at least one command reads as shell too.
    for (const b of shellBlocks) assert.equal(looksLikeShell(b.text), splitCommands(b.text, b.lang).length > 0, `block at line ${b.line}`);
  });

  it('splits the Quick Start block into its 11 commands, with the numbered comments', () => {
    const commands = commandsIn('Quick Start (For Experienced DevOps)');
    assert.deepEqual(labels(commands), [
      'git checkout master',
      'git pull origin master',
      'git merge --squash feature/resilience-hardening',
      'git commit -m "feat: Memory leak prevention in deposito_client with comprehensive validation"',
      'git tag -a v1.0.0-rc1 -m "Release v1.0.0-rc1: Memory leak fix + critical fixes validation"',
      'git push origin master',
      'git push origin v1.0.0-rc1',
      'git branch -d feature/resilience-hardening',
      'git push origin --delete feature/resilience-hardening',
      'git log --oneline master | head -5',
      'git tag -l | grep v1.0.0',
    ]);
    assert.deepEqual(
      commands.filter((c) => c.comment !== undefined).map((c) => [c.line, c.comment]),
      [
        [1, '1. Merge to master (squash)'],
        [7, '2. Create release tag'],
        [12, '3. Cleanup'],
        [16, '4. Verify'],
      ],
    );
    assert.ok(commands.every((c) => c.endLine === c.line + 1));
  });

  it('keeps the multi-line commit of STEP 2 option A as one command: 3 commands', () => {
    const commands = commandsIn('OPTION A: SQUASH MERGE (RECOMMENDED - Cleaner history)');
    assert.deepEqual(
      commands.map((c) => [label(c), c.line, c.endLine]),
      [
        ['git merge --squash feature/resilience-hardening', 1, 2],
        ['git commit -m "feat: Memory leak prevention in deposito_client with validation', 4, 21],
        ['git log --oneline master | head -1', 23, 24],
      ],
    );
    const commit = commands[1];
    assert.ok(commit);
    assert.ok(commit.text.startsWith('git commit -m "feat: Memory leak prevention'));
    assert.ok(commit.text.endsWith('- PHASE8_DEPLOYMENT_ROADMAP.md"'));
    assert.equal(commit.comment, 'Commit with descriptive message');
    assert.deepEqual(classifyCommand(commit.text), {});
  });

  it('keeps the continued multi-line tag of STEP 5 as one command', () => {
    const commands = commandsIn('STEP 5: Create Release Tag');
    assert.deepEqual(
      commands.map((c) => [label(c), c.line, c.endLine]),
      [
        ['git tag -a v1.0.0-rc1', 1, 25],
        ['git push origin v1.0.0-rc1', 27, 28],
        ['git tag -l | grep v1.0.0', 30, 31],
        ['git show v1.0.0-rc1', 31, 32],
      ],
    );
    assert.ok(commands[0]?.text.startsWith('git tag -a v1.0.0-rc1 \\\n  -m "Release v1.0.0-rc1'));
    assert.deepEqual(classifyCommand(commands[0]?.text ?? ''), {});
  });

  it('flags the remote branch deletion of STEP 6 as destructive, not the local -d', () => {
    const commands = commandsIn('STEP 6: Cleanup Feature Branch');
    assert.deepEqual(classifyCommand(find(commands, 'git push origin --delete feature/resilience-hardening').text), {
      destructive: 'deletes the remote branch or tag feature/resilience-hardening',
    });
    assert.deepEqual(classifyCommand(find(commands, 'git branch -d feature/resilience-hardening').text), {});
  });

  it('flags the editor of STEP 3 as interactive', () => {
    const commands = commandsIn('STEP 3: Update CHANGELOG');
    assert.deepEqual(labels(commands), ['nano CHANGELOG.md']);
    assert.deepEqual(classifyCommand(commands[0]?.text ?? ''), { interactive: 'opens an editor' });
  });

  it('treats the log follow piped into head as bounded, and docker stats as long-running', () => {
    const commands = commandsIn('Immediate Checks (First 5 minutes)');
    assert.deepEqual(classifyCommand(find(commands, 'docker logs -f aidrive-dashboard | head -50').text), {});
    assert.deepEqual(classifyCommand(find(commands, 'docker stats aidrive-dashboard').text), { longRunning: 'streams container stats until interrupted (no --no-stream)' });
    const curl = find(commands, 'curl -s -H "X-API-Key: $API_KEY"');
    assert.equal(curl.endLine - curl.line, 2);
    assert.deepEqual(findVariables(curl.text), [{ name: 'API_KEY', kind: 'env', column: 23 }]);
  });

  it('finds API_KEY and the loop variable in the Comprehensive Checks block', () => {
    const commands = commandsIn('Comprehensive Checks (First 30 minutes)');
    assert.equal(commands.length, 5);
    const loop = find(commands, 'for i in {1..100}; do curl -s -H "X-API-Key: $API_KEY"');
    assert.equal(loop.text, 'for i in {1..100}; do curl -s -H "X-API-Key: $API_KEY" \\\n  http://dashboard/api/summary > /dev/null; done');
    assert.deepEqual(findVariables(loop.text), [
      { name: 'i', kind: 'assignment', column: 4, value: '{1..100}' },
      { name: 'API_KEY', kind: 'env', column: 45 },
    ]);
    assert.deepEqual(
      commands.flatMap((c) => findVariables(c.text)).filter((v) => v.kind === 'env').map((v) => v.name),
      ['API_KEY'],
    );
  });

  it('keeps the ALERT_CONDITIONS array of Extended Monitoring as one command', () => {
    const commands = commandsIn('Extended Monitoring (First 24 hours)');
    assert.equal(commands.length, 1);
    const array = commands[0];
    assert.ok(array);
    assert.deepEqual([array.line, array.endLine, array.comment], [1, 8, 'Set up alerts for:']);
    assert.ok(array.text.startsWith('ALERT_CONDITIONS=(\n') && array.text.endsWith('\n)'));
    assert.deepEqual(findVariables(array.text).map((v) => [v.kind, v.name]), [['assignment', 'ALERT_CONDITIONS']]);
    assert.deepEqual(classifyCommand(array.text), {});
    assert.deepEqual(lintCommand(array.text), []);
  });

  it('reads the Quick Rollback block: PREVIOUS_TAG set then used, the stop destructive, the 300 s wait', () => {
    const commands = commandsIn('Quick Rollback (< 15 minutes)');
    assert.deepEqual(labels(commands), [
      "PREVIOUS_TAG=$(git tag -l 'v*' | sort -V | tail -2 | head -1)",
      'docker-compose -f docker-compose.production.yml down',
      'docker pull aidrive:$PREVIOUS_TAG',
      'docker-compose -f docker-compose.production.yml',
      'curl -s http://dashboard/api/health | jq .',
      'sleep 300 && curl -s http://dashboard/api/health | jq .',
    ]);
    const variables = commands.map((c) => findVariables(c.text).map((v) => `${v.kind}:${v.name}`));
    assert.deepEqual(variables, [['assignment:PREVIOUS_TAG'], [], ['env:PREVIOUS_TAG'], ['env:PREVIOUS_TAG'], [], []]);
    assert.equal(findVariables(commands[0]?.text ?? '')[0]?.value, "$(git tag -l 'v*' | sort -V | tail -2 | head -1)");
    assert.deepEqual(
      commands.map((c) => classifyCommand(c.text)),
      [{}, { destructive: 'stops and removes the containers and networks' }, {}, {}, {}, { longRunning: 'waits 300 s (5 min)', waitSeconds: 300 }],
    );
  });

  it('lints exactly two commands of the whole seed: the -e of Quick Rollback and the image tag given to docker logs', () => {
    const issues = shellBlocks.flatMap((block) =>
      splitCommands(block.text, block.lang).flatMap((c) => lintCommand(c.text).map((issue) => ({ block: block.line + 1 + c.line, text: c.text, issue }))),
    );
    assert.equal(issues.length, 2);
    const [rollback, logs] = issues;
    assert.equal(rollback?.text, 'docker-compose -f docker-compose.production.yml \\\n  -e "DOCKER_TAG=$PREVIOUS_TAG" up -d');
    assert.equal(rollback.block, 422);
    assert.equal(rollback.issue.severity, 'error');
    assert.equal(rollback.text.slice(rollback.issue.column, rollback.issue.column + rollback.issue.length), '-e "DOCKER_TAG=$PREVIOUS_TAG"');
    assert.ok(rollback.issue.message.startsWith('`-e` is not a docker-compose global option nor an option of `up`'));
    assert.ok(rollback.issue.message.endsWith('`DOCKER_TAG=$PREVIOUS_TAG docker-compose -f docker-compose.production.yml up -d`'));
    assert.equal(logs?.text, 'docker logs aidrive-dashboard:v1.0.0-rc1 > /tmp/failed-deployment.log');
    assert.equal(logs.issue.severity, 'error');
  });

  it('classifies every seed command as expected, and nothing else', () => {
    const flagged = shellBlocks.flatMap((block) =>
      splitCommands(block.text, block.lang)
        .map((c) => [label(c), classifyCommand(c.text)] as const)
        .filter(([, cl]) => Object.keys(cl).length > 0)
        .map(([text, cl]) => `${text} => ${JSON.stringify(cl)}`),
    );
    const down = (file: string): string => `docker-compose -f docker-compose.${file}.yml down => {"destructive":"stops and removes the containers and networks"}`;
    assert.deepEqual(flagged, [
      'git push origin --delete feature/resilience-hardening => {"destructive":"deletes the remote branch or tag feature/resilience-hardening"}',
      'nano CHANGELOG.md => {"interactive":"opens an editor"}',
      'git push origin --delete feature/resilience-hardening => {"destructive":"deletes the remote branch or tag feature/resilience-hardening"}',
      down('staging'),
      down('production'),
      down('production'),
      'docker stats aidrive-dashboard => {"longRunning":"streams container stats until interrupted (no --no-stream)"}',
      down('production'),
      'sleep 300 && curl -s http://dashboard/api/health | jq . => {"longRunning":"waits 300 s (5 min)","waitSeconds":300}',
    ]);
  });

  it('finds no commands in the comment-only Canary block', () => {
    assert.deepEqual(commandsIn('OPTION C: Canary Deployment (Safest)'), []);
  });
});
