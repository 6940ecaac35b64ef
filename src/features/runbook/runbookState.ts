import type * as vscode from 'vscode';
import type { Runbook } from '../../core/runbook';
import type { LocatedCandidate } from './runbookLocator';

/** What the Runbook view shows; `kind` doubles as the `deployPilot.runbookState` context key. */
export type RunbookState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'none' }
  | { readonly kind: 'multiple'; readonly candidates: readonly LocatedCandidate[] }
  | { readonly kind: 'error'; readonly uri: vscode.Uri; readonly message: string; readonly line: number }
  | { readonly kind: 'ok'; readonly uri: vscode.Uri; readonly runbook: Runbook };
