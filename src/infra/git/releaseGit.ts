/** Git client for releases: read-only queries and preflight checks, all through simple-git (asynchronous child processes). */
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import { GitCommandError, toGitCommandError } from './gitCommandError';
import { LOG_FORMAT, parseLog } from './parseLog';
import { isConflictCode, parsePorcelainZ } from './parseStatus';
import { runPreflight } from './preflight';
import { sortTagsNewestFirst } from './sortTags';
import { lines } from './textLines';
import type { CommitInfo, PreflightCheck, PreflightOptions, ReleaseGitOptions } from './types';

const DEFAULT_TIMEOUT_MS = 30_000;

export class ReleaseGit {
  private readonly timeoutMs: number;
  private client: SimpleGit | undefined;

  constructor(
    readonly cwd: string,
    options: ReleaseGitOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Runs `git <args>` in cwd; resolves with stdout, rejects with a GitCommandError. */
  async run(args: readonly string[]): Promise<string> {
    try {
      return await this.git().raw([...args]);
    } catch (error) {
      throw toGitCommandError(args, error, this.timeoutMs);
    }
  }

  preflight(options: PreflightOptions = {}): Promise<PreflightCheck[]> {
    return runPreflight(this, options);
  }

  /** All tags, newest version first (v1.0.0, v1.0.0-rc1, v0.9.0), non-version tags last. */
  async listTags(): Promise<string[]> {
    const output = await this.run(['tag', '--list']);
    return sortTagsNewestFirst(lines(output));
  }

  /** The URL of a remote, or undefined when there is no such remote. */
  async remoteUrl(name = 'origin'): Promise<string | undefined> {
    const remotes = lines(await this.run(['remote']));
    if (!remotes.includes(name)) return undefined;
    return (await this.run(['remote', 'get-url', name])).trim() || undefined;
  }

  /** Commits reachable from `to` but not from `ref` (all commits up to `to` when ref is undefined), newest first. */
  async commitsSince(ref: string | undefined, to = 'HEAD'): Promise<CommitInfo[]> {
    const range = ref === undefined ? revision(to) : `${revision(ref)}..${revision(to)}`;
    return parseLog(await this.run(['log', `--format=${LOG_FORMAT}`, range, '--']));
  }

  /** The best common ancestor of two commits, or undefined when they share no history. */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return (await this.run(['merge-base', revision(a), revision(b)])).trim() || undefined;
  }

  /** Files with unresolved conflicts (porcelain codes UU, AA, DD, AU, UA, DU, UD). */
  async conflictedFiles(): Promise<string[]> {
    const output = await this.run(['status', '--porcelain=v1', '-z']);
    return parsePorcelainZ(output)
      .filter((entry) => isConflictCode(entry.code))
      .map((entry) => entry.path);
  }

  /** The full hash of HEAD, or undefined before the first commit. */
  async headCommit(): Promise<string | undefined> {
    return (await this.run(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  }

  /** The checked-out branch name, or undefined when HEAD is detached. */
  async currentBranch(): Promise<string | undefined> {
    return (await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim() || undefined;
  }

  /** The message of an annotated tag, undefined for a lightweight tag; rejects when the tag does not exist. */
  async tagMessage(tag: string): Promise<string | undefined> {
    const ref = `refs/tags/${tag}`;
    const type = (await this.run(['cat-file', '-t', ref])).trim();
    if (type !== 'tag') return undefined;
    const message = await this.run(['for-each-ref', '--format=%(contents)', ref]);
    return message.replace(/\s+$/, '');
  }

  private git(): SimpleGit {
    // Created lazily so that a missing folder becomes a rejected promise, not a constructor throw.
    this.client ??= simpleGit({ baseDir: this.cwd, timeout: { block: this.timeoutMs } });
    return this.client;
  }
}

/** Refuses a revision git would read as an option (e.g. `--output=…`). */
function revision(value: string): string {
  if (value.startsWith('-') || value.trim() === '') throw new GitCommandError(`git (revision "${value}")`, 'refused: not a valid revision');
  return value;
}
