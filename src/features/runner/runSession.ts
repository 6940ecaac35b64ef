import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Runbook } from '../../core/runbook';
import type { RunEventInput, RunRecord } from '../../core/run';
import { createRunRecord, reduce, restoreAfterCrash } from '../../core/run';
import { RunRecordStore, resolveRunsFolder } from '../../infra/runRecords';

/**
 * The run in progress for the current runbook: its record, every event applied to it and
 * written atomically at once, restored after a reload or crash.
 */
export class RunSession implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<RunRecord | undefined>();
  readonly onDidChange = this._onDidChange.event;

  private record: RunRecord | undefined;
  private store: RunRecordStore | undefined;
  private runbookPath: string | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get current(): RunRecord | undefined {
    return this.record;
  }

  private opening: Promise<void> = Promise.resolve();

  /** Resolves when the last `open` has finished. */
  whenReady(): Promise<void> {
    return this.opening;
  }

  /** Switches to a runbook: opens its runs folder and restores its latest run. */
  open(workspaceRoot: vscode.Uri, runbookPath: string, runbook: Runbook): Promise<void> {
    this.opening = this.opening.then(() => this.openNow(workspaceRoot, runbookPath, runbook));
    return this.opening;
  }

  private async openNow(workspaceRoot: vscode.Uri, runbookPath: string, runbook: Runbook): Promise<void> {
    if (this.runbookPath === runbookPath && this.store) return;
    await this.store?.flush();
    this.runbookPath = runbookPath;
    const folder = resolveRunsFolder(workspaceRoot.fsPath, runbook.config.runs.folder);
    this.store = new RunRecordStore(folder, { onWarning: (m) => this.log.warn(m) });
    let latest = await this.store.latestFor(runbookPath);
    if (latest?.state === 'running') {
      // The window reloaded or the host died while this run was going: nothing is running now.
      latest = restoreAfterCrash(latest, new Date());
      await this.store.write(latest);
      this.log.warn(`Run ${latest.id} was interrupted (window reload or extension host restart); its progress is restored.`);
    }
    this.record = latest;
    this._onDidChange.fire(this.record);
  }

  /** The running record, or a new one for `runbook`. */
  async ensureRun(workspaceRoot: vscode.Uri, runbookText: string, runbook: Runbook, environment: string, dryRun: boolean): Promise<RunRecord> {
    const current = this.record;
    if (current?.state === 'running' && current.dryRun === dryRun && current.environment === environment && current.runbook.path === this.runbookPath) {
      return current;
    }
    const store = this.requireStore();
    const git = await gitHead(workspaceRoot.fsPath);
    const record = createRunRecord(
      {
        runbook: { path: this.runbookPath ?? '', sha256: createHash('sha256').update(runbookText).digest('hex'), ...(runbook.title ? { title: runbook.title } : {}) },
        operator: os.userInfo().username,
        environment,
        dryRun,
        ...(git ? { git } : {}),
      },
      new Date(),
    );
    await store.create(record);
    this.record = record;
    this.dispatch({ type: 'runStarted' });
    return this.record;
  }

  /** Applies an event and writes the record (coalesced, atomic). */
  dispatch(event: RunEventInput): RunRecord | undefined {
    if (!this.record) return undefined;
    this.record = reduce(this.record, event, new Date());
    void this.requireStore()
      .write(this.record)
      .catch((error: unknown) => this.log.error(`Cannot write the run record: ${String(error)}`));
    this._onDidChange.fire(this.record);
    return this.record;
  }

  registerSecrets(values: Iterable<string>): void {
    this.store?.registerSecrets(values);
  }

  async flush(): Promise<void> {
    await this.store?.flush();
  }

  async list(): Promise<ReturnType<RunRecordStore['list']>> {
    return this.requireStore().list();
  }

  async read(id: string): Promise<RunRecord> {
    return this.requireStore().read(id);
  }

  /** Forgets the current run: the next command starts a new one. */
  reset(): void {
    this.record = undefined;
    this._onDidChange.fire(undefined);
  }

  get folder(): string | undefined {
    return this.store?.folder;
  }

  private requireStore(): RunRecordStore {
    if (!this.store) throw new Error('No runbook is open.');
    return this.store;
  }

  dispose(): void {
    void this.store?.flush();
    this._onDidChange.dispose();
  }
}

function gitHead(cwd: string): Promise<{ commit: string; branch?: string } | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD', '--abbrev-ref', 'HEAD'], { cwd, timeout: 5000 }, (error, stdout) => {
      if (error) return resolve(undefined);
      const [commit, branch] = stdout.trim().split('\n');
      resolve(commit ? { commit, ...(branch && branch !== 'HEAD' ? { branch } : {}) } : undefined);
    });
  });
}
