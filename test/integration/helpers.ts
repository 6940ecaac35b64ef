import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { RunbookState } from '../../src/features/runbook/runbookState';

export const EXTENSION_ID = 'deploy-pilot.deploy-pilot';

export async function activateExtension(): Promise<DeployPilotApi> {
  const extension = vscode.extensions.getExtension<DeployPilotApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this host`);
  return extension.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return folder.uri;
}

/** Resolves with the service's state once `predicate` holds (now or after a change). */
export async function waitForState<K extends RunbookState['kind']>(
  api: DeployPilotApi,
  kind: K,
  predicate: (state: Extract<RunbookState, { kind: K }>) => boolean = () => true,
  timeoutMs = 15000,
): Promise<Extract<RunbookState, { kind: K }>> {
  const matches = (state: RunbookState): state is Extract<RunbookState, { kind: K }> =>
    state.kind === kind && predicate(state as Extract<RunbookState, { kind: K }>);
  const current = api.runbook.state;
  if (matches(current)) return current;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`runbook state did not become "${kind}" within ${timeoutMs} ms; it is ${JSON.stringify(api.runbook.state.kind)}`));
    }, timeoutMs);
    const listener = api.runbook.onDidChangeState((state) => {
      if (matches(state)) {
        clearTimeout(timer);
        listener.dispose();
        resolve(state);
      }
    });
  });
}

export async function writeText(uri: vscode.Uri, text: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until VS Code's copy of `uri` shows `expected` (it reloads files changed on disk a little later). */
export async function waitForDocumentText(uri: vscode.Uri, expected: string, timeoutMs = 10000): Promise<vscode.TextDocument> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.getText() === expected) return doc;
    if (Date.now() > deadline) throw new Error(`${uri.fsPath} did not reload from disk within ${timeoutMs} ms`);
    await sleep(100);
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

/**
 * Makes the workspace folder a real git repository on master with a local bare `origin`
 * (once; later calls reuse it). Returns the repository's path.
 */
export function ensureGitRepo(): string {
  const root = workspaceRoot().fsPath;
  if (!existsSync(path.join(root, '.git'))) {
    git(root, 'init', '-b', 'master');
    git(root, 'config', 'user.email', 'ops@example.test');
    git(root, 'config', 'user.name', 'Deploy Pilot Tests');
    git(root, 'config', 'commit.gpgsign', 'false');
    writeFileSync(path.join(root, '.gitignore'), '.deploy-pilot/\n.vscode/\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-m', 'initial');
  }
  if (!git(root, 'remote').split('\n').includes('origin')) {
    const origin = path.join(mkdtempSync(path.join(tmpdir(), 'dp-origin-')), 'origin.git');
    git(tmpdir(), 'init', '--bare', '-b', 'master', origin);
    git(root, 'remote', 'add', 'origin', origin);
    git(root, 'push', '-u', 'origin', 'master');
  }
  return root;
}
