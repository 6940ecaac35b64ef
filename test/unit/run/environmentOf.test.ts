import * as assert from 'node:assert/strict';
import { environmentOf } from '../../../src/core/run';

describe('environmentOf: the environment a step is for', () => {
  const envs = ['staging', 'production'];

  it('is the one environment the commands name, in paths, file names and variables', () => {
    assert.equal(environmentOf(['OPTION A', 'echo "DOCKER_TAG=v1" > deploy/production/.env'], envs, 'staging'), 'production');
    assert.equal(environmentOf(['Deploy', 'docker-compose -f docker-compose.staging.yml up -d'], envs, 'local'), 'staging');
    assert.equal(environmentOf(['Smoke test', 'curl -fsS $PRODUCTION_URL/health'], envs, 'staging'), 'production');
  });

  it('counts the step label too', () => {
    assert.equal(environmentOf(['Deploy to Production', 'make deploy'], envs, 'staging'), 'production');
  });

  it('falls back to the default when none or several are named, or a name is only part of a word', () => {
    assert.equal(environmentOf(['git push origin master'], envs, 'staging'), 'staging');
    assert.equal(environmentOf(['docker-compose -f docker-compose.staging.yml up -d', 'docker-compose -f docker-compose.production.yml up -d'], envs, 'staging'), 'staging');
    assert.equal(environmentOf(['./prestaging-check.sh', 'reproduction steps'], envs, 'local'), 'local');
    assert.equal(environmentOf(['anything'], [], 'local'), 'local');
  });

  it('takes names with regex characters literally', () => {
    assert.equal(environmentOf(['deploy eu.west'], ['eu.west', 'euxwest'], 'x'), 'eu.west');
    assert.equal(environmentOf(['deploy euawest'], ['eu.west'], 'x'), 'x');
  });
});
