// The demo workspace: a real repository to release, a real service to deploy, real health and
// metrics, a real rollback. Idempotent: a second run reuses what is there (and brings the
// deployment back up when it is down); `--force` starts over.
//
//   node scripts/demo/prepare.mjs [--dir .demo/workspace] [--mode docker|process] [--force]
//   node scripts/demo/prepare.mjs --down      stop the demo's services (containers or processes)
//
// Layout (all git-ignored under .demo/):
//   .demo/origin.git      the bare `origin`
//   .demo/workspace       the clone VS Code opens: master, feature/resilience-hardening, tags
//                         v0.8.0 and v0.9.0, CHANGELOG.md, Dockerfile, deploy/<env>/compose files,
//                         DEPLOYMENT_GUIDE.md (the runbook), service/server.js
//   .demo/demo.json       what was prepared (mode, ports, image, project)
// v0.9.0 runs on staging and production: docker-compose with host networking on 127.0.0.1, or,
// without a Docker engine, plain node processes (deploy/serve.sh).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  DEPLOYED_TAG,
  DOCKERFILE,
  ENVIRONMENTS,
  FEATURE_BRANCH,
  FEATURE_COMMITS,
  OLD_TAGS,
  changelogText,
  composeFileOf,
  composeText,
  gitignoreText,
  projectOf,
  readmeText,
  runbookText,
  serveScript,
  vscodeSettingsText,
} from './templates.mjs';

const run = promisify(execFile);
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_PORTS = { staging: 18081, production: 18082 };
const MARKER = 'demo.json';
const MARKER_VERSION = 1;

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Demo Developer',
  GIT_AUTHOR_EMAIL: 'dev@demo.invalid',
  GIT_COMMITTER_NAME: 'Demo Developer',
  GIT_COMMITTER_EMAIL: 'dev@demo.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Runs a program; rejects with its stderr in the message. */
export async function sh(cmd, args, options = {}) {
  try {
    const { stdout } = await run(cmd, args, { maxBuffer: 32 * 1024 * 1024, ...options, env: { ...process.env, ...(options.env ?? {}) } });
    return stdout.trim();
  } catch (error) {
    const stderr = (error.stderr ?? '').toString().trim();
    throw new Error(`${cmd} ${args.join(' ')} failed: ${stderr || error.message}`);
  }
}

const git = (cwd, ...args) => sh('git', args, { cwd, env: GIT_ENV });

/** A history that reads like one: each commit a day after the previous, ending yesterday. */
let commitDay = 0;
const COMMIT_DAYS = 9;
function commitDate() {
  const day = new Date(Date.now() - (COMMIT_DAYS - commitDay++) * 86_400_000);
  return day.toISOString();
}
async function commit(cwd, message) {
  const date = commitDate();
  await sh('git', ['commit', '-q', '-m', message], { cwd, env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}
async function tag(cwd, name) {
  await sh('git', ['tag', '-a', name, '-m', `Release ${name}`], { cwd, env: { ...GIT_ENV, GIT_COMMITTER_DATE: new Date(Date.now() - (COMMIT_DAYS - commitDay + 1) * 86_400_000).toISOString() } });
}

/** Whether a Docker engine answers (and docker-compose is there to deploy with). */
export async function dockerProblem() {
  try {
    await sh('docker', ['version', '--format', '{{.Server.Version}}'], { timeout: 10_000 });
  } catch (error) {
    return `no Docker engine answers (${error.message.split('\n').pop()})`;
  }
  try {
    await sh('docker-compose', ['version', '--short'], { timeout: 10_000 });
  } catch {
    return 'docker-compose is not installed';
  }
  return undefined;
}

function portFree(port) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

/** The service as one file: the test service (test/support/testService) bundled with esbuild. */
export async function bundleService(outFile) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(repoRoot, 'test/support/testService/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile: outFile,
    logLevel: 'silent',
    banner: { js: '#!/usr/bin/env node\n// resilience-demo service: GET /health, /metrics, /api/work; POST /__fault to break it on purpose.' },
  });
}

function write(dir, file, text, mode) {
  const full = join(dir, file);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  if (mode) chmodSync(full, mode);
}

/** The repository: origin, master with releases v0.8.0 and v0.9.0, the runbook, a feature branch. */
async function createRepository(settings, workspace, origin, log) {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(origin, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  await git(dirname(origin), 'init', '-q', '--bare', '-b', 'master', origin);
  await git(workspace, 'init', '-q', '-b', 'master');
  await git(workspace, 'config', 'user.name', 'Demo Developer');
  await git(workspace, 'config', 'user.email', 'dev@demo.invalid');
  await git(workspace, 'config', 'commit.gpgsign', 'false');
  await git(workspace, 'config', 'tag.gpgsign', 'false');
  await git(workspace, 'remote', 'add', 'origin', origin);
  commitDay = 0;

  // v0.8.0: the service, health and metrics.
  await bundleService(join(workspace, 'service/server.js'));
  write(workspace, '.gitignore', gitignoreText());
  write(workspace, 'README.md', readmeText(settings));
  write(workspace, 'CHANGELOG.md', changelogText('v0.8.0'));
  await git(workspace, 'add', '-A');
  await commit(workspace, 'feat: health and metrics endpoints');
  await tag(workspace, 'v0.8.0');

  // v0.9.0: packaging and deployment files.
  write(workspace, 'Dockerfile', DOCKERFILE);
  for (const env of ENVIRONMENTS) {
    write(workspace, composeFileOf(env), composeText(settings, env));
    write(workspace, `deploy/${env}/port`, `${settings.ports[env]}\n`);
  }
  write(workspace, 'deploy/serve.sh', serveScript(), 0o755);
  write(workspace, 'CHANGELOG.md', changelogText('v0.9.0'));
  await git(workspace, 'add', '-A');
  await commit(workspace, 'build: Docker image and compose files for staging and production');
  await tag(workspace, 'v0.9.0');

  // The runbook and workspace settings, after the release.
  write(workspace, 'DEPLOYMENT_GUIDE.md', runbookText(settings));
  write(workspace, '.vscode/settings.json', vscodeSettingsText());
  await git(workspace, 'add', '-A');
  await commit(workspace, 'docs: Phase 8 deployment guide');
  await git(workspace, 'push', '-q', '-u', 'origin', 'master', '--follow-tags');

  await git(workspace, 'checkout', '-q', '-b', FEATURE_BRANCH);
  for (const [message, file, content] of FEATURE_COMMITS) {
    write(workspace, file, content);
    await git(workspace, 'add', file);
    await commit(workspace, message);
  }
  await git(workspace, 'push', '-q', '-u', 'origin', FEATURE_BRANCH);
  await git(workspace, 'checkout', '-q', 'master');
  log(`created the repository ${workspace} (origin ${origin}): master, ${FEATURE_BRANCH} (${FEATURE_COMMITS.length} commits), tags ${OLD_TAGS.join(', ')}`);
}

/** Builds IMAGE:TAG for each old release from the tag's files, when missing. */
async function buildImages(settings, workspace, log) {
  const base = spawnSync('bash', [join(repoRoot, 'scripts/docker-base-image.sh')], { encoding: 'utf8' });
  if (base.status !== 0) throw new Error(`the local base image could not be made: ${base.stderr || base.stdout}`);
  for (const tag of OLD_TAGS) {
    const image = `${settings.image}:${tag}`;
    const exists = await sh('docker', ['image', 'inspect', '--format', '{{.Id}}', image]).then(() => true, () => false);
    if (exists) continue;
    const context = join(dirname(workspace), `.build-${tag}`);
    rmSync(context, { recursive: true, force: true });
    mkdirSync(context, { recursive: true });
    await sh('bash', ['-c', `git archive ${tag} | tar -x -C "${context}"`], { cwd: workspace });
    if (!existsSync(join(context, 'Dockerfile'))) writeFileSync(join(context, 'Dockerfile'), DOCKERFILE);
    await sh('docker', ['build', '-q', '-t', image, context], { timeout: 120_000 });
    rmSync(context, { recursive: true, force: true });
    log(`built ${image}`);
  }
}

async function healthyVersion(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return undefined;
    return (await response.json()).version;
  } catch {
    return undefined;
  }
}

async function waitHealthy(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = await healthyVersion(port);
    if (version) return version;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Deploys DEPLOYED_TAG to an environment that does not answer. */
async function deployInitial(settings, workspace, env, log) {
  const port = settings.ports[env];
  const running = await healthyVersion(port);
  if (running) {
    log(`${env} answers on 127.0.0.1:${port} (version ${running})`);
    return;
  }
  if (settings.mode === 'docker') {
    const envFile = join(workspace, `deploy/${env}/.env`);
    if (!existsSync(envFile)) writeFileSync(envFile, `DOCKER_TAG=${DEPLOYED_TAG}\n`);
    await sh('docker-compose', ['-p', projectOf(settings, env), '-f', composeFileOf(env), 'up', '-d'], { cwd: workspace, timeout: 120_000 });
  } else {
    const tag = existsSync(join(workspace, `deploy/${env}/.env`)) ? readFileSync(join(workspace, `deploy/${env}/.env`), 'utf8').match(/DOCKER_TAG=(\S+)/)?.[1] ?? DEPLOYED_TAG : DEPLOYED_TAG;
    await sh('bash', ['deploy/serve.sh', env, tag], { cwd: workspace, timeout: 30_000 });
  }
  const version = await waitHealthy(port, 60_000);
  if (!version) throw new Error(`${env} did not become healthy on 127.0.0.1:${port}`);
  log(`${env} runs ${version} on http://127.0.0.1:${port}`);
}

function readMarker(demoDir) {
  try {
    return JSON.parse(readFileSync(join(demoDir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Prepares the demo. Options: dir (the workspace; default .demo/workspace), mode ('docker',
 * 'process' or undefined: docker when an engine answers), ports, image, project, force, log.
 * Returns the settings used and the paths.
 */
export async function prepareDemo(options = {}) {
  const log = options.log ?? ((msg) => console.log(`[demo] ${msg}`));
  const workspace = resolve(options.dir ?? join(repoRoot, '.demo/workspace'));
  const demoDir = dirname(workspace);
  const origin = join(demoDir, 'origin.git');
  mkdirSync(demoDir, { recursive: true });
  const marker = readMarker(demoDir);
  const reusable = !options.force && marker?.version === MARKER_VERSION && existsSync(join(workspace, '.git')) && existsSync(origin) && (!options.mode || options.mode === marker.settings.mode);

  let settings;
  if (reusable) {
    settings = marker.settings;
    log(`reusing ${workspace} (${settings.mode} mode; --force starts over)`);
  } else {
    // Starting over: the old demo's services go first (they hold the ports).
    if (marker) await stopDemo({ dir: workspace, log }).catch(() => undefined);
    let mode = options.mode;
    if (!mode) {
      const problem = await dockerProblem();
      mode = problem ? 'process' : 'docker';
      if (problem) log(`${problem}: deploying the service as plain processes instead (see README: start dockerd for the Docker flow)`);
    }
    const ports = { ...DEFAULT_PORTS, ...(options.ports ?? {}) };
    for (const env of ENVIRONMENTS) {
      if (!(await portFree(ports[env]))) throw new Error(`127.0.0.1:${ports[env]} (${env}) is taken: stop what listens there, or pass other ports`);
    }
    settings = { mode, ports, image: options.image ?? 'deploy-pilot-demo', project: options.project ?? 'dp-demo' };
    await createRepository(settings, workspace, origin, log);
    writeFileSync(join(demoDir, MARKER), `${JSON.stringify({ version: MARKER_VERSION, settings, created: new Date().toISOString() }, null, 2)}\n`);
  }
  if (settings.mode === 'docker') {
    const problem = await dockerProblem();
    if (problem) throw new Error(`${problem}; the demo was prepared for Docker: start the engine, or run with --force --mode process`);
    await buildImages(settings, workspace, log);
  }
  for (const env of ENVIRONMENTS) await deployInitial(settings, workspace, env, log);
  return { settings, workspace, origin, demoDir };
}

/** Stops the demo's services: compose projects down, or the processes. Keeps the files. */
export async function stopDemo(options = {}) {
  const log = options.log ?? ((msg) => console.log(`[demo] ${msg}`));
  const workspace = resolve(options.dir ?? join(repoRoot, '.demo/workspace'));
  const marker = readMarker(dirname(workspace));
  if (!marker) return;
  const { settings } = marker;
  for (const env of ENVIRONMENTS) {
    if (settings.mode === 'docker') {
      if (await dockerProblem()) continue;
      await sh('docker-compose', ['-p', projectOf(settings, env), '-f', composeFileOf(env), 'down', '--timeout', '2'], { cwd: workspace, timeout: 60_000 }).catch((e) => log(e.message));
    } else if (existsSync(join(workspace, 'deploy/serve.sh'))) {
      await sh('bash', ['deploy/serve.sh', env, '--stop'], { cwd: workspace }).catch((e) => log(e.message));
    }
  }
  log(`stopped staging and production (${settings.mode})`);
}

/** Removes the demo's images (docker mode). */
export async function removeImages(settings) {
  const list = await sh('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}', settings.image]).catch(() => '');
  const images = list.split('\n').filter(Boolean);
  if (images.length > 0) await sh('docker', ['rmi', '-f', ...images]).catch(() => undefined);
}

async function main() {
  const args = process.argv.slice(2);
  const value = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = value('--dir');
  if (args.includes('--down')) return stopDemo({ dir });
  const mode = value('--mode');
  if (mode && mode !== 'docker' && mode !== 'process') throw new Error(`--mode must be docker or process, not ${mode}`);
  const { workspace, settings } = await prepareDemo({ dir, mode, force: args.includes('--force') });
  console.log(`\n  Demo ready: ${workspace} (${settings.mode})\n  staging    http://127.0.0.1:${settings.ports.staging}/health\n  production http://127.0.0.1:${settings.ports.production}/health\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[demo] ${error.message}`);
    process.exit(1);
  });
}
