import * as vscode from 'vscode';
import type { CodeBlockNode, RunbookCommand, RunbookNode, SectionNode, TaskNode } from '../../core/runbook';
import type { CommandClassification } from '../../core/shell';
import { CommandIds } from '../commands/commandIds';

function openSourceCommand(uri: vscode.Uri, line: number): vscode.Command {
  return { command: CommandIds.openSource, title: 'Show in Runbook', arguments: [uri, line] };
}

/** Words and icon for what a command is: destructive, long-running, interactive or plain. */
export function classificationLook(c: CommandClassification): { icon: vscode.ThemeIcon; words: string[]; context: string } {
  const words = [c.destructive ? 'destructive' : '', c.longRunning ? 'long-running' : '', c.interactive ? 'interactive' : ''].filter(Boolean);
  const icon = c.destructive
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : c.longRunning
      ? new vscode.ThemeIcon('watch')
      : c.interactive
        ? new vscode.ThemeIcon('edit')
        : new vscode.ThemeIcon('terminal');
  const context = c.destructive ? 'deployPilot.command.destructive' : c.longRunning || c.interactive ? 'deployPilot.command.background' : 'deployPilot.command';
  return { icon, words, context };
}

function classificationTooltip(c: CommandClassification): string {
  return [
    c.destructive ? `⚠️ Destructive: ${c.destructive}. Deploy Pilot asks before running it.` : '',
    c.longRunning ? `⏱ Long-running: ${c.longRunning}. Started, not awaited.` : '',
    c.interactive ? `⌨️ Interactive: ${c.interactive}. Needs you at the terminal.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
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
  if (node.traits.windowSeconds !== undefined && node.plannedMinutes === undefined) parts.push(`window ${formatWindow(node.traits.windowSeconds)}`);
  const counts = countChildren(node);
  if (counts.commands > 0) parts.push(`${counts.commands} ${counts.commands === 1 ? 'command' : 'commands'}`);
  if (counts.task > 0) parts.push(`${counts.task} ${counts.task === 1 ? 'item' : 'items'}`);
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    node.traits.rollback ? 'history' : node.role === 'step' ? 'debug-step-over' : node.role === 'option' ? 'git-compare' : node.traits.optionGroup ? 'list-selection' : 'list-tree',
  );
  item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(node.heading)}**\n\nLine ${node.line + 1}`);
  item.contextValue = `deployPilot.${node.role}${node.traits.rollback ? '.rollback' : ''}`;
  return item;
}

function codeItem(node: CodeBlockNode): vscode.TreeItem {
  const single = node.commands.length === 1 ? node.commands[0] : undefined;
  const many = node.commands.length > 1;
  const item = new vscode.TreeItem(single?.label ?? (node.firstCommand || '(empty block)'), many ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  const tooltip = new vscode.MarkdownString();
  if (node.role === 'commands') {
    const worst = single?.classification ?? mergeClassifications(node.commands);
    const look = classificationLook(worst);
    item.iconPath = look.icon;
    item.description = [many ? `${node.commands.length} commands` : '', ...look.words].filter(Boolean).join(' · ');
    item.contextValue = single ? look.context : 'deployPilot.commandBlock';
    const note = classificationTooltip(worst);
    if (note) tooltip.appendMarkdown(`${note}\n\n`);
  } else {
    item.iconPath = new vscode.ThemeIcon(node.role === 'output' ? 'output' : 'file-code');
    item.description = node.role === 'output' ? 'expected output' : node.lang || 'text';
    item.contextValue = 'deployPilot.content';
  }
  tooltip.appendCodeblock(node.displayText, node.lang || 'text');
  item.tooltip = tooltip;
  return item;
}

function commandItem(command: RunbookCommand): vscode.TreeItem {
  const item = new vscode.TreeItem(command.label, vscode.TreeItemCollapsibleState.None);
  const look = classificationLook(command.classification);
  item.iconPath = look.icon;
  item.description = look.words.join(' · ');
  item.contextValue = look.context;
  const tooltip = new vscode.MarkdownString();
  if (command.comment) tooltip.appendText(`${command.comment}\n\n`);
  const note = classificationTooltip(command.classification);
  if (note) tooltip.appendMarkdown(`${note}\n\n`);
  tooltip.appendCodeblock(command.text, 'bash');
  item.tooltip = tooltip;
  return item;
}

function taskItem(node: TaskNode, checked: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.checkboxState = checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
  item.contextValue = node.criterion ? 'deployPilot.task.measurable' : 'deployPilot.task';
  item.tooltip = node.criterion ? `${node.text}\nMeasurable: ${node.criterion.metric} ${node.criterion.comparator} ${node.criterion.threshold.raw}\nLine ${node.line + 1}` : `${node.text}\nLine ${node.line + 1}`;
  return item;
}

/** The TreeItem for an element of the Runbook view. */
export function toTreeItem(element: RunbookNode | RunbookCommand, uri: vscode.Uri, isChecked: (task: TaskNode) => boolean): vscode.TreeItem {
  const item =
    element.kind === 'section'
      ? sectionItem(element)
      : element.kind === 'code'
        ? codeItem(element)
        : element.kind === 'command'
          ? commandItem(element)
          : taskItem(element, isChecked(element));
  item.id = element.id;
  item.command = openSourceCommand(uri, element.line);
  return item;
}

function mergeClassifications(commands: readonly RunbookCommand[]): CommandClassification {
  const pick = (key: 'destructive' | 'longRunning' | 'interactive'): Partial<CommandClassification> => {
    const hit = commands.find((c) => c.classification[key])?.classification[key];
    return hit ? { [key]: hit } : {};
  };
  return { ...pick('destructive'), ...pick('longRunning'), ...pick('interactive') };
}

function countChildren(node: SectionNode): { commands: number; task: number } {
  let commands = 0;
  let task = 0;
  for (const child of node.children) {
    if (child.kind === 'code') commands += child.commands.length;
    else if (child.kind === 'task') task++;
  }
  return { commands, task };
}

function formatWindow(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${Math.round(seconds / 60)} min`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
