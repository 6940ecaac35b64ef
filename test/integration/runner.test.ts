import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { RunRecord } from '../../src/core/run';
import type { SectionNode } from '../../src/core/runbook';
import { walk } from '../../src/core/runbook';
import type { RunnerUi, StopChoiceLabel } from '../../src/features/runner/runController';
import { activateExtension, ensureGitRepo, waitForState, workspaceRoot, writeText } from './helpers';

function section(api: DeployPilotApi, label: string): SectionNode {
  const state = api.runbook.state;
  assert.equal(state.kind, 'ok');
  const found = [...walk(state.kind === 'ok' ? state.runbook.children : [])].find((n): n is SectionNode => n.kind === 'section' && n.label === label);
  assert.ok(found, `no section "${label}"`);
  return found;
}

/** Answers the runner's questions like an operator would, and remembers what it was asked. */
class ScriptedUi implements RunnerUi {
  readonly asked: string[] = [];
  constructor(
    private readonly answers: { destructive?: boolean; stop?: StopChoiceLabel; value?: string } = {},
  ) {}
  confirmDestructive(reason: string, display: string): Promise<boolean> {
    this.asked.push(`confirm: ${reason} | ${display}`);
    return Promise.resolve(this.answers.destructive ?? false);
  }
  onStop(message: string): Promise<StopChoiceLabel | undefined> {
    this.asked.push(`stop: ${message}`);
    return Promise.resolve(this.answers.stop ?? 'Abort');
  }
  askValue(title: string, _prompt: string, secret: boolean): Promise<string | undefined> {
    this.asked.push(`ask${secret ? ' secret' : ''}: ${title}`);
    return Promise.resolve(this.answers.value);
  }
}

function recordsOnDisk(api: DeployPilotApi): RunRecord[] {
  const folder = api.session.folder;
  assert.ok(folder, 'no runs folder');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as RunRecord);
}

async function openRunbook(api: DeployPilotApi, name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  await writeText(uri, text);
  await vscode.commands.executeCommand('deployPilot.openRunbook', uri);
  await waitForState(api, 'ok', (s) => s.uri.toString() === uri.toString());
  await api.session.whenReady();
  api.session.reset();
  return uri;
}

describe('Step runner in a real extension host', function () {
  this.timeout(120_000);
  let api: DeployPilotApi;
  let root: string;

  before(async () => {
    api = await activateExtension();
    // The workspace is a real git repository on master with a local bare origin.
    root = ensureGitRepo();
  });

  it("runs the seed's STEP 1 end to end in the terminal, with exit codes recorded", async () => {
    await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(workspaceRoot(), 'PHASE8_DEPLOYMENT_GUIDE.md'));
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('PHASE8_DEPLOYMENT_GUIDE.md'));
    await api.session.whenReady();
    api.session.reset();
    api.runner.ui = new ScriptedUi();
    const step1 = section(api, 'STEP 1: Prepare Master Branch');
    const record = await api.runner.runSection(step1);
    assert.ok(record);
    assert.deepEqual(
      record.commands.map((c) => [c.label, c.status, c.exitCode]),
      [
        ['git checkout master', 'succeeded', 0],
        ['git pull origin master', 'succeeded', 0],
        ['git status', 'succeeded', 0],
        ['git log --oneline -3 master', 'succeeded', 0],
      ],
    );
    assert.ok(record.commands.every((c) => typeof c.durationMs === 'number' && c.durationMs >= 0));
    assert.equal(api.tree.statusOf(step1), 'succeeded');
    assert.equal(record.git?.branch, 'master');
    await api.session.flush();
    const onDisk = recordsOnDisk(api).find((r) => r.id === record.id);
    assert.ok(onDisk, 'the run record is on disk');
    assert.deepEqual(onDisk.commands.map((c) => c.exitCode), [0, 0, 0, 0]);
    assert.equal(onDisk.runbook.path, 'PHASE8_DEPLOYMENT_GUIDE.md');
    assert.match(onDisk.runbook.sha256, /^[0-9a-f]{64}$/);
  });

  it('stops a step at its first failing command and records the exit code', async () => {
    await openRunbook(api, 'failing.runbook.md', '# Failing\n\n## Step 1: try\n\n```bash\necho one\nsh -c "exit 3"\necho three\n```\n\n## Rollback\n\n```bash\necho back\n```\n');
    const ui = new ScriptedUi({ stop: 'Abort' });
    api.runner.ui = ui;
    const record = await api.runner.runSection(section(api, 'Step 1: try'));
    assert.ok(record);
    assert.deepEqual(
      record.commands.map((c) => [c.label, c.status, c.exitCode ?? null]),
      [
        ['echo one', 'succeeded', 0],
        ['sh -c "exit 3"', 'failed', 3],
      ],
    );
    assert.equal(ui.asked.length, 1);
    assert.match(ui.asked[0] ?? '', /failed with exit code 3/);
    assert.equal(api.tree.statusOf(section(api, 'Step 1: try')), 'failed');
  });

  it('skips a failed command when the operator says so and goes on', async () => {
    await openRunbook(api, 'skipping.runbook.md', '# Skip\n\n## Step 1: try to skip\n\n```bash\nfalse\necho after\n```\n\n## Rollback\n\n```bash\necho back\n```\n');
    api.runner.ui = new ScriptedUi({ stop: 'Skip' });
    const record = await api.runner.runSection(section(api, 'Step 1: try to skip'));
    assert.equal(record?.runbook.path, 'skipping.runbook.md');
    assert.deepEqual(record?.commands.map((c) => [c.label, c.status]), [
      ['false', 'skipped'],
      ['echo after', 'succeeded'],
    ]);
  });

  it('runs a destructive command only after confirmation, both ways', async () => {
    const scratch = path.join(root, 'scratch-dir');
    mkdirSync(scratch, { recursive: true });
    await openRunbook(api, 'destructive.runbook.md', '# Clean\n\n## Step 1: clean\n\n```bash\nrm -rf ./scratch-dir\n```\n\n## Rollback\n\n```bash\nmkdir scratch-dir\n```\n');
    const refuse = new ScriptedUi({ destructive: false });
    api.runner.ui = refuse;
    await api.runner.runSection(section(api, 'Step 1: clean'));
    assert.equal(existsSync(scratch), true, 'refused: nothing ran');
    assert.match(refuse.asked[0] ?? '', /^confirm: .* \| rm -rf \.\/scratch-dir$/);
    api.session.reset();
    api.runner.ui = new ScriptedUi({ destructive: true });
    const record = await api.runner.runSection(section(api, 'Step 1: clean'));
    assert.equal(record?.commands[0]?.exitCode, 0);
    assert.equal(existsSync(scratch), false, 'confirmed: the directory is gone');
  });

  it('passes a secret through the terminal environment, never into the record', async () => {
    const secret = 'S3cr3t-value-"quoted"-$HOME-42';
    await openRunbook(
      api,
      'secret.runbook.md',
      '# Secret\n\n## Step 1: use it\n\n```bash\ntest "$DEPLOY_TOKEN" = "$(cat ./expected-token)"\n```\n\n## Rollback\n\n```bash\necho back\n```\n',
    );
    writeFileSync(path.join(root, 'expected-token'), secret);
    const ui = new ScriptedUi({ value: secret });
    api.runner.ui = ui;
    const record = await api.runner.runSection(section(api, 'Step 1: use it'));
    assert.deepEqual(ui.asked, ['ask secret: Deploy Pilot: $DEPLOY_TOKEN']);
    assert.equal(record?.commands[0]?.exitCode, 0, 'the shell saw the secret in its environment');
    await api.session.flush();
    const files = readdirSync(api.session.folder ?? '').map((f) => readFileSync(path.join(api.session.folder ?? '', f), 'utf8'));
    assert.ok(files.length > 0);
    for (const text of files) assert.equal(text.includes('S3cr3t-value'), false, 'a secret leaked into a run record');
    assert.equal(record?.commands[0]?.text, 'test "$DEPLOY_TOKEN" = "$(cat ./expected-token)"');
  });

  it('measures the time from ▶ to the command starting (figures to test-results/bench/runner.json)', async () => {
    await openRunbook(api, 'timing.runbook.md', '# Timing\n\n## Step 1: quick\n\n```bash\ntrue\n```\n\n## Rollback\n\n```bash\necho back\n```\n');
    api.runner.ui = new ScriptedUi();
    const toStart: number[] = [];
    const toEnd: number[] = [];
    for (let i = 0; i < 10; i++) {
      api.session.reset();
      const clicked = Date.now();
      const record = await api.runner.runSection(section(api, 'Step 1: quick'));
      const command = record?.commands[0];
      assert.equal(command?.exitCode, 0);
      toStart.push(Date.parse(command?.startedAt ?? '') - clicked);
      toEnd.push(Date.parse(command?.endedAt ?? '') - clicked);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const figures = { runs: 10, clickToCommandStartMedianMs: median(toStart), clickToExitCodeMedianMs: median(toEnd), clickToCommandStartMs: toStart, clickToExitCodeMs: toEnd, vscode: vscode.version };
    const out = path.join(__dirname, '..', '..', '..', 'test-results', 'bench', 'runner.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    assert.equal(toStart.length, 10);
  });

  it('shows a run that was going when the host died as interrupted', async () => {
    const uri = await openRunbook(api, 'crashed.runbook.md', '# Crashed\n\n## Step 1: long\n\n```bash\necho a\necho b\n```\n\n## Rollback\n\n```bash\necho back\n```\n');
    const folder = api.session.folder;
    assert.ok(folder);
    // What a crash leaves: a record still "running", its first command still running.
    const stale = {
      formatVersion: 1,
      id: '2026-01-01T00-00-00.000Z-crash1',
      runbook: { path: 'crashed.runbook.md', sha256: '0'.repeat(64) },
      operator: 'ops',
      environment: 'local',
      startedAt: '2026-01-01T00:00:00.000Z',
      state: 'running',
      dryRun: false,
      commands: [{ commandId: '/step-1-long#code1:0', stepId: '/step-1-long', label: 'echo a', text: 'echo a', status: 'running', attempts: 1, awaited: true, startedAt: '2026-01-01T00:00:01.000Z' }],
      checklist: [],
      choices: {},
      variables: [],
      events: [],
      droppedEvents: 0,
    };
    writeFileSync(path.join(folder, `${stale.id}.json`), JSON.stringify(stale));
    // Re-opening the runbook (as a reload does) restores its latest run.
    await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(workspaceRoot(), 'PHASE8_DEPLOYMENT_GUIDE.md'));
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('PHASE8_DEPLOYMENT_GUIDE.md'));
    await vscode.commands.executeCommand('deployPilot.openRunbook', uri);
    await waitForState(api, 'ok', (s) => s.uri.toString() === uri.toString());
    await api.session.whenReady();
    assert.equal(api.session.current?.id, stale.id);
    assert.equal(api.session.current?.state, 'interrupted');
    assert.equal(api.session.current?.commands[0]?.status, 'interrupted');
    assert.equal(api.tree.statusOf(section(api, 'Step 1: long')), 'interrupted');
    const onDisk = JSON.parse(readFileSync(path.join(folder, `${stale.id}.json`), 'utf8')) as RunRecord;
    assert.equal(onDisk.state, 'interrupted');
  });
});
