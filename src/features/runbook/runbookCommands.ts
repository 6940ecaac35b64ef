import * as vscode from 'vscode';
import { CommandIds } from '../commands/commandIds';
import { registerCommand } from '../commands/registerCommand';
import type { RunbookView } from '../tree/runbookView';
import { findRunbookCandidates } from './runbookLocator';
import type { RunbookService } from './runbookService';

interface RunbookPick extends vscode.QuickPickItem {
  readonly uri?: vscode.Uri;
}

/** Open Runbook…, Refresh, Reveal in Runbook, and the tree's "show source line". */
export function registerRunbookCommands(
  service: RunbookService,
  view: RunbookView,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  return [
    registerCommand(CommandIds.openRunbook, log, async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : await pickRunbook(service);
      if (target) await service.choose(target);
    }),
    registerCommand(CommandIds.refresh, log, () => service.refresh()),
    registerCommand(CommandIds.revealInRunbook, log, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !service.isCurrent(editor.document.uri)) {
        void vscode.window.showInformationMessage('Deploy Pilot: the active editor is not the runbook shown in the sidebar.');
        return;
      }
      await view.revealLine(editor.selection.active.line);
    }),
    registerCommand(CommandIds.openSource, log, async (uri: vscode.Uri, line: number) => {
      const position = new vscode.Position(line, 0);
      await vscode.window.showTextDocument(uri, {
        selection: new vscode.Range(position, position),
        preserveFocus: true,
        preview: true,
      });
    }),
  ];
}

async function pickRunbook(service: RunbookService): Promise<vscode.Uri | undefined> {
  const picker = vscode.window.createQuickPick<RunbookPick>();
  picker.title = 'Deploy Pilot: Open Runbook';
  picker.placeholder = 'Choose the markdown deployment guide to run';
  picker.busy = true;
  const browse: RunbookPick = { label: '$(folder-opened) Browse…', description: 'any markdown file' };
  picker.items = [browse];
  picker.show();
  try {
    const candidates = await findRunbookCandidates();
    picker.items = [
      ...candidates.map((c) => ({
        label: c.relativePath,
        description: service.isCurrent(c.uri) ? 'current' : c.reason === 'name' ? 'named like a runbook' : 'looks like a deployment guide',
        uri: c.uri,
      })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      browse,
    ];
  } finally {
    picker.busy = false;
  }
  const choice = await new Promise<RunbookPick | undefined>((resolve) => {
    // Listeners on a QuickPick are disposed with it.
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]);
      picker.hide();
    });
    picker.onDidHide(() => resolve(undefined));
  });
  picker.dispose();
  if (choice?.uri) return choice.uri;
  if (choice !== browse) return undefined;
  const files = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { Markdown: ['md', 'markdown'] },
    openLabel: 'Open Runbook',
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return files?.[0];
}
