import * as vscode from 'vscode';
import type { PreflightCheck } from '../../infra/git';

/** The "Preflight" group at the top of the Runbook view and its checks. */
export interface PreflightGroupElement {
  readonly kind: 'preflightGroup';
  readonly id: 'preflight';
}

export interface PreflightCheckElement {
  readonly kind: 'preflightCheck';
  readonly id: string;
  readonly check: PreflightCheck;
}

export const PREFLIGHT_GROUP: PreflightGroupElement = { kind: 'preflightGroup', id: 'preflight' };

export function preflightGroupItem(checks: readonly PreflightCheck[], at: Date): vscode.TreeItem {
  const failed = checks.filter((c) => !c.ok).length;
  const item = new vscode.TreeItem('Preflight', vscode.TreeItemCollapsibleState.Expanded);
  item.id = PREFLIGHT_GROUP.id;
  item.description = `${failed === 0 ? 'all passed' : `${failed} failed`} · ${at.toLocaleTimeString()}`;
  item.iconPath = new vscode.ThemeIcon(failed === 0 ? 'pass' : 'error', new vscode.ThemeColor(failed === 0 ? 'testing.iconPassed' : 'testing.iconFailed'));
  item.contextValue = 'deployPilot.preflight';
  return item;
}

export function preflightCheckItem(element: PreflightCheckElement): vscode.TreeItem {
  const { check } = element;
  const item = new vscode.TreeItem(check.title, vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.description = check.detail.split('\n')[0];
  item.iconPath = new vscode.ThemeIcon(check.ok ? 'pass' : 'error', new vscode.ThemeColor(check.ok ? 'testing.iconPassed' : 'testing.iconFailed'));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(check.detail);
  if (!check.ok && check.fix) {
    tooltip.appendMarkdown('\n\n**Fix:**\n');
    tooltip.appendCodeblock(check.fix, 'bash');
  }
  item.tooltip = tooltip;
  item.contextValue = check.ok ? 'deployPilot.preflightCheck' : 'deployPilot.preflightCheck.failed';
  return item;
}
