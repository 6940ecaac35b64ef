import * as vscode from 'vscode';
import type { RunbookService } from '../runbook/runbookService';
import type { RunSession } from '../runner/runSession';
import type { MonitoringService } from '../monitoring/monitoringService';
import { dashboardHtml, dashboardOptions } from './dashboardHtml';
import type { DashboardActions } from './dashboardSession';
import { DashboardSession } from './dashboardSession';

export const DASHBOARD_VIEW_TYPE = 'deployPilot.dashboard';

/**
 * The one dashboard panel: opened from the palette, the status bar, a notification or the tree,
 * and restored after a window reload by its serializer (the webview brings back its window,
 * pause and environment with `getState`; the host sends the history again from the store).
 */
export class DashboardController implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private current: DashboardSession | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly runbooks: RunbookService,
    private readonly monitoring: MonitoringService,
    private readonly session: RunSession,
    private readonly actions: DashboardActions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, this));
  }

  /** The open panel's session (for tests). */
  get active(): DashboardSession | undefined {
    return this.current;
  }

  open(environment?: string): DashboardSession {
    if (this.current) {
      this.current.panel.reveal(undefined, false);
      this.current.show(environment);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Deploy Pilot Dashboard', vscode.ViewColumn.Active, dashboardOptions(this.extensionUri));
    return this.attach(panel, environment);
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = dashboardOptions(this.extensionUri);
    this.attach(panel, undefined);
    return Promise.resolve();
  }

  private attach(panel: vscode.WebviewPanel, environment: string | undefined): DashboardSession {
    this.current?.dispose();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'deploy-pilot.svg');
    const session = new DashboardSession(panel, this.runbooks, this.monitoring, this.session, this.actions, this.log, environment);
    panel.webview.html = dashboardHtml(panel.webview, this.extensionUri);
    panel.onDidDispose(() => {
      session.dispose();
      if (this.current === session) this.current = undefined;
    });
    this.current = session;
    return session;
  }

  dispose(): void {
    this.current?.panel.dispose();
    this.current?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
