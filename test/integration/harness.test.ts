// Checks the harness itself: tests run inside a real VS Code host with the fixture workspace open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('integration harness', () => {
  it('runs inside a real VS Code extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.equal(typeof vscode.commands.executeCommand, 'function');
  });

  it('opens the seed fixture workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const [folder] = folders;
    assert.ok(folder, 'no workspace folder is open');
    assert.equal(folders.length, 1, `expected one workspace folder, got ${folders.length}`);
    const guide = vscode.Uri.joinPath(folder.uri, 'PHASE8_DEPLOYMENT_GUIDE.md');
    const stat = await vscode.workspace.fs.stat(guide);
    assert.equal(stat.type, vscode.FileType.File);
  });

  it('can open a document from the workspace', async () => {
    const [guide] = await vscode.workspace.findFiles('PHASE8_DEPLOYMENT_GUIDE.md');
    assert.ok(guide, 'findFiles did not find the seed guide');
    const doc = await vscode.workspace.openTextDocument(guide);
    assert.equal(doc.languageId, 'markdown');
    assert.ok(doc.lineCount > 1);
  });
});
