/** Release preflight: is this folder ready to cut a release? Each problem is a failed check with its fix, never a throw. */
import { access } from 'node:fs/promises';
import * as path from 'node:path';
import { parsePorcelainZ } from './parseStatus';
import { lines } from './textLines';
import type { PreflightCheck, PreflightOptions } from './types';

/** What preflight needs from the client: run git in a folder. */
export interface GitRunner {
  readonly cwd: string;
  run(args: readonly string[]): Promise<string>;
}

const REMOTE = 'origin';
const MAX_LISTED_FILES = 10;

export async function runPreflight(git: GitRunner, options: PreflightOptions): Promise<PreflightCheck[]> {
  const repo = await checkRepo(git);
  if (!repo.ok) return [repo]; // nothing else can be checked outside a repository
  const online = options.fetch ?? true;
  const hasOrigin = lines(await git.run(['remote'])).includes(REMOTE);
  const branch = await currentBranch(git);
  const mainBranch = options.mainBranch ?? (await defaultMainBranch(git));

  const checks: PreflightCheck[] = [repo, checkBranch(branch, mainBranch), await checkClean(git)];
  checks.push(await checkUpstream(git, branch, online, hasOrigin, mainBranch));
  if (options.featureBranch !== undefined) checks.push(await checkFeatureBranch(git, options.featureBranch, online, hasOrigin));
  if (options.tag !== undefined) checks.push(await checkTagFree(git, options.tag, online, hasOrigin));
  checks.push(await checkNoMerge(git));
  return checks;
}

async function checkRepo(git: GitRunner): Promise<PreflightCheck> {
  const title = 'Git repository';
  try {
    const inside = (await git.run(['rev-parse', '--is-inside-work-tree'])).trim();
    if (inside === 'true') return { id: 'repo', ok: true, title, detail: `${git.cwd} is a git working tree.` };
    return { id: 'repo', ok: false, title, detail: `${git.cwd} is inside a git directory, not a working tree.`, fix: 'Open the repository working folder.' };
  } catch (error) {
    return { id: 'repo', ok: false, title, detail: `${git.cwd} is not a git repository (${message(error)}).`, fix: 'Open the repository folder, or create one with: git init' };
  }
}

async function currentBranch(git: GitRunner): Promise<string | undefined> {
  return (await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim() || undefined;
}

async function refExists(git: GitRunner, ref: string): Promise<boolean> {
  return (await git.run(['rev-parse', '--verify', '--quiet', ref])).trim() !== '';
}

/** 'master' when it exists (locally or on origin), else 'main' when that exists, else 'master'. */
async function defaultMainBranch(git: GitRunner): Promise<string> {
  for (const name of ['master', 'main']) {
    if ((await refExists(git, `refs/heads/${name}`)) || (await refExists(git, `refs/remotes/${REMOTE}/${name}`))) return name;
  }
  return 'master';
}

function checkBranch(branch: string | undefined, mainBranch: string): PreflightCheck {
  const title = `On ${mainBranch}`;
  const fix = `git switch ${mainBranch}`;
  if (branch === undefined) return { id: 'branch', ok: false, title, detail: `HEAD is detached; releases start from ${mainBranch}.`, fix };
  if (branch !== mainBranch) return { id: 'branch', ok: false, title, detail: `On ${branch}; releases start from ${mainBranch}.`, fix };
  return { id: 'branch', ok: true, title, detail: `On ${mainBranch}.` };
}

async function checkClean(git: GitRunner): Promise<PreflightCheck> {
  const title = 'Working tree clean';
  const entries = parsePorcelainZ(await git.run(['status', '--porcelain=v1', '-z']));
  if (entries.length === 0) return { id: 'clean', ok: true, title, detail: 'No uncommitted changes.' };
  const listed = entries.slice(0, MAX_LISTED_FILES).map((entry) => `${entry.code} ${entry.path}`);
  if (entries.length > MAX_LISTED_FILES) listed.push(`… and ${entries.length - MAX_LISTED_FILES} more`);
  const count = entries.length === 1 ? '1 uncommitted change' : `${entries.length} uncommitted changes`;
  return { id: 'clean', ok: false, title, detail: `${count}:\n${listed.join('\n')}`, fix: 'Commit your changes, or stash them: git stash push --include-untracked' };
}

async function checkUpstream(git: GitRunner, branch: string | undefined, online: boolean, hasOrigin: boolean, mainBranch: string): Promise<PreflightCheck> {
  const title = 'In sync with upstream';
  if (branch === undefined) return { id: 'upstream', ok: false, title, detail: 'HEAD is detached: there is no upstream to compare with.', fix: `git switch ${mainBranch}` };
  const remote = (await git.run(['config', '--get', `branch.${branch}.remote`])).trim() || (hasOrigin ? REMOTE : undefined);
  if (online && remote !== undefined) {
    try {
      await git.run(['fetch', remote]);
    } catch (error) {
      return { id: 'upstream', ok: false, title, detail: `Could not fetch: ${message(error)}`, fix: `Check the remote URL and your network access: git remote -v` };
    }
  }
  let upstream: string;
  try {
    upstream = (await git.run(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])).trim();
  } catch {
    const fix = hasOrigin ? `git push -u ${REMOTE} ${branch}` : 'Add a remote: git remote add origin <url>';
    return { id: 'upstream', ok: false, title, detail: `${branch} has no upstream branch.`, fix };
  }
  const [ahead = 0, behind = 0] = (await git.run(['rev-list', '--left-right', '--count', 'HEAD...@{upstream}'])).trim().split(/\s+/).map(Number);
  const fetched = online ? '' : ' (not fetched: the upstream may be stale)';
  if (ahead === 0 && behind === 0) return { id: 'upstream', ok: true, title, detail: `${branch} is in sync with ${upstream}${fetched}.` };
  if (ahead > 0 && behind > 0) {
    return { id: 'upstream', ok: false, title, detail: `${branch} and ${upstream} have diverged: ${ahead} local and ${behind} remote commits${fetched}.`, fix: 'git pull --rebase' };
  }
  if (behind > 0) return { id: 'upstream', ok: false, title, detail: `${branch} is ${commits(behind)} behind ${upstream}${fetched}.`, fix: 'git pull --ff-only' };
  return { id: 'upstream', ok: false, title, detail: `${branch} is ${commits(ahead)} ahead of ${upstream}: push them before releasing${fetched}.`, fix: 'git push' };
}

/** Whether `ref` exists on origin: ls-remote when online, the remote-tracking refs when offline. */
async function onRemote(git: GitRunner, kind: 'heads' | 'tags', name: string, online: boolean, hasOrigin: boolean): Promise<boolean | 'not checked'> {
  if (!hasOrigin) return false;
  if (!online) return kind === 'heads' ? refExists(git, `refs/remotes/${REMOTE}/${name}`) : 'not checked';
  return (await git.run(['ls-remote', `--${kind}`, REMOTE, `refs/${kind}/${name}`])).trim() !== '';
}

async function checkFeatureBranch(git: GitRunner, name: string, online: boolean, hasOrigin: boolean): Promise<PreflightCheck> {
  const title = `Branch ${name} exists`;
  const local = await refExists(git, `refs/heads/${name}`);
  let remote: boolean | 'not checked';
  try {
    remote = await onRemote(git, 'heads', name, online, hasOrigin);
  } catch (error) {
    if (local) return { id: 'featureBranch', ok: true, title, detail: `${name} exists locally; ${REMOTE} could not be checked: ${message(error)}` };
    return { id: 'featureBranch', ok: false, title, detail: `${name} does not exist locally and ${REMOTE} could not be checked: ${message(error)}`, fix: 'Check the remote URL and your network access: git remote -v' };
  }
  if (local && remote === true) return { id: 'featureBranch', ok: true, title, detail: `${name} exists locally and on ${REMOTE}.` };
  if (local) return { id: 'featureBranch', ok: true, title, detail: `${name} exists locally only (not on ${REMOTE}).` };
  if (remote === true) return { id: 'featureBranch', ok: true, title, detail: `${name} exists on ${REMOTE} only (not locally).` };
  return { id: 'featureBranch', ok: false, title, detail: `${name} exists neither locally nor on ${hasOrigin ? REMOTE : 'any remote'}.`, fix: 'Check the branch name against: git branch --all' };
}

async function checkTagFree(git: GitRunner, tag: string, online: boolean, hasOrigin: boolean): Promise<PreflightCheck> {
  const title = `Tag ${tag} is free`;
  const local = await refExists(git, `refs/tags/${tag}`);
  let remote: boolean | 'not checked';
  try {
    remote = await onRemote(git, 'tags', tag, online, hasOrigin);
  } catch (error) {
    return { id: 'tagFree', ok: false, title, detail: `${tag} is ${local ? 'taken locally' : 'free locally'}; ${REMOTE} could not be checked: ${message(error)}`, fix: 'Check the remote URL and your network access: git remote -v' };
  }
  const bump = `Choose another version: ${tag} is already released`;
  if (local && remote === true) return { id: 'tagFree', ok: false, title, detail: `${tag} already exists locally and on ${REMOTE}.`, fix: bump };
  if (remote === true) return { id: 'tagFree', ok: false, title, detail: `${tag} already exists on ${REMOTE} (not locally).`, fix: `${bump} (git fetch --tags shows it)` };
  if (local) return { id: 'tagFree', ok: false, title, detail: `${tag} already exists locally (not on ${REMOTE}).`, fix: `git tag -d ${tag}` };
  const where = remote === 'not checked' ? `locally (${REMOTE} not checked: fetch disabled)` : hasOrigin ? `locally or on ${REMOTE}` : 'locally (no origin remote)';
  return { id: 'tagFree', ok: true, title, detail: `${tag} does not exist ${where}.` };
}

const IN_PROGRESS: ReadonlyArray<{ file: string; operation: string; fix: string }> = [
  { file: 'MERGE_HEAD', operation: 'A merge', fix: 'Finish it (resolve, then git commit) or abort it: git merge --abort' },
  { file: 'rebase-merge', operation: 'A rebase', fix: 'Finish it (git rebase --continue) or abort it: git rebase --abort' },
  { file: 'rebase-apply', operation: 'A rebase or git am', fix: 'Finish it (git rebase --continue) or abort it: git rebase --abort' },
  { file: 'CHERRY_PICK_HEAD', operation: 'A cherry-pick', fix: 'Finish it (git cherry-pick --continue) or abort it: git cherry-pick --abort' },
  { file: 'REVERT_HEAD', operation: 'A revert', fix: 'Finish it (git revert --continue) or abort it: git revert --abort' },
  { file: 'BISECT_LOG', operation: 'A bisect', fix: 'git bisect reset' },
];

async function checkNoMerge(git: GitRunner): Promise<PreflightCheck> {
  const title = 'No merge, rebase or cherry-pick in progress';
  const paths = lines(await git.run(['rev-parse', ...IN_PROGRESS.flatMap((op) => ['--git-path', op.file])]));
  for (const [index, op] of IN_PROGRESS.entries()) {
    const gitPath = paths[index];
    if (gitPath !== undefined && (await exists(path.resolve(git.cwd, gitPath)))) {
      return { id: 'noMerge', ok: false, title, detail: `${op.operation} is in progress.`, fix: op.fix };
    }
  }
  return { id: 'noMerge', ok: true, title, detail: 'No operation in progress.' };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function commits(count: number): string {
  return count === 1 ? '1 commit' : `${count} commits`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
