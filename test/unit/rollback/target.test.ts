import * as assert from 'node:assert/strict';
import { chooseTarget, deployHistory, rollbackTarget, runningRelease } from '../../../src/core/rollback';
import { record } from './helpers';

describe('rollbackTarget', () => {
  it('takes the release before the current one in semver order, not sort -V order', () => {
    const result = rollbackTarget({ tags: ['v1.0.0', 'v1.0.0-rc2', 'v1.0.0-rc1', 'other'] });
    assert.deepEqual(result, {
      ok: true,
      from: 'v1.0.0',
      to: 'v1.0.0-rc2',
      source: 'tags',
      candidates: [
        { tag: 'v1.0.0-rc2', source: 'tags' },
        { tag: 'v1.0.0-rc1', source: 'tags' },
      ],
    });
  });

  it('uses the version deployed per the run records as `from`, even when newer tags exist', () => {
    const records = [record('2026-01-01T10:00:00Z', ['DOCKER_TAG=v1.1.0 docker-compose up -d']), record('2026-01-02T10:00:00Z', ['DOCKER_TAG=v2.0.0 docker-compose up -d'])];
    const result = rollbackTarget({ tags: ['v1.0.0', 'v1.1.0', 'v2.0.0', 'v3.0.0'], runRecords: records });
    assert.equal(result.ok && result.from, 'v2.0.0');
    assert.equal(result.ok && result.to, 'v1.1.0');
  });

  it('falls back to the previous image tag of the run records, most recent first', () => {
    const records = [
      record('2026-01-01T10:00:00Z', ['docker run -d app:v1']),
      record('2026-01-03T10:00:00Z', ['DOCKER_TAG=v3 docker-compose up -d', ['DOCKER_TAG=v9 docker-compose up -d', 'failed']]),
      record('2026-01-02T10:00:00Z', ['docker run -d app:v2']),
      record('2026-01-04T10:00:00Z', ['docker run -d app:v8'], { dryRun: true }),
    ];
    assert.deepEqual(deployHistory(records), ['v3', 'v2', 'v1']);
    const result = rollbackTarget({ runRecords: records });
    assert.ok(result.ok);
    assert.equal(result.from, 'v3');
    assert.equal(result.to, 'v2');
    assert.equal(result.source, 'runRecords');
    assert.deepEqual(result.candidates.map((c) => c.tag), ['v2', 'v1']);
  });

  it('never picks a newer version from the run records (after a rollback from v2 to v1)', () => {
    const records = [
      record('2026-01-01T10:00:00Z', ['DOCKER_TAG=v0.9.0 docker-compose up -d']),
      record('2026-01-02T10:00:00Z', ['DOCKER_TAG=v1.0.0 docker-compose up -d']),
      record('2026-01-03T10:00:00Z', ['DOCKER_TAG=v2.0.0 docker-compose up -d']),
      record('2026-01-04T10:00:00Z', ['DOCKER_TAG=v1.0.0 docker-compose up -d']),
    ];
    const result = rollbackTarget({ runRecords: records });
    assert.ok(result.ok);
    assert.equal(result.from, 'v1.0.0');
    assert.equal(result.to, 'v0.9.0');
  });

  it('leaves out run records of other environments', () => {
    const records = [record('2026-01-01T10:00:00Z', ['DOCKER_TAG=v1 x'], { environment: 'production' }), record('2026-01-02T10:00:00Z', ['DOCKER_TAG=v2 x'], { environment: 'staging' })];
    assert.deepEqual(deployHistory(records, 'staging'), ['v2']);
  });

  it('uses older local image tags last', () => {
    const result = rollbackTarget({ current: 'v2.0.0', localImages: ['app:v3.0.0', 'app:v1.0.0', 'app:v1.5.0', 'app:v2.0.0'] });
    assert.ok(result.ok);
    assert.equal(result.to, 'v1.5.0');
    assert.equal(result.source, 'localImages');
    assert.deepEqual(result.candidates.map((c) => c.tag), ['v1.5.0', 'v1.0.0']);
  });

  it('says what was searched when there is no previous release', () => {
    const records = [1, 2, 3].map((d) => record(`2026-01-0${d}T10:00:00Z`, ['DOCKER_TAG=v1.0.0 docker-compose up -d']));
    assert.deepEqual(rollbackTarget({ tags: ['v1.0.0'], runRecords: records }), {
      ok: false,
      error: 'No previous release before v1.0.0: searched tags matching v* (found only v1.0.0) and 3 run records (deployed only v1.0.0); no local images given',
    });
  });

  it('says when the running version is unknown', () => {
    const result = rollbackTarget({ tags: ['release-1'], tagPattern: 'v*' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, /^No previous release: the version running now is unknown; searched tags matching v\* \(found none\) and no run records/);
  });
});

describe('runningRelease: the release the containers run', () => {
  it('is the one release tag all containers run', () => {
    assert.equal(runningRelease(['app:v1.0.0']), 'v1.0.0');
    assert.equal(runningRelease(['registry.local:5000/app:v1.2.3', 'registry.local:5000/worker:v1.2.3']), 'v1.2.3');
  });

  it('is undefined for no container, a mix of tags, a digest or a tag that is no release', () => {
    assert.equal(runningRelease([]), undefined);
    assert.equal(runningRelease(['app:v1.0.0', 'app:v0.9.0']), undefined);
    assert.equal(runningRelease(['app@sha256:' + 'a'.repeat(64)]), undefined);
    assert.equal(runningRelease(['app:latest']), undefined);
    assert.equal(runningRelease(['app']), undefined);
  });

  it('as the current version, makes the previous release the newest tag older than what runs', () => {
    // v1.0.0 was built and deployed before it was tagged: the newest tag is the previous release.
    const ahead = rollbackTarget({ tags: ['v0.8.0', 'v0.9.0'], current: runningRelease(['app:v1.0.0']) });
    assert.ok(ahead.ok);
    assert.deepEqual([ahead.from, ahead.to], ['v1.0.0', 'v0.9.0']);
    // v1.0.0 is tagged but production still runs v0.9.0: the previous release is v0.8.0, not v0.9.0.
    const behind = rollbackTarget({ tags: ['v0.8.0', 'v0.9.0', 'v1.0.0'], current: runningRelease(['app:v0.9.0']) });
    assert.ok(behind.ok);
    assert.deepEqual([behind.from, behind.to], ['v0.9.0', 'v0.8.0']);
  });
});

describe('chooseTarget: the operator picks another version', () => {
  it('rolls back to the picked candidate, with its source', () => {
    const target = rollbackTarget({ tags: ['v0.8.0', 'v0.9.0', 'v1.0.0'] });
    assert.ok(target.ok);
    assert.deepEqual(target.candidates.map((c) => c.tag), ['v0.9.0', 'v0.8.0']);
    const picked = chooseTarget(target, 'v0.8.0');
    assert.ok(picked.ok);
    assert.deepEqual([picked.from, picked.to, picked.source], ['v1.0.0', 'v0.8.0', 'tags']);
  });

  it('keeps the target for a version that is no candidate, and a failed target as it is', () => {
    const target = rollbackTarget({ tags: ['v0.9.0', 'v1.0.0'] });
    assert.deepEqual(chooseTarget(target, 'v2.0.0'), target);
    const none = rollbackTarget({ tags: [] });
    assert.deepEqual(chooseTarget(none, 'v1.0.0'), none);
  });
});
