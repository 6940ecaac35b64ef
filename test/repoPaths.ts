import * as path from 'node:path';

/** The repository root, from the compiled test files under out/test/<tier>/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function fixturePath(...segments: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...segments);
}

/** The seed runbook ("Phase 8: merge to master & deployment"), byte for byte as given. */
export const SEED_RUNBOOK = fixturePath('runbooks', 'seed-phase8-deployment.md');
