import * as assert from 'node:assert/strict';
import { formatDryRun, planStep, renderCommand } from '../../../src/core/run';
import { parseRunbook } from '../../../src/core/runbook';
import { section, seedRunbook } from './runTestHelpers';

describe('formatDryRun', () => {
  it('prints each command as it would be sent, how it would run, and the environment it needs', () => {
    const runbook = parseRunbook(['## Release', '```bash', 'git tag -a <tag> -m "Release <tag>"', 'docker stats app', 'curl -H "X-Token: $DEPLOY_TOKEN" $URL', '```'].join('\n'));
    const plan = planStep(section(runbook, 'Release'));
    const values = new Map([['tag', 'v1.2.3'], ['DEPLOY_TOKEN', 'tok-secret-1'], ['URL', 'https://x']]);
    const secrets = new Set(['DEPLOY_TOKEN']);
    const rendered = new Map(plan.commands.map((c) => [c.command.id, renderCommand(c.command.text, values, secrets)]));
    assert.equal(
      formatDryRun(plan, rendered, secrets),
      [
        '# Dry run: Release (3 commands, nothing is run)',
        '',
        '# 1/3: run, await its exit code',
        'git tag -a v1.2.3 -m "Release v1.2.3"',
        '',
        '# 2/3: start, do not await (long-running)',
        'docker stats app',
        '',
        '# 3/3: run, await its exit code',
        '# env DEPLOY_TOKEN (value hidden)',
        '# env URL="https://x"',
        'curl -H "X-Token: $DEPLOY_TOKEN" $URL',
        '',
      ].join('\n'),
    );
  });

  it('shows unrendered commands as written, and what keeps a command from running', () => {
    const plan = planStep(section(seedRunbook(), 'STEP 3: Update CHANGELOG'));
    const first = plan.commands[0];
    assert.ok(first);
    const out = formatDryRun(plan, new Map([[first.command.id, renderCommand('nano <file>', new Map(), new Set())]]));
    assert.ok(out.includes('# 1/3: start, do not await (interactive)\n# cannot run: <file> has no value\nnano <file>\n'), out);
    assert.ok(out.includes('git add CHANGELOG.md'), out);
  });
});
