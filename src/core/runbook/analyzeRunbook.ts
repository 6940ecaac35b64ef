import { extractAlertConditions, parseAlertCondition } from '../alerts';
import type { RunbookConfig } from '../config';
import { commandPosition } from './commands';
import type { CodeBlockNode, Runbook, RunbookAlert, RunbookCommand, RunbookDiagnostic, RunbookNode, SectionNode } from './model';
import type { RunbookStructure } from './parseStructure';
import { parseTimeline } from './timeline';
import { collectVariables } from './variables';

const TIMELINE_HEADING = /\btime\s*line\b/i;

/** Cross-cutting analysis over the parsed structure: commands, variables, alerts, diagnostics. */
export function analyzeRunbook(
  structure: RunbookStructure,
  config: RunbookConfig,
  configDiagnostics: readonly RunbookDiagnostic[],
  frontMatterEndLine: number | undefined,
): Runbook {
  const lines = structure.lines();
  const position = (command: RunbookCommand, offset: number): { line: number; column: number } => commandPosition(command, offset, lines);
  const diagnostics: RunbookDiagnostic[] = [...structure.diagnostics, ...configDiagnostics];

  // One walk (parents before children, as walk() goes) for the nodes and the commands.
  const nodes: RunbookNode[] = [];
  const commands: RunbookCommand[] = [];
  collectNodes(structure.children, nodes, commands);

  const destructive: RunbookCommand[] = [];
  for (let c = 0; c < commands.length; c++) {
    const command = commands[c] as RunbookCommand;
    if (command.classification.destructive) destructive.push(command);
    const issues = command.issues;
    for (let k = 0; k < issues.length; k++) {
      const issue = issues[k] as RunbookCommand['issues'][number];
      const start = position(command, issue.column);
      const end = position(command, issue.column + issue.length);
      diagnostics.push({
        severity: issue.severity,
        code: 'command',
        message: issue.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
    }
  }

  const { variables, diagnostics: variableDiagnostics } = collectVariables(
    commands,
    Object.values(config.variables),
    position,
  );
  diagnostics.push(...variableDiagnostics);

  const alerts: RunbookAlert[] = [];
  let timeline: Runbook['timeline'];
  let hasRollback = false;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as RunbookNode;
    if (node.kind === 'code' && node.role === 'commands') blockAlerts(node, lines, diagnostics, alerts);
    if (node.kind === 'section') {
      if (node.traits.rollback) hasRollback = true;
      checkOptionGroup(node, diagnostics);
      if (!timeline && TIMELINE_HEADING.test(node.label)) timeline = sectionTimeline(node);
    }
  }
  for (const alert of config.alerts) {
    const parsed = parseAlertCondition(alert.condition);
    const line = frontMatterEndLine !== undefined ? 1 : 0;
    if (parsed.ok) alerts.push({ rule: parsed.value, name: alert.name, origin: 'config', line, column: 0 });
    else
      diagnostics.push({
        severity: 'warning',
        code: 'alert-condition',
        message: `Alert "${alert.name}": cannot read the condition "${alert.condition}": ${parsed.error} (at column ${parsed.column + 1}).`,
        line,
        column: 0,
      });
  }

  const firstDestructive = destructive[0];
  if (firstDestructive && !hasRollback) {
    diagnostics.push({
      severity: 'warning',
      code: 'no-rollback-section',
      message: `This runbook has ${destructive.length} destructive ${destructive.length === 1 ? 'command' : 'commands'} (first: ${firstDestructive.label}: ${firstDestructive.classification.destructive ?? ''}) but no rollback section: add a heading with "Rollback", "Revert" or "Undo" that says how to go back.`,
      line: firstDestructive.line,
      column: position(firstDestructive, 0).column,
    });
  }

  diagnostics.sort((a, b) => (a.file === b.file ? 0 : (a.file ?? '').localeCompare(b.file ?? '')) || a.line - b.line || a.column - b.column);
  return {
    ...(structure.title !== undefined ? { title: structure.title } : {}),
    ...(structure.subtitle !== undefined ? { subtitle: structure.subtitle } : {}),
    children: structure.children,
    diagnostics,
    lineCount: structure.lineCount,
    repairedMojibake: structure.repairedMojibake,
    config,
    ...(frontMatterEndLine !== undefined ? { frontMatterEndLine } : {}),
    variables,
    alerts,
    ...(timeline ? { timeline } : {}),
  };
}

/** Alert conditions written in a shell block (`ALERT_CONDITIONS=( … )`, "# Set up alerts for:"). */
function blockAlerts(node: CodeBlockNode, lines: readonly string[], diagnostics: RunbookDiagnostic[], alerts: RunbookAlert[]): void {
  const conditions = extractAlertConditions(node.text);
  if (conditions.length === 0) return;
  const contentLine = node.fence === 'indented' ? node.line : node.line + 1;
  const blockLines = node.text.split('\n');
  for (const found of conditions) {
    const line = contentLine + found.line;
    const blockLine = blockLines[found.line] ?? '';
    const fileLine = lines[line] ?? '';
    const column = (fileLine.endsWith(blockLine) ? fileLine.length - blockLine.length : 0) + found.column;
    const parsed = parseAlertCondition(found.text);
    if (parsed.ok) {
      alerts.push({ rule: parsed.value, origin: 'runbook', line, column });
    } else {
      diagnostics.push({
        severity: 'warning',
        code: 'alert-condition',
        message: `Cannot read the alert condition "${found.text}": ${parsed.error}. It is not monitored.`,
        line,
        column: column + parsed.column,
        endColumn: column + found.text.length,
      });
    }
  }
}

/** Every node (parents before children, like walk) and every command in document order (like allCommands). */
function collectNodes(level: readonly RunbookNode[], nodes: RunbookNode[], commands: RunbookCommand[]): void {
  for (let i = 0; i < level.length; i++) {
    const node = level[i] as RunbookNode;
    nodes.push(node);
    if (node.kind === 'section') collectNodes(node.children, nodes, commands);
    else if (node.kind === 'code') for (let k = 0; k < node.commands.length; k++) commands.push(node.commands[k] as RunbookCommand);
  }
}

function checkOptionGroup(node: SectionNode, diagnostics: RunbookDiagnostic[]): void {
  if (!node.traits.optionGroup) return;
  let only: SectionNode | undefined;
  let options = 0;
  for (const c of node.children) {
    if (c.kind === 'section' && c.role === 'option') {
      only ??= c;
      options++;
    }
  }
  if (options === 1 && only) {
    diagnostics.push({
      severity: 'warning',
      code: 'single-option',
      message: `"${node.label}" offers a choice but has only one option ("${only.label}"): add the alternatives or drop "Option" from the heading.`,
      line: only.line,
      column: 0,
    });
  }
}

function sectionTimeline(node: SectionNode): Runbook['timeline'] {
  for (const child of node.children) {
    if (child.kind !== 'code') continue;
    const entries = parseTimeline(child.displayText);
    if (entries.length > 0) return entries;
  }
  return undefined;
}
