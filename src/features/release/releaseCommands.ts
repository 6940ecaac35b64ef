import type * as vscode from 'vscode';
import { CommandIds } from '../commands/commandIds';
import { registerCommand } from '../commands/registerCommand';
import type { RunbookService } from '../runbook/runbookService';
import type { ChangelogUi } from './insertChangelogEntry';
import { insertChangelogEntry, vscodeChangelogUi } from './insertChangelogEntry';

/** The release commands and the UI they ask through (tests replace `ui`). */
export class ReleaseCommands {
  ui: ChangelogUi = vscodeChangelogUi;

  constructor(private readonly service: RunbookService) {}

  insertChangelogEntry(): Promise<vscode.TextEditor | undefined> {
    return insertChangelogEntry(this.service, this.ui);
  }

  register(log: vscode.LogOutputChannel): vscode.Disposable[] {
    return [registerCommand(CommandIds.insertChangelogEntry, log, () => this.insertChangelogEntry())];
  }
}
