import * as vscode from 'vscode';
import type { CodeBlockNode, RunbookNode, SectionNode, TaskNode } from '../../core/runbook';
import { CommandIds } from '../commands/commandIds';

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', '']);

function openSourceCommand(uri: vscode.Uri, node: RunbookNode): vscode.Command {
  return { command: CommandIds.openSource, title: 'Show in Runbook', arguments: [uri, node.line] };
}

function sectionItem(node: SectionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label);
  const hasSubsections = node.children.some((c) => c.kind === 'section' && c.role !== 'section');
  item.collapsibleState =
    node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : hasSubsections
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const parts: string[] = [];
  if (node.plannedMinutes !== undefined) parts.push(`${node.plannedMinutes} min`);
  const counts = countChildren(node);
  if (counts.code > 0) parts.push(`${counts.code} ${counts.code === 1 ? 'block' : 'blocks'}`);
  if (counts.task > 0) parts.push(`${counts.task} ${counts.task === 1 ? 'item' : 'items'}`);
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(node.role === 'step' ? 'debug-step-over' : node.role === 'option' ? 'git-compare' : 'list-tree');
  item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(node.heading)}**\n\nLine ${node.line + 1}`);
  item.contextValue = `deployPilot.${node.role}`;
  return item;
}

function codeItem(node: CodeBlockNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.firstCommand || '(empty block)', vscode.TreeItemCollapsibleState.None);
  const isShell = SHELL_LANGS.has(node.lang);
  const lines = node.text.split('\n').length;
  item.description = [node.lang || 'text', lines > 1 ? `${lines} lines` : ''].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(isShell ? 'terminal' : 'file-code');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendCodeblock(node.displayText, node.lang || 'text');
  item.tooltip = tooltip;
  item.contextValue = isShell ? 'deployPilot.command' : 'deployPilot.content';
  return item;
}

function taskItem(node: TaskNode, checked: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.checkboxState = checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
  item.contextValue = 'deployPilot.task';
  item.tooltip = `${node.text}\nLine ${node.line + 1}`;
  return item;
}

/** The TreeItem for a runbook node. */
export function toTreeItem(node: RunbookNode, uri: vscode.Uri, isChecked: (task: TaskNode) => boolean): vscode.TreeItem {
  const item = node.kind === 'section' ? sectionItem(node) : node.kind === 'code' ? codeItem(node) : taskItem(node, isChecked(node));
  item.id = node.id;
  item.command = openSourceCommand(uri, node);
  return item;
}

function countChildren(node: SectionNode): { code: number; task: number } {
  let code = 0;
  let task = 0;
  for (const child of node.children) {
    if (child.kind === 'code') code++;
    else if (child.kind === 'task') task++;
  }
  return { code, task };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
