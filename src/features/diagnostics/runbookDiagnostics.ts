import * as vscode from 'vscode';
import type { DiagnosticSeverity, RunbookDiagnostic } from '../../core/runbook';
import type { RunbookService } from '../runbook/runbookService';
import type { RunbookState } from '../runbook/runbookState';

const SEVERITY: Record<DiagnosticSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function toVscodeDiagnostic(d: RunbookDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.line, d.column, d.endLine ?? d.line, d.endColumn ?? Number.MAX_SAFE_INTEGER);
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  diagnostic.source = 'Deploy Pilot';
  diagnostic.code = d.code;
  return diagnostic;
}

/** Publishes the runbook's diagnostics to the Problems panel, on the runbook file. */
export class RunbookDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('deployPilot');
  private readonly subscription: vscode.Disposable;
  private shown: vscode.Uri | undefined;

  constructor(service: RunbookService) {
    this.subscription = service.onDidChangeState((state) => this.publish(state));
    this.publish(service.state);
  }

  private publish(state: RunbookState): void {
    if (this.shown) this.collection.delete(this.shown);
    this.shown = undefined;
    if (state.kind === 'ok') {
      this.collection.set(state.uri, state.runbook.diagnostics.map(toVscodeDiagnostic));
      this.shown = state.uri;
    } else if (state.kind === 'error') {
      const d = new vscode.Diagnostic(new vscode.Range(state.line, 0, state.line, Number.MAX_SAFE_INTEGER), state.message, vscode.DiagnosticSeverity.Error);
      d.source = 'Deploy Pilot';
      this.collection.set(state.uri, [d]);
      this.shown = state.uri;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
