import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { releaseTargets } from '../../../src/core/release';
import { parseRunbook } from '../../../src/core/runbook';
import { SEED_RUNBOOK } from '../../repoPaths';

describe('releaseTargets', () => {
  it("finds the seed's feature branch and release tag", () => {
    assert.deepEqual(releaseTargets(parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8'))), {
      featureBranch: 'feature/resilience-hardening',
      tag: 'v1.0.0-rc1',
    });
  });

  it('ignores variables and options, and says nothing when the runbook does not merge or tag', () => {
    assert.deepEqual(releaseTargets(parseRunbook('## Step 1: x\n```bash\ngit merge --squash $BRANCH\ngit tag -a "$TAG" -m x\n```\n')), {});
    assert.deepEqual(releaseTargets(parseRunbook('## Step 1: x\n```bash\ngit merge --no-ff feature/a\ngit tag -s v2.0.0 -m x\n```\n')), {
      featureBranch: 'feature/a',
      tag: 'v2.0.0',
    });
    assert.deepEqual(releaseTargets(parseRunbook('## Step 1: x\n```bash\nmake deploy\n```\n')), {});
  });
});
