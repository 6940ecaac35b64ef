import type * as vscode from 'vscode';

export interface CheckRecord {
  readonly checked: boolean;
  /** ISO time of the tick or untick. */
  readonly at: string;
}

type ChecklistState = Record<string, CheckRecord>;

/**
 * Checkbox state per runbook in workspace state. Keys are task ids (section path + text),
 * so ticks survive edits that move lines.
 */
export class ChecklistStore {
  constructor(private readonly memento: vscode.Memento) {}

  private key(runbookKey: string): string {
    return `deployPilot.checklist:${runbookKey}`;
  }

  all(runbookKey: string): Readonly<ChecklistState> {
    return this.memento.get<ChecklistState>(this.key(runbookKey), {});
  }

  get(runbookKey: string, taskId: string): CheckRecord | undefined {
    return this.all(runbookKey)[taskId];
  }

  async set(runbookKey: string, changes: ReadonlyArray<{ taskId: string; checked: boolean }>, now = new Date()): Promise<void> {
    const next: ChecklistState = { ...this.all(runbookKey) };
    for (const { taskId, checked } of changes) next[taskId] = { checked, at: now.toISOString() };
    await this.memento.update(this.key(runbookKey), next);
  }

  async clear(runbookKey: string): Promise<void> {
    await this.memento.update(this.key(runbookKey), undefined);
  }
}
