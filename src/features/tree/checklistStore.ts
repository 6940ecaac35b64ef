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
  /**
   * The state of this session, written through to the memento. Reads never go back to the
   * memento once loaded: the extension host's copy of workspace state can be overwritten by a
   * storage change event that carries an earlier write, so a tick made right after another one
   * would be lost (two quick ticks did lose the second).
   */
  private readonly cache = new Map<string, ChecklistState>();

  constructor(private readonly memento: vscode.Memento) {}

  private key(runbookKey: string): string {
    return `deployPilot.checklist:${runbookKey}`;
  }

  all(runbookKey: string): Readonly<ChecklistState> {
    const key = this.key(runbookKey);
    let state = this.cache.get(key);
    if (!state) {
      state = { ...this.memento.get<ChecklistState>(key, {}) };
      this.cache.set(key, state);
    }
    return state;
  }

  get(runbookKey: string, taskId: string): CheckRecord | undefined {
    return this.all(runbookKey)[taskId];
  }

  async set(runbookKey: string, changes: ReadonlyArray<{ taskId: string; checked: boolean }>, now = new Date()): Promise<void> {
    const next: ChecklistState = { ...this.all(runbookKey) };
    for (const { taskId, checked } of changes) next[taskId] = { checked, at: now.toISOString() };
    this.cache.set(this.key(runbookKey), next);
    await this.memento.update(this.key(runbookKey), next);
  }

  async clear(runbookKey: string): Promise<void> {
    this.cache.set(this.key(runbookKey), {});
    await this.memento.update(this.key(runbookKey), undefined);
  }
}
