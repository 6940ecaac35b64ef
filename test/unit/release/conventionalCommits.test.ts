import * as assert from 'node:assert/strict';
import { parseCommitSubject, suggestBump } from '../../../src/core/release';

describe('parseCommitSubject', () => {
  it('parses type, scope and !', () => {
    assert.deepEqual(parseCommitSubject('feat(api)!: drop v1 endpoints'), { type: 'feat', scope: 'api', breaking: true, description: 'drop v1 endpoints' });
    assert.deepEqual(parseCommitSubject('Fix: handle empty input'), { type: 'fix', breaking: false, description: 'handle empty input' });
  });

  it('reads BREAKING CHANGE and BREAKING-CHANGE footers', () => {
    assert.deepEqual(parseCommitSubject('refactor: rename config', 'Body.\n\nBREAKING CHANGE: `port` is now `listenPort`'), {
      type: 'refactor',
      breaking: true,
      description: 'rename config',
      breakingNote: '`port` is now `listenPort`',
    });
    assert.equal(parseCommitSubject('fix: x', 'BREAKING-CHANGE: y').breaking, true);
    assert.equal(parseCommitSubject('fix: x', 'breaking change: y').breaking, false);
    assert.equal(parseCommitSubject('fix: x\n\nBREAKING CHANGE: y').breaking, true);
  });

  it('leaves non-conventional subjects without type', () => {
    assert.deepEqual(parseCommitSubject('Merge branch main'), { breaking: false, description: 'Merge branch main' });
    assert.deepEqual(parseCommitSubject('feat:no space'), { breaking: false, description: 'feat:no space' });
    assert.deepEqual(parseCommitSubject('feat(): empty scope'), { breaking: false, description: 'feat(): empty scope' });
  });
});

describe('suggestBump', () => {
  const c = (subject: string, body?: string) => (body === undefined ? { subject } : { subject, body });
  it('major for breaking changes from 1.x, minor while 0.x', () => {
    assert.equal(suggestBump([c('fix: a'), c('feat!: b')], '1.2.0'), 'major');
    assert.equal(suggestBump([c('chore: a', 'BREAKING CHANGE: b')], 'v2.0.0'), 'major');
    assert.equal(suggestBump([c('feat!: b')], '0.4.1'), 'minor');
    assert.equal(suggestBump([c('feat!: b')]), 'minor');
  });
  it('minor for features, patch otherwise', () => {
    assert.equal(suggestBump([c('fix: a'), c('feat(ui): b')], '1.0.0'), 'minor');
    assert.equal(suggestBump([c('fix: a'), c('Update readme')], '1.0.0'), 'patch');
    assert.equal(suggestBump([], '1.0.0'), 'patch');
  });
});
