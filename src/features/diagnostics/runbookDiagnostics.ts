import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/config';
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

  constructor(service: RunbookService) {
    this.subscription = service.onDidChangeState((state) => this.publish(state));
    this.publish(service.state);
  }

  private publish(state: RunbookState): void {
    this.collection.clear();
    if (state.kind === 'ok') {
      // Diagnostics naming another file belong to the sidecar configuration next to the runbook.
      const sidecar = state.uri.with({ path: sidecarPathFor(state.uri.path) });
      const inRunbook = state.runbook.diagnostics.filter((d) => d.file === undefined);
      const inSidecar = state.runbook.diagnostics.filter((d) => d.file !== undefined);
      this.collection.set(state.uri, inRunbook.map(toVscodeDiagnostic));
      if (inSidecar.length > 0) this.collection.set(sidecar, inSidecar.map(toVscodeDiagnostic));
    } else if (state.kind === 'error') {
      const d = new vscode.Diagnostic(new vscode.Range(state.line, 0, state.line, Number.MAX_SAFE_INTEGER), state.message, vscode.DiagnosticSeverity.Error);
      d.source = 'Deploy Pilot';
      this.collection.set(state.uri, [d]);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
