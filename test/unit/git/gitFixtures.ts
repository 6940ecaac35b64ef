/** Real git repositories in temp folders for the git client tests. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Isolated from the developer's global and system git config (signing, hooks, default branch…). */
const GIT_ENV: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: GIT_ENV });
  return stdout;
}

/** Runs git and returns its exit code instead of throwing (e.g. a merge that conflicts). */
export async function gitStatus(cwd: string, ...args: string[]): Promise<number> {
  try {
    await git(cwd, ...args);
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'number' ? code : -1;
  }
}

export async function commitFile(cwd: string, file: string, content: string, message: string): Promise<string> {
  await writeFile(path.join(cwd, file), content);
  await git(cwd, 'add', '--', file);
  await git(cwd, 'commit', '--quiet', '-m', message);
  return (await git(cwd, 'rev-parse', 'HEAD')).trim();
}

async function configureUser(cwd: string): Promise<void> {
  await git(cwd, 'config', 'user.email', 'dev@example.com');
  await git(cwd, 'config', 'user.name', 'Deploy Pilot Test');
  await git(cwd, 'config', 'commit.gpgsign', 'false');
  await git(cwd, 'config', 'tag.gpgsign', 'false');
}

export interface Fixture {
  root: string;
  /** Bare repository the clones push to. */
  origin: string;
  /** Clone on `master`, tracking origin/master, with one pushed commit. */
  work: string;
  /** A second clone of origin (for pushes the work clone has not seen). */
  cloneAnother(): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeFixture(branch = 'master'): Promise<Fixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'deploy-pilot-git-'));
  const origin = path.join(root, 'origin.git');
  const work = path.join(root, 'work');
  await git(root, 'init', '--quiet', '--bare', '-b', branch, origin);
  await git(root, 'init', '--quiet', '-b', branch, work);
  await configureUser(work);
  await git(work, 'remote', 'add', 'origin', origin);
  await commitFile(work, 'README.md', '# Demo\n', 'chore: initial commit');
  await git(work, 'push', '--quiet', '-u', 'origin', branch);
  let clones = 0;
  return {
    root,
    origin,
    work,
    async cloneAnother() {
      const dir = path.join(root, `clone${++clones}`);
      await git(root, 'clone', '--quiet', origin, dir);
      await configureUser(dir);
      return dir;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
