import * as vscode from 'vscode';
import { CommandIds } from '../commands/commandIds';
import { registerCommand } from '../commands/registerCommand';
import type { RunbookService } from '../runbook/runbookService';
import type { ChangelogUi } from './insertChangelogEntry';
import { insertChangelogEntry, vscodeChangelogUi } from './insertChangelogEntry';
import type { PreflightService } from './preflightService';
import type { ReleaseActions } from './releaseActions';

/** The release commands and the UI they ask through (tests replace `ui`). */
export class ReleaseCommands {
  ui: ChangelogUi = vscodeChangelogUi;

  constructor(
    private readonly service: RunbookService,
    readonly preflight: PreflightService,
    readonly actions: ReleaseActions,
  ) {}

  insertChangelogEntry(): Promise<vscode.TextEditor | undefined> {
    return insertChangelogEntry(this.service, this.ui);
  }

  register(log: vscode.LogOutputChannel): vscode.Disposable[] {
    return [
      registerCommand(CommandIds.insertChangelogEntry, log, () => this.insertChangelogEntry()),
      registerCommand(CommandIds.squashMerge, log, () => this.actions.run('squashMerge')),
      registerCommand(CommandIds.merge, log, () => this.actions.run('merge')),
      registerCommand(CommandIds.createTag, log, () => this.actions.run('tag')),
      registerCommand(CommandIds.pushRelease, log, () => this.actions.run('push')),
      registerCommand(CommandIds.deleteFeatureBranch, log, () => this.actions.run('deleteBranch')),
      registerCommand(CommandIds.runPreflight, log, async () => {
        const result = await this.preflight.run();
        const failed = result.checks.filter((c) => !c.ok);
        if (failed.length > 0) {
          void vscode.window.showWarningMessage(`Release preflight: ${failed.length} of ${result.checks.length} checks failed: ${failed.map((c) => c.title).join(', ')}. See the Preflight group for the fixes.`);
        }
        return result;
      }),
    ];
  }
}
