import * as assert from 'node:assert/strict';
import { normalizeConfig } from '../../../src/core/config';
import type { EnvironmentConfig } from '../../../src/core/config';
import { rollbackPlan, rollbackSections } from '../../../src/core/rollback';
import type { RollbackTarget } from '../../../src/core/rollback';
import { readFileSync } from 'node:fs';
import { parseRunbook } from '../../../src/core/runbook';
import { SEED_RUNBOOK } from '../../repoPaths';

const TARGET: RollbackTarget = { ok: true, from: 'v2.0.0', to: 'v1.0.0', source: 'tags', candidates: [{ tag: 'v1.0.0', source: 'tags' }] };

function env(input: Record<string, unknown>): EnvironmentConfig {
  const config = normalizeConfig({ environments: { staging: input } });
  const staging = config.environments['staging'];
  assert.ok(staging);
  return staging;
}

const WITH_ROLLBACK = [
  '# Deploy',
  '## Deploy',
  '```bash',
  'DOCKER_TAG=v2.0.0 docker-compose -f deploy/compose.yml up -d',
  '```',
  '## Rollback Procedures',
  '### Quick Rollback',
  '```bash',
  "PREVIOUS_TAG=$(git tag -l 'v*' | sort -V | tail -2 | head -1)",
  'docker-compose -f deploy/compose.yml down',
  'docker pull app:$PREVIOUS_TAG',
  'DOCKER_TAG=$PREVIOUS_TAG docker-compose -f deploy/compose.yml up -d',
  '```',
  '### Investigation & Fix',
  '```bash',
  'docker logs web > /tmp/failed.log',
  '```',
  '',
].join('\n');

const WITHOUT_ROLLBACK = ['# Deploy', '## Deploy', '```bash', 'docker-compose up -d', '```', ''].join('\n');

describe('rollbackPlan', () => {
  it('takes only the innermost rollback sections (the seed: Quick Rollback, not Investigation & Fix)', () => {
    assert.deepEqual(rollbackSections(parseRunbook(WITH_ROLLBACK).children).map((s) => s.label), ['Quick Rollback']);
  });

  it('binds PREVIOUS_TAG and DOCKER_TAG to the target and skips the command that computes PREVIOUS_TAG itself', () => {
    const plan = rollbackPlan(parseRunbook(WITH_ROLLBACK), env({ composeFile: 'deploy/compose.yml' }), TARGET);
    assert.ok(plan.ok);
    assert.equal(plan.default, false);
    assert.deepEqual(
      plan.commands.map((c) => [c.text, c.bound, c.destructive]),
      [
        ['docker-compose -f deploy/compose.yml down', {}, true],
        ['docker pull app:$PREVIOUS_TAG', { PREVIOUS_TAG: 'v1.0.0' }, false],
        ['DOCKER_TAG=$PREVIOUS_TAG docker-compose -f deploy/compose.yml up -d', { PREVIOUS_TAG: 'v1.0.0' }, false],
      ],
    );
    assert.match(plan.notes[0] ?? '', /^Skipped `PREVIOUS_TAG=\$\(git tag .*it sets PREVIOUS_TAG itself; the chosen target v1\.0\.0 stays bound\.$/);
    assert.deepEqual(plan.reset, [{ file: 'deploy/.env', key: 'DOCKER_TAG', value: 'v1.0.0' }]);
  });

  it('offers the compose default plan when the runbook has no rollback section', () => {
    const plan = rollbackPlan(parseRunbook(WITHOUT_ROLLBACK), env({ composeFile: ['compose.yml', 'compose.prod.yml'], composeProject: 'shop' }), TARGET);
    assert.ok(plan.ok);
    assert.equal(plan.default, true);
    assert.deepEqual(plan.commands, [
      { text: 'docker-compose -f compose.yml -f compose.prod.yml -p shop down', bound: {}, destructive: true },
      { text: 'DOCKER_TAG=v1.0.0 docker-compose -f compose.yml -f compose.prod.yml -p shop up -d', bound: { DOCKER_TAG: 'v1.0.0' }, destructive: false },
    ]);
    assert.deepEqual(plan.reset, [{ file: '.env', key: 'DOCKER_TAG', value: 'v1.0.0' }]);
  });

  it('quotes compose file names that need it', () => {
    const plan = rollbackPlan(parseRunbook(WITHOUT_ROLLBACK), env({ composeFile: 'my app/compose.yml' }), TARGET);
    assert.equal(plan.ok && plan.commands[0]?.text, "docker-compose -f 'my app/compose.yml' down");
  });

  it('notes that the desired version is not reset when nothing says where the tag lives', () => {
    const plan = rollbackPlan(parseRunbook(WITH_ROLLBACK), env({}), TARGET);
    assert.ok(plan.ok);
    assert.deepEqual(plan.reset, []);
    assert.match(plan.notes.at(-1) ?? '', /not reset.*roll forward to v2\.0\.0/);
  });

  it('errors clearly without a target or without any plan', () => {
    assert.deepEqual(rollbackPlan(parseRunbook(WITH_ROLLBACK), env({}), undefined), { ok: false, error: 'No rollback target for staging.' });
    assert.deepEqual(rollbackPlan(parseRunbook(WITH_ROLLBACK), env({}), { ok: false, error: 'No previous release: x' }), { ok: false, error: 'No previous release: x' });
    const none = rollbackPlan(parseRunbook(WITHOUT_ROLLBACK), env({}), TARGET);
    assert.equal(none.ok, false);
    assert.match(none.ok ? '' : none.error, /no rollback section with commands.*no compose file/);
  });

  it('on the seed runbook: Quick Rollback with PREVIOUS_TAG bound, its `-e` compose problem noted', () => {
    const plan = rollbackPlan(parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8')), env({ composeFile: 'docker-compose.production.yml' }), TARGET);
    assert.ok(plan.ok);
    assert.equal(plan.commands[0]?.text, 'docker-compose -f docker-compose.production.yml down');
    assert.deepEqual(plan.commands[1]?.bound, { PREVIOUS_TAG: 'v1.0.0' });
    assert.ok(plan.commands.every((c) => !c.text.startsWith('PREVIOUS_TAG=')));
    assert.ok(plan.notes.length >= 2, plan.notes.join('\n'));
    assert.deepEqual(plan.reset, [{ file: '.env', key: 'DOCKER_TAG', value: 'v1.0.0' }]);
  });

  it('skips a literal DOCKER_TAG that would deploy another version', () => {
    const text = ['# D', '## Rollback', '```bash', 'DOCKER_TAG=v2.0.0 docker-compose up -d', 'docker ps', '```', ''].join('\n');
    const plan = rollbackPlan(parseRunbook(text), env({}), TARGET);
    assert.deepEqual(plan.ok && plan.commands.map((c) => c.text), ['docker ps']);
  });
});
