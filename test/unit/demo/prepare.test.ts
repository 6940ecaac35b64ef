// The demo workspace generator (scripts/demo): its runbook must be one Deploy Pilot runs without a
// complaint, with the release targets, environments and rollback the demo flow relies on; and the
// generator must build a real repository (bare origin, branches, tags) and a real deployment that
// answers, idempotently. The process mode runs here; the Docker mode runs in the e2e flow test.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseRunbook } from '../../../src/core/runbook';
import { releaseTargets } from '../../../src/core/release';
import { rollbackPlan, rollbackTarget } from '../../../src/core/rollback';
import { freePort } from '../../support/docker/engine';
import type { DemoGenerator, DemoSettings, DemoTemplates } from '../../support/demo';
import { demoHealth, loadDemoModule } from '../../support/demo';

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('demo workspace: the runbook', () => {
  let templates: DemoTemplates;
  before(async () => {
    templates = await loadDemoModule<DemoTemplates>('templates.mjs');
  });

  for (const mode of ['docker', 'process'] as const) {
    describe(`in ${mode} mode`, () => {
      const settings: DemoSettings = { mode, ports: { staging: 18081, production: 18082 }, image: 'deploy-pilot-demo', project: 'dp-demo' };

      it('parses with no error, and its configuration has both environments, the alerts and automatic rollback on production', () => {
        const runbook = parseRunbook(templates.runbookText(settings), { fileName: 'DEPLOYMENT_GUIDE.md' });
        const errors = runbook.diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map((d) => `${d.line + 1}: ${d.message}`), []);
        const { staging, production } = runbook.config.environments;
        assert.equal(staging?.healthUrl, 'http://127.0.0.1:18081/health');
        assert.equal(production?.metricsUrl, 'http://127.0.0.1:18082/metrics');
        assert.equal(production?.autoRollback.enabled, true);
        assert.equal(staging?.autoRollback.enabled, false);
        assert.deepEqual(runbook.config.alerts.map((a) => a.name).sort(), ['HighErrorRate', 'MemoryGrowth', 'SlowResponses']);
        assert.equal(mode === 'docker' ? production?.composeFiles[0] : undefined, mode === 'docker' ? 'deploy/production/docker-compose.production.yml' : undefined);
      });

      it('names the feature branch and the release tag the release actions use', () => {
        const runbook = parseRunbook(templates.runbookText(settings), { fileName: 'DEPLOYMENT_GUIDE.md' });
        assert.deepEqual(releaseTargets(runbook), { featureBranch: templates.FEATURE_BRANCH, tag: templates.RELEASE_TAG });
      });

      it('rolls production back from v1.0.0 to v0.9.0 with its rollback section, and resets the desired tag with compose', () => {
        const runbook = parseRunbook(templates.runbookText(settings), { fileName: 'DEPLOYMENT_GUIDE.md' });
        const production = runbook.config.environments['production'];
        assert.ok(production);
        const target = rollbackTarget({ tags: [...templates.OLD_TAGS, templates.RELEASE_TAG] });
        assert.ok(target.ok);
        assert.deepEqual([target.from, target.to], ['v1.0.0', 'v0.9.0']);
        const plan = rollbackPlan(runbook, production, target);
        assert.ok(plan.ok, plan.ok ? '' : plan.error);
        assert.equal(plan.default, false, 'the runbook has its own rollback section');
        const texts = plan.commands.map((c) => c.text);
        assert.ok(texts.every((t) => !t.startsWith('PREVIOUS_TAG=')), 'the command that computes PREVIOUS_TAG itself is skipped');
        assert.ok(texts.some((t) => t.includes('$PRODUCTION_URL/health')));
        if (mode === 'docker') {
          assert.ok(texts.some((t) => /^DOCKER_TAG=\$PREVIOUS_TAG docker-compose -p dp-demo-production .* up -d$/.test(t)), texts.join('\n'));
          assert.deepEqual(plan.reset, [{ file: 'deploy/production/.env', key: 'DOCKER_TAG', value: 'v0.9.0' }]);
        } else {
          assert.ok(texts.includes('./deploy/serve.sh production $PREVIOUS_TAG'), texts.join('\n'));
        }
      });
    });
  }

  it('deploys with host networking on 127.0.0.1 only', () => {
    const compose = templates.composeText({ mode: 'docker', ports: { staging: 18081, production: 18082 }, image: 'deploy-pilot-demo', project: 'dp-demo' }, 'staging');
    assert.match(compose, /network_mode: host/);
    assert.match(compose, /"--host", "127\.0\.0\.1"/);
    assert.match(compose, /image: deploy-pilot-demo:\$\{DOCKER_TAG\}/);
    assert.doesNotMatch(compose, /ports:/);
  });
});

describe('demo workspace: the generator (process mode, real git and real processes)', function () {
  this.timeout(60_000);
  let generator: DemoGenerator;
  let root: string;
  let dir: string;
  let ports: { staging: number; production: number };
  let prepared: Awaited<ReturnType<DemoGenerator['prepareDemo']>>;
  const logged: string[] = [];

  before(async () => {
    generator = await loadDemoModule<DemoGenerator>('prepare.mjs');
    root = mkdtempSync(path.join(tmpdir(), 'dp-demo-test-'));
    dir = path.join(root, 'workspace');
    ports = { staging: await freePort(), production: await freePort() };
    prepared = await generator.prepareDemo({ dir, mode: 'process', ports, log: (msg) => logged.push(msg) });
  });

  after(async () => {
    await generator?.stopDemo({ dir, log: () => undefined });
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('makes a repository with a bare origin, master, the feature branch and the old release tags', () => {
    assert.equal(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'), 'master');
    assert.equal(git(dir, 'status', '--porcelain'), '', 'the working tree is clean');
    assert.deepEqual(git(dir, 'tag', '-l').split('\n'), ['v0.8.0', 'v0.9.0']);
    assert.equal(git(prepared.origin, 'rev-parse', '--is-bare-repository'), 'true');
    assert.deepEqual(git(prepared.origin, 'branch', '--format=%(refname:short)').split('\n').sort(), ['feature/resilience-hardening', 'master']);
    assert.deepEqual(git(prepared.origin, 'tag', '-l').split('\n'), ['v0.8.0', 'v0.9.0']);
    assert.equal(git(dir, 'rev-list', '--count', 'master..feature/resilience-hardening'), '3');
    assert.equal(git(dir, 'rev-parse', 'master'), git(dir, 'rev-parse', 'origin/master'));
    assert.match(readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8'), /## \[0\.9\.0\]/);
    assert.ok(existsSync(path.join(dir, 'DEPLOYMENT_GUIDE.md')));
  });

  it('deploys v0.9.0 to staging and production, which answer on their ports with metrics', async () => {
    assert.deepEqual(await demoHealth(ports.staging), { status: 'ok', version: 'v0.9.0' });
    assert.deepEqual(await demoHealth(ports.production), { status: 'ok', version: 'v0.9.0' });
    const metrics = await (await fetch(`http://127.0.0.1:${ports.production}/metrics`)).text();
    assert.match(metrics, /^# TYPE http_requests_total counter$/m);
    assert.match(metrics, /^# TYPE http_request_duration_seconds histogram$/m);
    assert.match(metrics, /^process_resident_memory_bytes \d+/m);
  });

  it('is idempotent: a second run reuses the repository and the running services', async () => {
    const head = git(dir, 'rev-parse', 'HEAD');
    logged.length = 0;
    await generator.prepareDemo({ dir, mode: 'process', ports, log: (msg) => logged.push(msg) });
    assert.equal(git(dir, 'rev-parse', 'HEAD'), head);
    assert.ok(logged.some((m) => m.startsWith('reusing')), logged.join('\n'));
    assert.ok(logged.some((m) => m.includes('answers on')), logged.join('\n'));
  });

  it('switches the service into its failing mode, and a redeploy of the old tag brings it back', async () => {
    const fault = await fetch(`http://127.0.0.1:${ports.production}/__fault`, { method: 'POST', body: JSON.stringify({ mode: 'error500', errorRatio: 1 }) });
    assert.equal(fault.status, 200);
    const failing = await fetch(`http://127.0.0.1:${ports.production}/health`);
    assert.equal(failing.status, 500);
    execFileSync('bash', ['deploy/serve.sh', 'production', 'v0.9.0'], { cwd: dir });
    // The first fetch may meet the pooled keep-alive socket of the process serve.sh replaced.
    assert.deepEqual((await demoHealth(ports.production)) ?? (await demoHealth(ports.production)), { status: 'ok', version: 'v0.9.0' });
  });

  it('stops what it started, and comes back up when prepared again', async () => {
    await generator.stopDemo({ dir, log: () => undefined });
    assert.equal(await demoHealth(ports.staging), undefined);
    await generator.prepareDemo({ dir, mode: 'process', ports, log: () => undefined });
    assert.deepEqual(await demoHealth(ports.staging), { status: 'ok', version: 'v0.9.0' });
  });
  it('starts over with force: the old services are stopped first, so their ports are free again', async () => {
    writeFileSync(path.join(dir, 'left-over.txt'), 'from the old demo\n');
    assert.deepEqual(await demoHealth(ports.production), { status: 'ok', version: 'v0.9.0' }, 'running before');
    await generator.prepareDemo({ dir, mode: 'process', ports, force: true, log: () => undefined });
    assert.equal(existsSync(path.join(dir, 'left-over.txt')), false, 'a new workspace');
    assert.equal(git(dir, 'status', '--porcelain'), '');
    assert.deepEqual((await demoHealth(ports.production)) ?? (await demoHealth(ports.production)), { status: 'ok', version: 'v0.9.0' });
  });
});
