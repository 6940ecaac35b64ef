import * as vscode from 'vscode';
import { releaseTargets } from '../../core/release';
import type { PreflightCheck } from '../../infra/git';
import { ReleaseGit } from '../../infra/git';
import type { RunbookService } from '../runbook/runbookService';

export interface PreflightResult {
  readonly at: Date;
  readonly checks: readonly PreflightCheck[];
  readonly featureBranch?: string;
  readonly tag?: string;
}

/**
 * Runs the release preflight (simple-git) for the runbook's feature branch and tag, and keeps
 * the last result for the Preflight group of the Runbook view.
 */
export class PreflightService implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<PreflightResult | undefined>();
  readonly onDidChange = this._onDidChange.event;
  private _result: PreflightResult | undefined;

  constructor(private readonly service: RunbookService) {}

  get result(): PreflightResult | undefined {
    return this._result;
  }

  async run(): Promise<PreflightResult> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open a workspace folder (a git repository) first.');
    const state = await this.service.settled();
    const targets = state.kind === 'ok' ? releaseTargets(state.runbook) : {};
    const checks = await vscode.window.withProgress(
      { location: { viewId: 'deployPilot.runbook' }, title: 'Release preflight' },
      () => new ReleaseGit(folder.uri.fsPath).preflight({ ...targets, fetch: true }),
    );
    this._result = { at: new Date(), checks, ...targets };
    this._onDidChange.fire(this._result);
    return this._result;
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}
