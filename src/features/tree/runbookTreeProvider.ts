import * as vscode from 'vscode';
import type { RunRecord, StepStatus } from '../../core/run';
import { aggregateStatus, commandStatus, stepStatus } from '../../core/run';
import type { TaskNode } from '../../core/runbook';
import { walk } from '../../core/runbook';
import type { RunbookService } from '../runbook/runbookService';
import type { ChecklistStore } from './checklistStore';
import type { PreflightCheck } from '../../infra/git';
import type { PreflightCheckElement } from './preflightItems';
import { PREFLIGHT_GROUP, preflightCheckItem, preflightGroupItem } from './preflightItems';
import { toTreeItem } from './runbookTreeItems';
import { statusLook } from './statusLook';
import type { RunbookTreeElement } from './treeElement';

/** What monitoring says about a measurable checklist item. */
export interface TaskVerification {
  readonly state: 'unverified' | 'holding' | 'verified' | 'violated';
  readonly text: string;
}

const VERIFICATION_ICONS: Record<TaskVerification['state'], string> = {
  unverified: 'circle-large-outline',
  holding: 'watch',
  verified: 'pass-filled',
  violated: 'error',
};

/** The Runbook view's data: sections → steps → code blocks (→ commands) and checklist items. */
export class RunbookTreeProvider implements vscode.TreeDataProvider<RunbookTreeElement>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<RunbookTreeElement | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  private parents = new Map<RunbookTreeElement, RunbookTreeElement>();
  private readonly subscription: vscode.Disposable;

  /** The run whose statuses the tree shows. */
  private record: RunRecord | undefined;
  /** Monitoring's verdicts on measurable checklist items, by task id. */
  private verifications: ReadonlyMap<string, TaskVerification> = new Map();
  /** The last release preflight, shown as a group at the top. */
  private preflight: { checks: readonly PreflightCheckElement[]; at: Date } | undefined;

  constructor(
    private readonly service: RunbookService,
    private readonly checklist: ChecklistStore,
  ) {
    this.subscription = service.onDidChangeState(() => {
      this.indexParents();
      this._onDidChangeTreeData.fire(undefined);
    });
    this.indexParents();
  }

  /** The key under which this runbook's checkbox state is stored. */
  get runbookKey(): string | undefined {
    const uri = this.service.uri;
    return uri ? vscode.workspace.asRelativePath(uri, false) : undefined;
  }

  isChecked(task: TaskNode): boolean {
    const key = this.runbookKey;
    const stored = key ? this.checklist.get(key, task.id) : undefined;
    return stored ? stored.checked : task.checked;
  }

  async setChecked(changes: ReadonlyArray<{ task: TaskNode; checked: boolean }>): Promise<void> {
    const key = this.runbookKey;
    if (!key || changes.length === 0) return;
    await this.checklist.set(
      key,
      changes.map(({ task, checked }) => ({ taskId: task.id, checked })),
    );
    for (const { task } of changes) this._onDidChangeTreeData.fire(task);
  }

  /** Shows the release preflight's checks at the top of the view. */
  showPreflight(checks: readonly PreflightCheck[], at: Date): void {
    this.preflight = { checks: checks.map((check) => ({ kind: 'preflightCheck', id: `preflight/${check.id}`, check })), at };
    this._onDidChangeTreeData.fire(undefined);
  }

  /** Shows monitoring's verdicts next to measurable checklist items ("auto-verified at 14:03 from 3,600 samples"). */
  showVerifications(verifications: ReadonlyMap<string, TaskVerification>): void {
    const previous = this.verifications;
    this.verifications = verifications;
    const same = (a: TaskVerification | undefined, b: TaskVerification | undefined): boolean => a?.state === b?.state && a?.text === b?.text;
    const changed = new Set([...previous.keys(), ...verifications.keys()].filter((id) => !same(previous.get(id), verifications.get(id))));
    if (changed.size === 0) return;
    // Only the items whose verdict changed: a whole-tree refresh on every evaluation would race
    // with the operator's checkbox clicks (VS Code drops a click on an item being re-rendered).
    const state = this.service.state;
    const tasks = state.kind === 'ok' ? [...walk(state.runbook.children)].filter((n): n is TaskNode => n.kind === 'task' && changed.has(n.id)) : [];
    if (tasks.length !== changed.size) {
      this._onDidChangeTreeData.fire(undefined);
      return;
    }
    for (const task of tasks) this._onDidChangeTreeData.fire(task);
  }

  /** Shows the statuses of `record` (or none). */
  showRun(record: RunRecord | undefined): void {
    this.record = record;
    this._onDidChangeTreeData.fire(undefined);
  }

  getTreeItem(node: RunbookTreeElement): vscode.TreeItem {
    if (node.kind === 'preflightGroup') return preflightGroupItem(this.preflight?.checks.map((c) => c.check) ?? [], this.preflight?.at ?? new Date());
    if (node.kind === 'preflightCheck') return preflightCheckItem(node);
    const state = this.service.state;
    if (state.kind !== 'ok') return new vscode.TreeItem('');
    const item = toTreeItem(node, state.uri, (task) => this.isChecked(task));
    const verification = node.kind === 'task' ? this.verifications.get(node.id) : undefined;
    if (verification) {
      item.description = verification.text;
      item.iconPath = new vscode.ThemeIcon(VERIFICATION_ICONS[verification.state]);
    }
    const status = this.statusOf(node);
    const look = status ? statusLook(status) : undefined;
    if (look) {
      item.iconPath = look.icon;
      item.description = [look.word, typeof item.description === 'string' ? item.description : ''].filter(Boolean).join(' · ');
    }
    return item;
  }

  statusOf(node: RunbookTreeElement): StepStatus | undefined {
    const record = this.record;
    if (!record) return undefined;
    if (node.kind === 'command') return commandStatus(record, node.id);
    if (node.kind === 'code') return node.commands.length > 0 ? aggregateStatus(node.commands.map((c) => commandStatus(record, c.id))) : undefined;
    if (node.kind === 'section') return stepStatus(record, node);
    return undefined;
  }

  getChildren(node?: RunbookTreeElement): RunbookTreeElement[] {
    const state = this.service.state;
    if (state.kind !== 'ok') return [];
    if (!node) return this.preflight ? [PREFLIGHT_GROUP, ...state.runbook.children] : state.runbook.children;
    if (node.kind === 'preflightGroup') return [...(this.preflight?.checks ?? [])];
    if (node.kind === 'section') return node.children;
    return node.kind === 'code' && node.commands.length > 1 ? [...node.commands] : [];
  }

  getParent(node: RunbookTreeElement): RunbookTreeElement | undefined {
    if (node.kind === 'preflightCheck') return PREFLIGHT_GROUP;
    return this.parents.get(node);
  }

  private indexParents(): void {
    this.parents = new Map();
    const state = this.service.state;
    if (state.kind !== 'ok') return;
    for (const node of walk(state.runbook.children)) {
      if (node.kind === 'section') for (const child of node.children) this.parents.set(child, node);
      if (node.kind === 'code' && node.commands.length > 1) for (const command of node.commands) this.parents.set(command, node);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this._onDidChangeTreeData.dispose();
  }
}
