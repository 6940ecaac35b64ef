import * as path from 'node:path';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/config';
import { decodeRunbookBytes, parseRunbook } from '../../core/runbook';
import { nextEvent } from '../platform/nextEvent';
import { findRunbookCandidates } from './runbookLocator';
import type { RunbookState } from './runbookState';

const SELECTED_KEY = 'deployPilot.selectedRunbook';
const RELOAD_DELAY_MS = 150;

/**
 * Owns "which runbook, and what does it say": locates it (remembered choice, setting,
 * discovery), loads and parses it, and reloads it when it changes on disk or is saved.
 */
export class RunbookService implements vscode.Disposable {
  private readonly _onDidChangeState = new vscode.EventEmitter<RunbookState>();
  readonly onDidChangeState = this._onDidChangeState.event;

  private _state: RunbookState = { kind: 'loading' };
  private readonly disposables: vscode.Disposable[] = [this._onDidChangeState];
  private watcher: vscode.Disposable | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** The texts behind the `ok` state, to skip reloads that change nothing. */
  private loaded: LoadedSources | undefined;

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const uri = this.uri;
        if (uri && (this.isCurrent(doc.uri) || doc.uri.path === sidecarPathFor(uri.path))) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('deployPilot.runbook')) void this.locate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.locate()),
    );
  }

  get state(): RunbookState {
    return this._state;
  }

  /**
   * The state once the first location has finished: a command run right after activation (the
   * palette activates the extension) waits for the runbook instead of reporting none loaded.
   */
  async settled(timeoutMs = 15_000): Promise<RunbookState> {
    if (this._state.kind !== 'loading') return this._state;
    return (await nextEvent(this._onDidChangeState.event, (state) => state.kind !== 'loading', timeoutMs)) ?? this._state;
  }

  /** The runbook file in use, if one is chosen (loaded or failed). */
  get uri(): vscode.Uri | undefined {
    return this._state.kind === 'ok' || this._state.kind === 'error' ? this._state.uri : undefined;
  }

  isCurrent(uri: vscode.Uri): boolean {
    return this.uri?.toString() === uri.toString();
  }

  /** Decides which runbook to show, then loads it. */
  async locate(): Promise<RunbookState> {
    const generation = ++this.generation;
    const chosen = await this.chosenRunbook();
    if (generation !== this.generation) return this._state;
    if (chosen) return this.load(chosen);
    const candidates = await findRunbookCandidates();
    if (generation !== this.generation) return this._state;
    const [first, second] = candidates;
    if (!first) return this.setState({ kind: 'none' });
    if (second && second.score === first.score) return this.setState({ kind: 'multiple', candidates });
    return this.load(first.uri);
  }

  /** Uses `uri` as the runbook from now on (remembered per workspace). */
  async choose(uri: vscode.Uri): Promise<RunbookState> {
    await this.workspaceState.update(SELECTED_KEY, uri.toString());
    this.generation++;
    return this.load(uri);
  }

  /** Drops the remembered choice: the setting or discovery decides again. */
  async forgetChoice(): Promise<RunbookState> {
    await this.workspaceState.update(SELECTED_KEY, undefined);
    return this.locate();
  }

  /** Reads and parses `uri`; never throws: failures become an `error` state with a line. */
  async load(uri: vscode.Uri): Promise<RunbookState> {
    const generation = this.generation;
    this.watch(uri);
    const name = vscode.workspace.asRelativePath(uri, false);
    let next: RunbookState;
    let loaded: LoadedSources | undefined;
    try {
      const decoded = decodeRunbookBytes(await vscode.workspace.fs.readFile(uri), name);
      const sidecar = decoded.ok ? await readSidecar(uri) : undefined;
      if (!decoded.ok) {
        next = { kind: 'error', uri, message: decoded.message, line: decoded.line };
      } else if (
        this._state.kind === 'ok' &&
        this.isCurrent(uri) &&
        decoded.text === this.loaded?.text &&
        sidecar?.text === this.loaded.sidecarText
      ) {
        // A save or watcher event without a change: keep the model (and the tree's selection).
        return this._state;
      } else {
        const runbook = parseRunbook(decoded.text, { fileName: name, ...(sidecar ? { sidecar } : {}) });
        const fatal = runbook.diagnostics.find((d) => d.severity === 'error' && d.code === 'no-steps');
        next = fatal
          ? { kind: 'error', uri, message: `${name}:${fatal.line + 1}: ${fatal.message}`, line: fatal.line }
          : { kind: 'ok', uri, runbook };
        loaded = { text: decoded.text, sidecarText: sidecar?.text };
      }
    } catch (error) {
      const reason = error instanceof vscode.FileSystemError ? error.code : error instanceof Error ? error.message : String(error);
      next = { kind: 'error', uri, message: `Cannot read ${name}: ${reason}.`, line: 0 };
    }
    if (generation !== this.generation) return this._state;
    this.loaded = next.kind === 'ok' ? loaded : undefined;
    if (next.kind === 'error') this.log.warn(next.message);
    else if (next.kind === 'ok') this.log.info(`Loaded runbook ${name} (${next.runbook.lineCount} lines).`);
    return this.setState(next);
  }

  /** Re-reads the current runbook, or locates one when none is chosen. */
  async refresh(): Promise<RunbookState> {
    const uri = this.uri;
    return uri ? this.load(uri) : this.locate();
  }

  private async chosenRunbook(): Promise<vscode.Uri | undefined> {
    const remembered = this.workspaceState.get<string>(SELECTED_KEY);
    if (remembered) {
      const uri = vscode.Uri.parse(remembered);
      if (await exists(uri)) return uri;
      await this.workspaceState.update(SELECTED_KEY, undefined);
    }
    const setting = vscode.workspace.getConfiguration('deployPilot').get<string>('runbook', '').trim();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (setting && folder) {
      return path.isAbsolute(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
    }
    return undefined;
  }

  private watch(uri: vscode.Uri): void {
    if (this.isCurrent(uri) && this.watcher) return;
    this.watcher?.dispose();
    const dir = vscode.Uri.joinPath(uri, '..');
    const base = path.posix.basename(uri.path);
    // The runbook and its sidecar configuration `<name>.deploy-pilot.yaml`.
    const pattern = `{${base},${path.posix.basename(sidecarPathFor(uri.path))}}`;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, pattern));
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidChange(() => this.scheduleReload()),
      watcher.onDidCreate(() => this.scheduleReload()),
      watcher.onDidDelete(() => this.scheduleReload()),
    );
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.refresh();
    }, RELOAD_DELAY_MS);
  }

  private setState(state: RunbookState): RunbookState {
    this._state = state;
    this._onDidChangeState.fire(state);
    return state;
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

interface LoadedSources {
  readonly text: string;
  readonly sidecarText: string | undefined;
}

/** The sidecar configuration next to a runbook, when there is one. */
async function readSidecar(uri: vscode.Uri): Promise<{ file: string; text: string } | undefined> {
  const sidecarUri = uri.with({ path: sidecarPathFor(uri.path) });
  try {
    const bytes = await vscode.workspace.fs.readFile(sidecarUri);
    return { file: vscode.workspace.asRelativePath(sidecarUri, false), text: Buffer.from(bytes).toString('utf8') };
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
