import type { Invocation } from '../invocations';
import { optionSet, scanOptions } from '../options';
import { own } from '../own';
import { NONE, destructive, interactive, when } from './findings';
import type { Finding } from './findings';

const GLOBAL_VALUED = optionSet('-C -c --git-dir --work-tree --namespace --config-env --exec-path');

export interface GitSubcommand {
  readonly name: string;
  /** Index in `argv` of its first argument. */
  readonly from: number;
}

export function gitSubcommand(argv: readonly string[]): GitSubcommand | undefined {
  const globals = scanOptions(argv, { valued: GLOBAL_VALUED, stopAtPositional: true });
  const name = globals.positionals[0]?.value;
  return name !== undefined ? { name, from: globals.next } : undefined;
}

export const PUSH_VALUED = optionSet('-o --push-option --repo --receive-pack --exec');

function push(argv: readonly string[], from: number): Finding[] {
  const o = scanOptions(argv, { valued: PUSH_VALUED }, from);
  const refs = o.positionals.slice(1).map((p) => p.value);
  const deleted = o.has('-d', '--delete') ? refs : refs.filter((r) => r.startsWith(':') && r.length > 1).map((r) => r.slice(1));
  const deletes = o.has('-d', '--delete') || deleted.length > 0;
  const what = deleted.length > 0 ? ` ${deleted.join(', ')}` : '';
  return when(
    [deletes, destructive(`deletes the remote branch or tag${what}`, 3)],
    [o.has('-f', '--force', '--mirror') || refs.some((r) => r.startsWith('+')), destructive('force-pushes: overwrites the remote history', 3)],
    [o.has('--force-with-lease', '--force-if-includes'), destructive('force-pushes: overwrites the remote history (with lease)')],
    [o.has('--prune'), destructive('deletes remote branches that do not exist locally', 3)],
  );
}

function branch(argv: readonly string[], from: number): Finding[] {
  const o = scanOptions(argv, {}, from);
  // `-d` alone is safe: git refuses to delete a branch that is not merged, so nothing is lost.
  const forceDelete = o.has('-D') || (o.has('-d', '--delete') && o.has('-f', '--force'));
  return when(
    [forceDelete, destructive('deletes a local branch even if it is not merged')],
    [o.has('-M', '-C'), destructive('renames or copies a branch over an existing one')],
  );
}

/**
 * `git checkout -- <paths>`, `git checkout .` and `git checkout -f` discard uncommitted
 * changes, which nothing can bring back; switching branches does not.
 */
function checkout(argv: readonly string[], from: number): Finding[] {
  const o = scanOptions(argv, { valued: optionSet('-b -B --orphan --conflict') }, from);
  const args = argv.slice(from);
  const dashDash = args.indexOf('--');
  const discards = (dashDash >= 0 && dashDash < args.length - 1) || o.positionals.some((p) => p.value === '.') || o.has('-f', '--force');
  return when([discards, destructive('discards uncommitted changes to files', 3)]);
}

function restore(argv: readonly string[], from: number): Finding[] {
  const o = scanOptions(argv, { valued: optionSet('-s --source --conflict') }, from);
  const worktree = !o.has('-S', '--staged') || o.has('-W', '--worktree');
  return when([worktree && o.positionals.length > 0, destructive('discards uncommitted changes to files', 3)]);
}

function tag(argv: readonly string[], from: number): Finding[] {
  const o = scanOptions(argv, { valued: optionSet('-m --message -F --file -u --local-user --cleanup --sort --format --contains --no-contains --points-at --merged --no-merged') }, from);
  const annotated = o.has('-a', '--annotate', '-s', '--sign', '-u', '--local-user');
  return when(
    [o.has('-d', '--delete'), destructive('deletes a tag')],
    [annotated && !o.has('-m', '--message', '-F', '--file'), interactive('opens an editor for the tag message (no -m)')],
  );
}

function commit(argv: readonly string[], from: number): Finding[] {
  const valued = optionSet('-m --message -F --file -C --reuse-message -c --reedit-message --author --date -t --template --fixup --squash --cleanup --trailer');
  const o = scanOptions(argv, { valued }, from);
  const hasMessage = o.has('-m', '--message', '-F', '--file', '-C', '--reuse-message', '--no-edit', '--fixup', '--dry-run');
  return when([!hasMessage, interactive('opens an editor for the commit message (no -m)')]);
}

const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], from: number) => readonly Finding[]>> = {
  push,
  branch,
  checkout,
  restore,
  tag,
  commit,
  reset: (argv, from) => when([argv.slice(from).includes('--hard'), destructive('discards uncommitted changes (reset --hard)', 3)]),
  clean: (argv, from) => {
    const o = scanOptions(argv, { valued: optionSet('-e --exclude') }, from);
    return when([o.has('-f', '--force') && !o.has('-n', '--dry-run'), destructive(o.has('-x', '-X') ? 'deletes untracked and ignored files' : 'deletes untracked files', 3)]);
  },
  stash: (argv, from) => {
    const action = argv[from];
    return when([action === 'drop', destructive('deletes a stash')], [action === 'clear', destructive('deletes every stash', 3)]);
  },
  rebase: (argv, from) => when([scanOptions(argv, {}, from).has('-i', '--interactive'), interactive('opens an editor for the interactive rebase')]),
  add: (argv, from) => when([scanOptions(argv, {}, from).has('-p', '--patch', '-i', '--interactive'), interactive('asks about each change')]),
  mergetool: () => [interactive('opens a merge tool')],
  'filter-branch': () => [destructive('rewrites the repository history', 3)],
  'filter-repo': () => [destructive('rewrites the repository history', 3)],
};

/**
 * git. `git merge` is not flagged as interactive: it opens an editor only when it creates a
 * merge commit, which a runbook cannot know in advance (a fast-forward does not).
 */
export function gitRule(inv: Invocation): readonly Finding[] {
  const sub = gitSubcommand(inv.argv);
  const rule = sub ? own(SUBCOMMANDS, sub.name) : undefined;
  return sub && rule ? rule(inv.argv, sub.from) : NONE;
}
