// Rollback against a real Docker engine: v1.0.0 and v1.1.0 of the test service are built locally
// (FROM localnode:20; v1.1.0 answers 500 to everything, its health check included), v1.1.0 is
// deployed with docker-compose, and the rollback brings v1.0.0 back. `docker inspect` has the last
// word: the container runs the v1.0.0 image and its compose health check says healthy.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { RollbackPlan, RollbackResult } from '../../src/core/rollback';
import type { RollbackRecord } from '../../src/core/run';
import { buildTestServiceImage, docker, engineProblem, ensureBaseImage, freePort } from '../support/docker/engine';
import { activateExtension, ensureGitRepo, git, sleep, waitForState, workspaceRoot, writeText } from './helpers';

const RUN = `${process.pid}x${Date.now().toString(36)}`;
const REPOSITORY = `dp-rollback-${RUN}`;
const PROJECT = `dprb${RUN}`;
const COMPOSE_DIR = 'rb-docker';
const COMPOSE_FILE = `${COMPOSE_DIR}/docker-compose.yml`;
const COUNTDOWN_SECONDS = 2;
const TAGS = ['v1.0.0', 'v1.1.0'] as const;

function composeText(port: number): string {
  const probe = `fetch('http://127.0.0.1:${port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
  return `version: "2.4"
services:
  web:
    image: ${REPOSITORY}:\${DOCKER_TAG}
    network_mode: host
    command: ["--port", "${port}", "--host", "127.0.0.1", "--traffic-per-second", "20", "--app-version", "\${DOCKER_TAG}"]
    healthcheck:
      test: ["CMD", "/usr/bin/node", "-e", ${JSON.stringify(probe)}]
      interval: 1s
      timeout: 1s
      retries: 2
`;
}

/** The runbook: auto-rollback on HighErrorRate; `failAt2`: the rollback's second command fails (a compose file that does not exist). */
function runbookText(port: number, options: { autoRollback: boolean; failAt2: boolean }): string {
  const up = options.failAt2 ? `DOCKER_TAG=$PREVIOUS_TAG docker-compose -f ${COMPOSE_DIR}/missing.yml -p ${PROJECT} up -d` : `DOCKER_TAG=$PREVIOUS_TAG docker-compose -f ${COMPOSE_FILE} -p ${PROJECT} up -d`;
  return `---
environments:
  staging:
    healthUrl: http://127.0.0.1:${port}/health
    metricsUrl: http://127.0.0.1:${port}/metrics
    composeFile: ${COMPOSE_FILE}
    composeProject: ${PROJECT}
    health:
      interval: 1s
    autoRollback:
      enabled: ${options.autoRollback}
      alerts: [HighErrorRate]
      countdown: ${COUNTDOWN_SECONDS}s
alerts:
  - name: HighErrorRate
    condition: error_rate > 1%
    for: 2s
    severity: critical
rollback:
  verify:
    consecutiveHealthy: 3
    timeout: 90s
---
# Release with compose

## STEP 1: Deploy

\`\`\`bash
DOCKER_TAG=v1.1.0 docker-compose -f ${COMPOSE_FILE} -p ${PROJECT} up -d
\`\`\`

## Rollback Procedures (If Needed)

### Quick Rollback

\`\`\`bash
docker-compose -f ${COMPOSE_FILE} -p ${PROJECT} down
${up}
\`\`\`
`;
}

interface Inspected {
  readonly image: string;
  readonly health: string;
  readonly running: boolean;
}

/** `docker inspect` of the project's web container (compose v1 names it PROJECT_web_1). */
async function inspectWeb(): Promise<Inspected | undefined> {
  const names = (await docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${PROJECT}`, '--format', '{{.Names}}'])).split('\n').filter(Boolean);
  const name = names[0];
  if (!name) return undefined;
  const out = await docker(['inspect', '--format', '{{.Config.Image}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.Running}}', name]);
  const [image = '', health = '', running = ''] = out.split('|');
  return { image, health, running: running === 'true' };
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

describe('Rollback with a real Docker engine: compose deploys a failing v1.1.0, the rollback brings v1.0.0 back', function () {
  this.timeout(300_000);
  let api: DeployPilotApi;
  let root: string;
  let port = 0;
  let runbook: vscode.Uri;
  const createdTags: string[] = [];
  const plans: Extract<RollbackPlan, { ok: true }>[] = [];
  const shown: RollbackResult[] = [];
  const notices: string[] = [];
  let cancelCountdown = false;
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('deployPilot.monitoring');
  const compose = (...args: string[]): void => void execFileSync('docker-compose', ['-f', path.join(root, COMPOSE_FILE), '-p', PROJECT, ...args], { cwd: root, stdio: 'pipe', timeout: 60_000 });
  const lastRollback = (): RollbackRecord | undefined => api.session.current?.rollbacks?.at(-1);

  async function openRunbook(options: { autoRollback: boolean; failAt2: boolean }): Promise<void> {
    await writeText(runbook, runbookText(port, options));
    await vscode.commands.executeCommand('deployPilot.openRunbook', runbook);
    await until('the runbook to load with these options', () => {
      const state = api.runbook.state;
      return state.kind === 'ok' && state.uri.path.endsWith('DOCKER.runbook.md') && state.runbook.config.environments['staging']?.autoRollback.enabled === options.autoRollback;
    }, 10_000);
  }

  /** `DOCKER_TAG=v1.1.0 docker-compose up -d`, as the runbook's deploy step does, then waits until it answers. */
  async function deployV110(): Promise<void> {
    writeFileSync(path.join(root, COMPOSE_DIR, '.env'), 'DOCKER_TAG=v1.1.0\n');
    compose('up', '-d');
    await until('v1.1.0 to run', async () => (await inspectWeb())?.image === `${REPOSITORY}:v1.1.0` && (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 500, 30_000);
  }

  before(async function () {
    const problem = await engineProblem();
    // CI (.ci/run) starts a Docker engine and installs docker-compose; a machine without them skips, saying why.
    if (problem) {
      console.warn(`skipping: no Docker engine answers (${problem}); start one: dockerd --bridge=none --iptables=false --ip6tables=false &`);
      this.skip();
    }
    try {
      execFileSync('docker-compose', ['version'], { stdio: 'pipe' });
    } catch {
      console.warn('skipping: docker-compose is not installed (apt-get install docker-compose)');
      this.skip();
    }
    api = await activateExtension();
    root = ensureGitRepo();
    for (const tag of TAGS) {
      if (git(root, 'tag', '-l', tag).trim()) continue;
      git(root, 'tag', tag);
      createdTags.push(tag);
    }
    await ensureBaseImage();
    await buildTestServiceImage(`${REPOSITORY}:v1.0.0`);
    // v1.1.0: the same service with a bug: every request answers 500, the health check too.
    const dir = path.join(tmpdir(), `dp-rollback-v2-${RUN}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${REPOSITORY}:v1.0.0\nENV FAULT=error500\n`);
    await docker(['build', '-q', '-t', `${REPOSITORY}:v1.1.0`, dir], 60_000);
    rmSync(dir, { recursive: true, force: true });
    port = await freePort();
    mkdirSync(path.join(root, COMPOSE_DIR), { recursive: true });
    writeFileSync(path.join(root, COMPOSE_FILE), composeText(port));
    for (const [key, value] of [['scrapeInterval', 1], ['evaluationInterval', 1], ['rateWindow', 3]] as const) await settings().update(key, value, vscode.ConfigurationTarget.Workspace);
    runbook = vscode.Uri.joinPath(workspaceRoot(), 'DOCKER.runbook.md');
    await writeText(runbook, runbookText(port, { autoRollback: false, failAt2: true }));
    await vscode.commands.executeCommand('deployPilot.openRunbook', runbook);
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('DOCKER.runbook.md'));
    await api.session.whenReady();
    api.session.reset();
    api.runner.ui = { confirmDestructive: () => Promise.resolve(true), onStop: () => Promise.resolve('Abort'), askValue: () => Promise.resolve(undefined) };
    api.rollback.ui = {
      pickEnvironment: () => Promise.resolve('staging'),
      confirm: (plan) => {
        plans.push(plan);
        return Promise.resolve(true);
      },
      show: (result) => void shown.push(result),
      info: (message) => void notices.push(message),
    };
    api.autoRollback.ui = {
      countdown: (_environment, _trigger, _endsAt, cancel) => {
        // The operator presses Cancel half a second into the countdown (the first episode only).
        const timer = setTimeout(() => cancelCountdown && cancel(), 500);
        return { dispose: () => clearTimeout(timer) };
      },
    };
  });

  after(async () => {
    await api?.monitoring.stop();
    if (root) {
      try {
        compose('down');
      } catch {
        // already down
      }
      for (const tag of createdTags) if (git(root, 'tag', '-l', tag).trim()) git(root, 'tag', '-d', tag);
      rmSync(path.join(root, COMPOSE_DIR), { recursive: true, force: true });
    }
    for (const tag of TAGS) await docker(['rmi', '-f', `${REPOSITORY}:${tag}`]).catch(() => undefined);
    for (const key of ['scrapeInterval', 'evaluationInterval', 'rateWindow']) await settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    if (api) {
      await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(workspaceRoot(), 'PHASE8_DEPLOYMENT_GUIDE.md'));
      await waitForState(api, 'ok', (s) => s.uri.path.endsWith('PHASE8_DEPLOYMENT_GUIDE.md'));
    }
  });

  it('a failure in the middle of the rollback commands: stops there, says which command failed, and records it', async () => {
    await deployV110();
    const result = await api.rollback.run('staging');
    assert.equal(plans.at(-1)?.from, 'v1.1.0');
    assert.equal(plans.at(-1)?.to, 'v1.0.0');
    assert.equal(result?.outcome, 'failed', JSON.stringify(result));
    assert.ok(result?.outcome === 'failed' && result.commandIndex === 2 && result.exitCode !== undefined && result.exitCode !== 0, JSON.stringify(result));
    assert.match(result.outcome === 'failed' ? result.commandText : '', /missing\.yml/);
    const rollback = lastRollback();
    assert.equal(rollback?.state, 'failed', JSON.stringify(rollback));
    assert.equal(rollback?.failedCommand?.index, 2);
    // Command 1 (down) ran: nothing of the project runs any more; the environment is down, as the message says it may be.
    assert.equal((await inspectWeb())?.running ?? false, false);
    // The desired version was not reset: the commands did not succeed.
    assert.equal(readFileSync(path.join(root, COMPOSE_DIR, '.env'), 'utf8'), 'DOCKER_TAG=v1.1.0\n');
  });

  it('cancelling the countdown of an automatic rollback: nothing is rolled back, and the record says so', async () => {
    await openRunbook({ autoRollback: true, failAt2: false });
    api.session.reset();
    await deployV110();
    cancelCountdown = true;
    const resultsBefore = shown.length;
    await api.monitoring.start(['staging']);
    await until('the countdown to be cancelled', () => api.autoRollback.decisions.some((d) => d.decision.kind === 'cancelled'), 60_000);
    await sleep((COUNTDOWN_SECONDS + 3) * 1000);
    assert.equal(shown.length, resultsBefore, `a rollback ran: ${JSON.stringify(shown.slice(resultsBefore))}`);
    assert.equal((await inspectWeb())?.image, `${REPOSITORY}:v1.1.0`);
    const rollback = await until('the cancellation in the run record', () => lastRollback(), 5000);
    assert.equal(rollback.state, 'cancelled', JSON.stringify(rollback));
    assert.equal(rollback.trigger, 'HighErrorRate');
    assert.match(rollback.reason ?? '', /cancelled/);
    await api.monitoring.stop();
  });

  it('Done-when: the alert fires on v1.1.0, the automatic rollback runs, and v1.0.0 runs healthy (docker inspect), every step recorded', async () => {
    cancelCountdown = false;
    const resultsBefore = shown.length;
    // A new monitor: a new firing episode of HighErrorRate (the cancelled one stays cancelled).
    await api.monitoring.start(['staging']);
    const result = await until('the automatic rollback to end', () => shown[resultsBefore], 150_000);
    assert.equal(result.outcome, 'healthy', JSON.stringify(result));
    assert.equal(result.to, 'v1.0.0');
    const inspected = await until('the v1.0.0 container to be healthy by its compose health check', async () => {
      const web = await inspectWeb();
      return web?.health === 'healthy' ? web : undefined;
    }, 30_000);
    assert.equal(inspected.image, `${REPOSITORY}:v1.0.0`);
    assert.equal(inspected.running, true);
    const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { version?: string };
    assert.equal(body.version, 'v1.0.0');
    // The desired version is reset: a later `docker-compose up -d` does not roll forward.
    assert.equal(readFileSync(path.join(root, COMPOSE_DIR, '.env'), 'utf8').trim(), 'DOCKER_TAG=v1.0.0');
    const kinds = api.autoRollback.decisions.map((d) => d.decision.kind);
    assert.deepEqual(kinds.slice(-2), ['countdown', 'rollBackNow'], JSON.stringify(kinds));
    const record = api.session.current;
    const rollback = record?.rollbacks?.at(-1);
    assert.ok(rollback, 'no rollback in the run record');
    assert.equal(rollback.state, 'healthy', JSON.stringify(rollback));
    assert.equal(rollback.automatic, true);
    assert.equal(rollback.trigger, 'HighErrorRate');
    assert.ok(rollback.alertFiredAt && rollback.commandsEndedAt && rollback.endedAt && rollback.alertFiredAt < rollback.startedAt && rollback.startedAt <= rollback.commandsEndedAt && rollback.commandsEndedAt <= rollback.endedAt, JSON.stringify(rollback));
    const ran = (record?.commands ?? []).filter((c) => c.commandId.startsWith('/rollback/staging'));
    assert.deepEqual(
      ran.map((c) => [c.text, c.exitCode]),
      [
        ['export PREVIOUS_TAG=v1.0.0', 0],
        [`docker-compose -f ${COMPOSE_FILE} -p ${PROJECT} down`, 0],
        [`DOCKER_TAG=$PREVIOUS_TAG docker-compose -f ${COMPOSE_FILE} -p ${PROJECT} up -d`, 0],
      ],
    );
    const events = (record?.events ?? []).map((e) => e.type).filter((t) => t.startsWith('rollback'));
    assert.deepEqual(events.slice(-3), ['rollbackStarted', 'rollbackVerifying', 'rollbackEnded']);
    assert.ok(result.outcome === 'healthy' && result.timeFromAlertMs !== undefined, JSON.stringify(result));
    const out = path.join(__dirname, '..', '..', '..', 'test-results', 'bench', 'auto-rollback-docker.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ alertFiringToHealthyMs: result.timeFromAlertMs, rollbackStartToHealthyMs: result.timeToHealthyMs, countdownSeconds: COUNTDOWN_SECONDS, alertFor: '2s', healthInterval: '1s', consecutiveHealthy: 3, commandsMs: Date.parse(rollback.commandsEndedAt ?? '') - Date.parse(rollback.startedAt), engine: await docker(['version', '--format', '{{.Server.Version}}']) }, null, 2)}\n`,
    );
  });

  it('rolling back again is a no-op that says so: the container already runs v1.0.0', async () => {
    await api.monitoring.stop();
    const resultsBefore = shown.length;
    const result = await api.rollback.run('staging');
    assert.equal(result, undefined);
    assert.equal(shown.length, resultsBefore);
    assert.match(notices.at(-1) ?? '', /^staging already runs v1\.0\.0 \(.*: dp-rollback-.*:v1\.0\.0\): nothing to roll back\.$/);
  });
});
