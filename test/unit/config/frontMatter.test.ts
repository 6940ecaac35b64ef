import * as assert from 'node:assert/strict';
import { extractFrontMatter } from '../../../src/core/config';
import { parseFrontMatterOf, tuples } from './configTestHelpers';

describe('extractFrontMatter', () => {
  it('reads YAML between --- fences on the first line', () => {
    assert.deepEqual(extractFrontMatter('---\nversion: 1\ntagPattern: v*\n---\n# Deploy\n'), {
      yaml: 'version: 1\ntagPattern: v*\n',
      startLine: 1,
      endLine: 3,
    });
  });

  it('accepts ... as the closing fence, and trailing blanks on fences', () => {
    assert.deepEqual(extractFrontMatter('--- \nversion: 1\n...\t\nText'), { yaml: 'version: 1\n', startLine: 1, endLine: 2 });
  });

  it('is CRLF-safe: lines counted once, no \\r left in the YAML', () => {
    const text = '---\r\nversion: 1\r\nenvironments:\r\n  staging:\r\n    healthUrl: ftp://127.0.0.1\r\n---\r\n# Deploy\r\n';
    const frontMatter = extractFrontMatter(text);
    assert.deepEqual(frontMatter, {
      yaml: 'version: 1\nenvironments:\n  staging:\n    healthUrl: ftp://127.0.0.1\n',
      startLine: 1,
      endLine: 5,
    });
    assert.deepEqual(tuples(parseFrontMatterOf(text).diagnostics), [
      [4, 15, 4, 30, 'error', 'schema', 'environments.staging.healthUrl: must be an http:// or https:// URL'],
    ]);
  });

  it('skips a byte order mark', () => {
    assert.deepEqual(extractFrontMatter('\uFEFF---\nversion: 1\n---\n'), { yaml: 'version: 1\n', startLine: 1, endLine: 2 });
  });

  it('finds nothing in a runbook without front matter', () => {
    assert.equal(extractFrontMatter('# PHASE 8 EXECUTION\n\n---\n\n## Quick Start\n'), undefined);
    assert.equal(extractFrontMatter(''), undefined);
  });

  it('reads empty front matter as empty YAML', () => {
    const frontMatter = extractFrontMatter('---\n---\n# Deploy\n');
    assert.deepEqual(frontMatter, { yaml: '', startLine: 1, endLine: 1 });
    const { config, diagnostics } = parseFrontMatterOf('---\n---\n# Deploy\n');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.environments, {});
  });

  it('ignores --- blocks below the first line: those are thematic breaks', () => {
    assert.equal(extractFrontMatter('# Deploy\n---\nversion: 1\n---\n'), undefined);
    assert.equal(extractFrontMatter('\n---\nversion: 1\n---\n'), undefined);
  });

  it('ignores an opening fence that is never closed', () => {
    assert.equal(extractFrontMatter('---\n# Deploy\n\nSteps follow.\n'), undefined);
  });
});
