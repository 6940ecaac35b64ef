import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { CodeBlockNode, SectionNode, TaskNode } from '../../src/core/runbook';
import type { RunbookTreeElement } from '../../src/features/tree/treeElement';
import { walk } from '../../src/core/runbook';
import { RunbookService } from '../../src/features/runbook/runbookService';
import { activateExtension, EXTENSION_ID, readText, sleep, waitForDocumentText, waitForState, workspaceRoot, writeText } from './helpers';

const SEED_NAME = 'PHASE8_DEPLOYMENT_GUIDE.md';

function labelOf(api: DeployPilotApi, node: RunbookTreeElement): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function findTask(api: DeployPilotApi, text: string): TaskNode {
  const state = api.runbook.state;
  assert.equal(state.kind, 'ok');
  const task = [...walk(state.kind === 'ok' ? state.runbook.children : [])].find(
    (n): n is TaskNode => n.kind === 'task' && n.text === text,
  );
  assert.ok(task, `no task "${text}"`);
  return task;
}

describe('Runbook tree in a real extension host', () => {
  let api: DeployPilotApi;
  let seedUri: vscode.Uri;
  let seedText: string;

  before(async () => {
    api = await activateExtension();
    seedUri = vscode.Uri.joinPath(workspaceRoot(), SEED_NAME);
    seedText = await readText(seedUri);
  });

  afterEach(async () => {
    // Each test leaves the seed as the chosen, unmodified runbook.
    if ((await readText(seedUri)) !== seedText) await writeText(seedUri, seedText);
    await vscode.commands.executeCommand('deployPilot.openRunbook', seedUri);
    await waitForState(api, 'ok', (s) => s.uri.toString() === seedUri.toString());
  });

  it('discovers the seed runbook without any setting and shows its sections', async () => {
    const state = await waitForState(api, 'ok');
    assert.equal(vscode.workspace.asRelativePath(state.uri, false), SEED_NAME);
    // A Preflight group (when a release preflight ran earlier) comes first; the runbook follows.
    const roots = api.tree.getChildren().filter((n) => n.kind !== 'preflightGroup');
    assert.deepEqual(
      roots.map((n) => labelOf(api, n)),
      [
        'Quick Start (For Experienced DevOps)',
        'Step-by-Step Detailed Guide',
        'DEPLOYMENT OPTIONS (After Merge)',
        'Post-Deployment Validation',
        'Rollback Procedures (If Needed)',
        'Success Criteria',
        'Support & Escalation',
        'Sign-Off Checklist',
        'Expected Timeline',
      ],
    );
    assert.equal(api.view.treeView.description, 'PHASE 8 EXECUTION: MERGE TO MASTER & DEPLOYMENT');
  });

  it('shows steps, options, commands and checklist items as tree items', () => {
    const guide = api.tree.getChildren().find((n) => labelOf(api, n) === 'Step-by-Step Detailed Guide') as SectionNode;
    const steps = api.tree.getChildren(guide);
    assert.deepEqual(
      steps.map((n) => labelOf(api, n)),
      [
        'STEP 1: Prepare Master Branch',
        'STEP 2: Execute Merge (Choose One Option)',
        'STEP 3: Update CHANGELOG',
        'STEP 4: Push to Remote',
        'STEP 5: Create Release Tag',
        'STEP 6: Cleanup Feature Branch',
      ],
    );
    const step1Item = api.tree.getTreeItem(steps[0] as SectionNode);
    assert.equal(step1Item.description, '5 min · 4 commands');
    const [firstBlock] = api.tree.getChildren(steps[0]);
    assert.ok(firstBlock);
    const blockItem = api.tree.getTreeItem(firstBlock);
    assert.equal(blockItem.label, 'git checkout master');
    assert.ok(blockItem.tooltip instanceof vscode.MarkdownString);
    assert.match(blockItem.tooltip.value, /git pull origin master/);
    assert.deepEqual(blockItem.command?.arguments, [api.runbook.uri, 36]);

    const step2 = steps[1] as SectionNode;
    assert.deepEqual(
      api.tree.getChildren(step2).map((n) => labelOf(api, n)),
      ['OPTION A: SQUASH MERGE (RECOMMENDED - Cleaner history)', 'OPTION B: REGULAR MERGE (Keep full history)'],
    );
    const task = findTask(api, 'Error rate < 0.5%');
    const taskItem = api.tree.getTreeItem(task);
    assert.equal(taskItem.checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    assert.equal(api.tree.getParent(task) && labelOf(api, api.tree.getParent(task) as SectionNode), 'First Hour');
  });

  it('keeps checkbox state across a refresh and across edits that move lines', async () => {
    const task = findTask(api, 'Health check endpoint responding (HTTP 200)');
    await api.tree.setChecked([{ task, checked: true }]);
    assert.equal(api.tree.getTreeItem(task).checkboxState, vscode.TreeItemCheckboxState.Checked);

    await vscode.commands.executeCommand('deployPilot.refresh');
    await waitForState(api, 'ok');
    const afterRefresh = findTask(api, 'Health check endpoint responding (HTTP 200)');
    assert.equal(api.tree.getTreeItem(afterRefresh).checkboxState, vscode.TreeItemCheckboxState.Checked);

    // Insert lines at the top: the watcher reloads, every line moves by 4, the tick stays.
    const changed = waitForState(api, 'ok', (s) => s.runbook.lineCount === 558 + 4);
    await writeText(seedUri, `<!-- edited -->\n\n<!-- by a test -->\n\n${seedText}`);
    await changed;
    const moved = findTask(api, 'Health check endpoint responding (HTTP 200)');
    assert.equal(moved.line, afterRefresh.line + 4);
    assert.equal(api.tree.getTreeItem(moved).checkboxState, vscode.TreeItemCheckboxState.Checked);
    assert.equal(api.tree.getTreeItem(findTask(api, 'Error rate < 0.5%')).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    await api.tree.setChecked([{ task: moved, checked: false }]);
  });

  it('shows each command of a block with its classification', () => {
    const guide = api.tree.getChildren().find((n) => labelOf(api, n) === 'Step-by-Step Detailed Guide') as SectionNode;
    const step6 = api.tree.getChildren(guide).find((n) => labelOf(api, n) === 'STEP 6: Cleanup Feature Branch') as SectionNode;
    const block = api.tree.getChildren(step6)[0] as CodeBlockNode;
    const blockItem = api.tree.getTreeItem(block);
    assert.equal(blockItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(blockItem.description, '4 commands · destructive');
    const commands = api.tree.getChildren(block);
    assert.deepEqual(
      commands.map((c) => {
        const item = api.tree.getTreeItem(c);
        return [item.label, item.description, (item.iconPath as vscode.ThemeIcon).id, item.contextValue];
      }),
      [
        ['git branch -d feature/resilience-hardening', '', 'terminal', 'deployPilot.command'],
        ['git push origin --delete feature/resilience-hardening', 'destructive', 'warning', 'deployPilot.command.destructive'],
        ['git branch -a', '', 'terminal', 'deployPilot.command'],
        ['git branch -v', '', 'terminal', 'deployPilot.command'],
      ],
    );
    assert.equal(api.tree.getParent(commands[1] as RunbookTreeElement), block);
    const tooltip = api.tree.getTreeItem(commands[1] as RunbookTreeElement).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Destructive: deletes the remote branch or tag feature\/resilience-hardening\. Deploy Pilot asks before running it/);
  });

  it('puts the seed\'s diagnostics in the Problems panel', async () => {
    const deadline = Date.now() + 5000;
    let diagnostics = vscode.languages.getDiagnostics(seedUri);
    while (diagnostics.length === 0 && Date.now() < deadline) {
      await sleep(100);
      diagnostics = vscode.languages.getDiagnostics(seedUri);
    }
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${typeof d.code === 'object' ? String(d.code.value) : String(d.code)} ${d.source ?? ''}`),
      [
        '362:24 Information unknown-variable Deploy Pilot',
        '424:3 Error command Deploy Pilot',
        '437:13 Error command Deploy Pilot',
      ],
    );
    assert.match(diagnostics[1]?.message ?? '', /-e` is not a docker-compose global option nor an option of `up`/);
  });

  it('reports front matter and sidecar configuration problems on their own lines', async () => {
    const runbook = vscode.Uri.joinPath(workspaceRoot(), 'configured.runbook.md');
    const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'configured.runbook.deploy-pilot.yaml');
    await writeText(sidecar, 'tagPattern: "v*"\nvariabels: {}\n');
    await writeText(
      runbook,
      ['---', 'environments:', '  staging:', '    healthUrl: http://127.0.0.1:8080/health', '    helth: {}', '---', '# Configured', '', '## Step 1: go', '', '```bash', 'echo go', '```', ''].join('\n'),
    );
    try {
      await vscode.commands.executeCommand('deployPilot.openRunbook', runbook);
      const state = await waitForState(api, 'ok', (s) => s.uri.toString() === runbook.toString());
      assert.deepEqual(Object.keys(state.runbook.config.environments), ['staging']);
      const deadline = Date.now() + 5000;
      let inRunbook = vscode.languages.getDiagnostics(runbook);
      let inSidecar = vscode.languages.getDiagnostics(sidecar);
      while ((inRunbook.length === 0 || inSidecar.length === 0) && Date.now() < deadline) {
        await sleep(100);
        inRunbook = vscode.languages.getDiagnostics(runbook);
        inSidecar = vscode.languages.getDiagnostics(sidecar);
      }
      assert.deepEqual(inRunbook.map((d) => [d.range.start.line, d.message.match(/unknown key "helth"/) !== null]), [[4, true]]);
      assert.deepEqual(inSidecar.map((d) => [d.range.start.line, /did you mean "variables"/.test(d.message)]), [[1, true]]);
    } finally {
      await vscode.workspace.fs.delete(runbook);
      await vscode.workspace.fs.delete(sidecar);
    }
  });

  it('registers every command it contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const manifest = extension?.packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 4);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('opens the source line of a tree item and reveals the item for the cursor line', async () => {
    const task = findTask(api, 'Memory usage stable ±2%');
    await waitForDocumentText(seedUri, seedText);
    await vscode.commands.executeCommand('deployPilot.openSource', seedUri, task.line);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), seedUri.toString());
    assert.equal(editor.selection.active.line, task.line);
    assert.match(editor.document.lineAt(task.line).text, /Memory usage stable/);

    await vscode.commands.executeCommand('deployPilot.revealInRunbook');
    // The view opens and reports its selection asynchronously.
    const deadline = Date.now() + 5000;
    while (api.view.treeView.selection.length === 0 && Date.now() < deadline) await sleep(100);
    assert.deepEqual(api.view.treeView.selection.map((n) => n.id), [task.id]);
    assert.equal(api.view.treeView.visible, true);
  });

  it('shows a clear error, never an empty tree, for a file with no steps, a binary file and a deleted file', async () => {
    const prose = vscode.Uri.joinPath(workspaceRoot(), 'NOTES_DEPLOYMENT.md');
    await writeText(prose, '# Notes\n\nNothing to run here.\n');
    await vscode.commands.executeCommand('deployPilot.openRunbook', prose);
    const noSteps = await waitForState(api, 'error');
    assert.match(noSteps.message, /^NOTES_DEPLOYMENT\.md:1: No runbook steps found/);
    assert.equal(api.view.treeView.message, noSteps.message);
    assert.deepEqual(api.tree.getChildren(), []);

    const binary = vscode.Uri.joinPath(workspaceRoot(), 'image.md');
    await writeText(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await vscode.commands.executeCommand('deployPilot.openRunbook', binary);
    const binaryState = await waitForState(api, 'error', (s) => s.uri.toString() === binary.toString());
    assert.match(binaryState.message, /image\.md is a binary file/);

    const deleted = waitForState(api, 'error', (s) => /Cannot read image\.md/.test(s.message));
    await vscode.workspace.fs.delete(binary);
    await vscode.commands.executeCommand('deployPilot.refresh');
    assert.match((await deleted).message, /Cannot read image\.md: FileNotFound/);
    await vscode.workspace.fs.delete(prose);
  });

  it('honours the deployPilot.runbook setting', async () => {
    const other = vscode.Uri.joinPath(workspaceRoot(), 'ops', 'release.md');
    await writeText(other, '# Release\n\n## Step 1: tag\n\n```bash\ngit tag v1\n```\n');
    // A remembered choice wins over the setting: clear it by choosing through the setting path.
    const config = vscode.workspace.getConfiguration('deployPilot');
    await config.update('runbook', 'ops/release.md', vscode.ConfigurationTarget.Workspace);
    try {
      await api.runbook.forgetChoice();
      const state = await waitForState(api, 'ok', (s) => s.uri.path.endsWith('/ops/release.md'));
      assert.equal(state.runbook.title, 'Release');
    } finally {
      await config.update('runbook', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'ops'), { recursive: true });
    }
  });
  it('lets a command issued right after activation wait for the runbook instead of reporting none loaded', async () => {
    // The seed is the remembered choice (other tests leave more runbook candidates in the workspace).
    const values = new Map<string, unknown>([['deployPilot.selectedRunbook', seedUri.toString()]]);
    const memento: vscode.Memento = {
      keys: () => [...values.keys()],
      get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
      update: (key: string, value: unknown) => {
        values.set(key, value);
        return Promise.resolve();
      },
    };
    const log = vscode.window.createOutputChannel('Deploy Pilot settled test', { log: true });
    const service = new RunbookService(memento, log);
    try {
      assert.equal(service.state.kind, 'loading');
      // Nothing locates it: the wait ends at its timeout with the state as it is.
      assert.equal((await service.settled(50)).kind, 'loading');
      const waiting = service.settled();
      void service.locate();
      const state = await waiting;
      assert.equal(state.kind, 'ok');
      assert.equal(vscode.workspace.asRelativePath(state.kind === 'ok' ? state.uri : seedUri, false), SEED_NAME);
      // Once settled, it answers at once.
      assert.equal((await service.settled(1)).kind, 'ok');
    } finally {
      service.dispose();
      log.dispose();
    }
  });
});
