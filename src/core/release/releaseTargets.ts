import type { Runbook } from '../runbook';
import { allCommands } from '../runbook';

export interface ReleaseTargets {
  /** The branch the runbook merges (`git merge [--squash] feature/x`). */
  readonly featureBranch?: string;
  /** The tag the runbook creates (`git tag -a v1.0.0-rc1`). */
  readonly tag?: string;
}

const MERGE = /^git\s+merge\s+(?:--squash\s+|--no-ff\s+)*([^\s-][^\s;&|]*)/;
const TAG = /^git\s+tag\s+(?:-a\s+|-s\s+)+([^\s-][^\s;&|]*)/;

/** What the runbook's release steps act on, from its own commands (first mention wins). */
export function releaseTargets(runbook: Runbook): ReleaseTargets {
  let featureBranch: string | undefined;
  let tag: string | undefined;
  for (const command of allCommands(runbook.children)) {
    const text = command.text.trimStart();
    featureBranch ??= MERGE.exec(text)?.[1];
    tag ??= TAG.exec(text)?.[1];
    if (featureBranch && tag) break;
  }
  return { ...(featureBranch && !featureBranch.includes('$') ? { featureBranch } : {}), ...(tag && !tag.includes('$') ? { tag } : {}) };
}
