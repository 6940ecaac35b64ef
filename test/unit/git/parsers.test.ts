import * as assert from 'node:assert/strict';
import { sortTagsNewestFirst } from '../../../src/infra/git';
import { GitCommandError, firstLines, toGitCommandError } from '../../../src/infra/git/gitCommandError';
import { isConflictCode, parsePorcelainZ } from '../../../src/infra/git/parseStatus';
import { LOG_FORMAT, parseLog } from '../../../src/infra/git/parseLog';

describe('git output parsers', () => {
  it('parses porcelain -z records, skipping rename sources', () => {
    const out = ' M a.ts\0R  new.ts\0old.ts\0?? dir/x y.txt\0UU c.ts\0';
    assert.deepEqual(parsePorcelainZ(out), [
      { code: ' M', path: 'a.ts' },
      { code: 'R ', path: 'new.ts' },
      { code: '??', path: 'dir/x y.txt' },
      { code: 'UU', path: 'c.ts' },
    ]);
    assert.deepEqual(parsePorcelainZ(''), []);
    for (const code of ['UU', 'AA', 'DD', 'AU', 'UA', 'DU', 'UD']) assert.ok(isConflictCode(code), code);
    for (const code of [' M', 'M ', '??', 'A ', 'D ']) assert.ok(!isConflictCode(code), code);
  });

  it('parses the log format with newlines in bodies', () => {
    assert.equal(LOG_FORMAT, '%x1e%H%x1f%s%x1f%b');
    const out = '\x1eabc\x1ffeat: x\x1fline 1\nline 2\n\n\x1edef\x1fplain subject\x1f\n';
    assert.deepEqual(parseLog(out), [
      { hash: 'abc', subject: 'feat: x', body: 'line 1\nline 2' },
      { hash: 'def', subject: 'plain subject', body: '' },
    ]);
    assert.deepEqual(parseLog(''), []);
  });

  it('sorts tags by version, releases before pre-releases, other tags last', () => {
    assert.deepEqual(sortTagsNewestFirst(['v0.9.0', 'v1.0.0-rc1', 'v1.0.0', 'v1.0.0-rc10', 'v1.0.0-rc2', 'latest', 'v0.10.0', '2.0']), [
      '2.0',
      'v1.0.0',
      'v1.0.0-rc10',
      'v1.0.0-rc2',
      'v1.0.0-rc1',
      'v0.10.0',
      'v0.9.0',
      'latest',
    ]);
  });

  it('keeps the first stderr lines and names timeouts', () => {
    assert.equal(firstLines('a\n\nb\nc\nd\n'), 'a\nb\nc\n…');
    const error = toGitCommandError(['fetch', 'origin'], new Error('fatal: x\n'), 500);
    assert.ok(error instanceof GitCommandError);
    assert.equal(error.message, 'git fetch origin failed: fatal: x');
    assert.equal(toGitCommandError(['fetch'], new Error('block timeout reached'), 500).message, 'git fetch failed: timed out (no output for 500 ms)');
  });
});
