import * as assert from 'node:assert/strict';
import type { RunRecord } from '../../../src/core/run';
import { reduce } from '../../../src/core/run';
import { alreadyRolledBack } from '../../../src/core/rollback';
import { at, newRecord } from '../run/runTestHelpers';

function rolledBack(): RunRecord {
  let record = newRecord();
  record = reduce(record, { type: 'rollbackStarted', environment: 'staging', from: 'v1.1.0', to: 'v1.0.0', automatic: true }, at(0));
  record = reduce(record, { type: 'commandStarted', commandId: '/rollback/staging#code1:1', stepId: '/rollback/staging', label: 'down', text: 'docker-compose down', awaited: true }, at(1));
  record = reduce(record, { type: 'commandEnded', commandId: '/rollback/staging#code1:1', exitCode: 0 }, at(2));
  record = reduce(record, { type: 'rollbackVerifying', environment: 'staging' }, at(3));
  return reduce(record, { type: 'rollbackEnded', environment: 'staging', outcome: 'healthy', healthyChecks: 3, timeToHealthyMs: 6000 }, at(6));
}

describe('alreadyRolledBack', () => {
  it('says so when every container already runs the target tag', () => {
    const why = alreadyRolledBack({ environment: 'staging', to: 'v1.0.0', containers: [{ name: 'web-1', image: 'app:v1.0.0' }] });
    assert.equal(why, 'staging already runs v1.0.0 (web-1: app:v1.0.0): nothing to roll back.');
  });

  it('does not when one container runs another tag, or none runs', () => {
    assert.equal(alreadyRolledBack({ environment: 'staging', to: 'v1.0.0', containers: [{ name: 'web-1', image: 'app:v1.0.0' }, { name: 'web-2', image: 'app:v1.1.0' }] }), undefined);
    assert.equal(alreadyRolledBack({ environment: 'staging', to: 'v1.0.0', containers: [] }), undefined);
  });

  it('says so after a healthy rollback to the same target with nothing deployed since', () => {
    assert.match(alreadyRolledBack({ environment: 'staging', to: 'v1.0.0', record: rolledBack() }) ?? '', /^staging already runs v1\.0\.0 \(rolled back from v1\.1\.0 at 14:00 UTC, healthy\)/);
  });

  it('does not after a deploy command ran since, for another target or environment, or after an unhealthy rollback', () => {
    const deployed = reduce(rolledBack(), { type: 'commandStarted', commandId: '/step-1#code1:1', stepId: '/step-1', label: 'up', text: 'docker-compose up -d', awaited: true }, at(60));
    assert.equal(alreadyRolledBack({ environment: 'staging', to: 'v1.0.0', record: deployed }), undefined);
    assert.equal(alreadyRolledBack({ environment: 'staging', to: 'v0.9.0', record: rolledBack() }), undefined);
    assert.equal(alreadyRolledBack({ environment: 'production', to: 'v1.0.0', record: rolledBack() }), undefined);
    let unhealthy = reduce(newRecord(), { type: 'rollbackStarted', environment: 'staging', from: 'v1.1.0', to: 'v1.0.0', automatic: false }, at(0));
    unhealthy = reduce(unhealthy, { type: 'rollbackEnded', environment: 'staging', outcome: 'unhealthy', missing: ['0 of 3 healthy probes'] }, at(120));
    assert.equal(alreadyRolledBack({ environment: 'staging', to: 'v1.0.0', record: unhealthy }), undefined);
  });
});
