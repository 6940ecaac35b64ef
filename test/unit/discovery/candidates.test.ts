import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentEvidence, looksLikeRunbook, nameScore, rankCandidates } from '../../../src/core/discovery/candidates';
import { parseRunbook } from '../../../src/core/runbook';
import { SEED_RUNBOOK } from '../../repoPaths';

describe('runbook discovery heuristics', () => {
  it('scores names that say "runbook" or "deploy"', () => {
    assert.equal(nameScore('RUNBOOK.md'), 3);
    assert.equal(nameScore('ops/release.runbook.md'), 3);
    assert.equal(nameScore('docs/runbooks/db/failover.md'), 3);
    assert.equal(nameScore('DEPLOY_NOTES.md'), 2);
    assert.equal(nameScore('PHASE8_DEPLOYMENT_GUIDE.md'), 2);
    assert.equal(nameScore('docs\\RELEASE.md'), 1);
    assert.equal(nameScore('README.md'), 0);
    assert.equal(nameScore('RUNBOOK.txt'), 0);
  });

  it('recognises the seed by content and rejects prose or code-only notes', () => {
    assert.equal(looksLikeRunbook(contentEvidence(parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8')))), true);
    assert.equal(looksLikeRunbook(contentEvidence(parseRunbook('# Notes\n\nSome prose.\n'))), false);
    assert.equal(looksLikeRunbook(contentEvidence(parseRunbook('# Lib\n\n```ts\nconst x = 1;\n```\n'))), false);
    assert.equal(looksLikeRunbook(contentEvidence(parseRunbook('# Ops\n## Step 1: build\n```bash\nmake\n```\n'))), true);
    assert.equal(looksLikeRunbook(contentEvidence(parseRunbook('# Ops\n```sh\nmake\n```\n- [ ] verified\n'))), true);
  });

  it('ranks by score, then depth, then name', () => {
    const ranked = rankCandidates([
      { relativePath: 'a/b/DEPLOY.md', score: 2, reason: 'name' },
      { relativePath: 'RUNBOOK.md', score: 3, reason: 'name' },
      { relativePath: 'DEPLOY.md', score: 2, reason: 'name' },
    ]);
    assert.deepEqual(
      ranked.map((c) => c.relativePath),
      ['RUNBOOK.md', 'DEPLOY.md', 'a/b/DEPLOY.md'],
    );
  });
});
