import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TaskNode } from '../../core/runbook';
import { nodePathAtLine } from '../../core/runbook';
import type { RunbookService } from '../runbook/runbookService';
import type { RunbookState } from '../runbook/runbookState';
import type { RunbookTreeProvider } from './runbookTreeProvider';
import type { RunbookTreeElement } from './treeElement';

export const RUNBOOK_VIEW_ID = 'deployPilot.runbook';
const STATE_CONTEXT_KEY = 'deployPilot.runbookState';

/** The Runbook TreeView: checkbox events, title, messages and the state context key. */
export class RunbookView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<RunbookTreeElement>;
  private readonly _onDidTick = new vscode.EventEmitter<ReadonlyArray<{ task: TaskNode; checked: boolean }>>();
  /** Checklist items ticked or unticked by the operator. */
  readonly onDidTick = this._onDidTick.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly service: RunbookService,
    provider: RunbookTreeProvider,
  ) {
    this.treeView = vscode.window.createTreeView(RUNBOOK_VIEW_ID, {
      treeDataProvider: provider,
      showCollapseAll: true,
      manageCheckboxStateManually: true,
    });
    this.disposables.push(
      this._onDidTick,
      this.treeView,
      this.treeView.onDidChangeCheckboxState((e) => {
        const changes = e.items
          .filter((entry): entry is [TaskNode, vscode.TreeItemCheckboxState] => entry[0].kind === 'task')
          .map(([task, state]) => ({ task, checked: state === vscode.TreeItemCheckboxState.Checked }));
        void provider.setChecked(changes);
        if (changes.length > 0) this._onDidTick.fire(changes);
      }),
      service.onDidChangeState((state) => this.render(state)),
    );
    this.render(service.state);
  }

  /** Selects the innermost item at `line` of the runbook. */
  async revealLine(line: number): Promise<RunbookTreeElement | undefined> {
    const state = this.service.state;
    if (state.kind !== 'ok') return undefined;
    const target = nodePathAtLine(state.runbook.children, line).at(-1);
    if (!target) return undefined;
    // Reveal works on a view that has rendered; open it first when it is hidden.
    if (!this.treeView.visible) await vscode.commands.executeCommand(`${RUNBOOK_VIEW_ID}.focus`);
    await this.treeView.reveal(target, { select: true, focus: true, expand: true });
    return target;
  }

  private render(state: RunbookState): void {
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.kind);
    switch (state.kind) {
      case 'ok':
        this.treeView.title = 'Runbook';
        this.treeView.description = state.runbook.title ?? path.posix.basename(state.uri.path);
        this.treeView.message = undefined;
        break;
      case 'error':
        this.treeView.description = path.posix.basename(state.uri.path);
        this.treeView.message = state.message;
        break;
      case 'multiple':
        this.treeView.description = undefined;
        this.treeView.message = `${state.candidates.length} runbooks found.`;
        break;
      case 'none':
      case 'loading':
        this.treeView.description = undefined;
        this.treeView.message = undefined;
        break;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
